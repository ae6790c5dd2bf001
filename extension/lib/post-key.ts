// The storage key of one post's passages (kept apart from settings.ts so the content script watches it without the storage library).
export const postKey = (url: string) => `local:post:${url}` as const;

/** The same key as chrome.storage.local names it (without the area prefix). */
export const postStorageKey = (url: string) => postKey(url).slice('local:'.length);
