// The storage keys of passages and posts' indexes (apart from settings.ts, so the content script knows them without the storage library).

/** Where each passage is kept, by id (layout 3), as chrome.storage.local names it. */
export const PASSAGE_PREFIX = 'passage:';
export const passageKey = (id: string) => `local:${PASSAGE_PREFIX}${id}` as const;

/** A post's index of its passages, by the post's canonical address. */
export const postIndexKey = (url: string) => `local:post-index:${url}` as const;

/** Layout 2's record of one post's passages (id → passage), which the migrations write and then move. */
export const LAYOUT_2_POST_PREFIX = 'post:';
export const layout2PostKey = (url: string) => `local:${LAYOUT_2_POST_PREFIX}${url}` as const;

/** A key as chrome.storage.local names it (without the area prefix). */
export const inArea = (key: `local:${string}`) => key.slice('local:'.length);
