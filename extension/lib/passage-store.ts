// Where the background keeps passages: each under its own key with a small index per post, a passage saved together
// with its outbox entry (and its post's index when that changes) in one write.
import { storage } from '@wxt-dev/storage';
import type { Passage } from '../../shared/passage';
import type { Op, OpResult, Post } from '../../shared/protocol';
import { exclusive } from './exclusive';
import { enqueue, settle, settlePosts, type Outbox, type PendingPosts } from './outbox';
import { mergeNewer } from './page-passages';
import { hasLive, indexWith, type PostIndex } from './post-index';
import { outboxItem, pendingPostsItem, type PostPassages } from './settings';
import { layoutReady } from './storage-migrations';
import { passageKey, postIndexKey } from './storage-keys';

/** The passages of the posts with these indexes, by id. */
async function readIndexed(indexes: readonly (PostIndex | null)[]): Promise<PostPassages> {
  const ids = indexes.flatMap((index) => Object.keys(index ?? {}));
  const passages = await storage.getItems(ids.map(passageKey));
  return Object.fromEntries(passages.flatMap(({ value }) => (value ? [[(value as Passage).id, value as Passage]] : [])));
}

/** The passages of some posts, by id: their indexes in one read, then their passages in one. */
export async function readPosts(urls: readonly string[]): Promise<PostPassages> {
  await layoutReady();
  return readIndexed((await storage.getItems(urls.map(postIndexKey))).map(({ value }) => value as PostIndex | null));
}

export const readPost = (url: string): Promise<PostPassages> => readPosts([url]);

export async function readOutbox(): Promise<Outbox> {
  await layoutReady();
  return outboxItem.getValue();
}

/**
 * Stores a passage and its outbox entry in one write, unless its rev or a later one is stored; true when stored. The
 * post's text (`text`) is kept to go with it when no live passage of the post is stored yet.
 */
export function storePassage(passage: Passage, text?: Post): Promise<boolean> {
  return exclusive(async () => {
    await layoutReady();
    const [stored, indexed, outbox] = await storage.getItems([passageKey(passage.id), postIndexKey(passage.url), outboxItem]);
    if (((stored.value as Passage | null)?.rev ?? 0) >= passage.rev) return false;
    const index = (indexed.value ?? {}) as PostIndex;
    const next = indexWith(index, [passage]);
    const first = text && passage.end <= text.text.length && !hasLive(index);
    // Once this write is done, the passage and its place in the outbox survive a stopped worker together.
    await storage.setItems([
      { key: passageKey(passage.id), value: passage },
      { item: outboxItem, value: enqueue(outbox.value as Outbox, passage) },
      ...(next !== index ? [{ key: postIndexKey(passage.url), value: next }] : []),
      ...(first ? [{ item: pendingPostsItem, value: { ...(await pendingPostsItem.getValue()), [passage.url]: text } }] : []),
    ]);
    return true;
  });
}

export const readPendingPosts = (): Promise<PendingPosts> => pendingPostsItem.getValue();

/** Takes in the sheet's passages of a post: newer ones win unless a local edit waits in the outbox. */
export function mergeSheetPassages(url: string, fromSheet: readonly Passage[]): Promise<void> {
  return exclusive(async () => {
    await layoutReady();
    const [indexed, outbox] = await storage.getItems([postIndexKey(url), outboxItem]);
    const index = (indexed.value ?? {}) as PostIndex;
    const local = await readIndexed([index]);
    const merged = mergeNewer(local, fromSheet.filter((p) => p.url === url), outbox.value as Outbox);
    const taken = Object.values(merged).filter((p) => p !== local[p.id]);
    if (!taken.length) return;
    const next = indexWith(index, taken);
    await storage.setItems([
      ...taken.map((p) => ({ key: passageKey(p.id), value: p })),
      ...(next !== index ? [{ key: postIndexKey(url), value: next }] : []),
    ]);
  });
}

/** Removes from the outbox (and the pending post texts) what the sheet's answer to `sent` acknowledged, as they are now. */
export function settleOutbox(results: readonly OpResult[], sent: readonly Op[] = []): Promise<void> {
  return exclusive(async () => {
    await outboxItem.setValue(settle(await readOutbox(), results));
    if (sent.some((op) => op.op === 'upsert' && op.post)) await pendingPostsItem.setValue(settlePosts(await readPendingPosts(), sent, results));
  });
}
