// Where the background keeps passages: one storage record per post, each saved together with the outbox in one
// write; and the versioned migration from layout 1, where every passage of every post sat in one record.
import { storage } from '@wxt-dev/storage';
import type { Passage } from '../../shared/passage';
import type { Op, OpResult, Post } from '../../shared/protocol';
import { exclusive } from './exclusive';
import { enqueue, settle, settlePosts, type Outbox, type OutboxEntry, type PendingPosts } from './outbox';
import { mergeFromSheet } from './page-passages';
import { outboxItem, pendingPostsItem, postKey, type PostPassages } from './settings';

/**
 * `local:passages` is layout 1's record of all passages (id → passage) with an outbox of id → rev. Version 2 moves each
 * passage into its post's record and gives each outbox entry its post; the record is left empty. The migration runs
 * when this module is loaded (in the background only) and everything below waits for it.
 */
const layout1Item = storage.defineItem<PostPassages>('local:passages', { fallback: {}, version: 2, migrations: { 2: splitPerPost } });

/** Layout 1's outbox entry (a rev), or layout 2's (a migration cut short runs again over its own output). */
type AnyOutbox = Record<string, number | OutboxEntry>;

/** Passages grouped by post; where a post already holds a passage, the higher rev wins. */
function groupByPost(passages: readonly Passage[], posts: Record<string, PostPassages> = {}): Record<string, PostPassages> {
  const grouped: Record<string, PostPassages> = {};
  for (const passage of passages) {
    const post = (grouped[passage.url] ??= { ...posts[passage.url] });
    if ((post[passage.id]?.rev ?? 0) < passage.rev) post[passage.id] = passage;
  }
  return grouped;
}

/** Layout 1's outbox in layout 2: each entry learns its post. An entry whose passage is gone had nothing to send. */
function outboxWithPosts(outbox: AnyOutbox, passages: Readonly<PostPassages>): Outbox {
  const next: Outbox = {};
  for (const [id, entry] of Object.entries(outbox)) {
    if (typeof entry !== 'number') next[id] = entry;
    else if (passages[id]) next[id] = { rev: entry, url: passages[id].url };
  }
  return next;
}

async function splitPerPost(all: PostPassages): Promise<PostPassages> {
  const urls = [...new Set(Object.values(all).map((p) => p.url))];
  const [outbox, ...stored] = await storage.getItems(['local:outbox', ...urls.map(postKey)]);
  const posts = groupByPost(Object.values(all), Object.fromEntries(urls.map((url, i) => [url, (stored[i].value ?? {}) as PostPassages])));
  // One write: the posts and the outbox move together.
  await storage.setItems([
    ...Object.entries(posts).map(([url, value]) => ({ key: postKey(url), value })),
    { key: 'local:outbox', value: outboxWithPosts((outbox.value ?? {}) as AnyOutbox, all) },
  ]);
  return {};
}

let ready: Promise<unknown> | null = null;
/** Resolves once the migration has run (it runs once per worker start; later calls cost nothing). */
const layoutReady = () => (ready ??= layout1Item.getMeta());

/** A post's record and the outbox, in one read. */
async function readPostAndOutbox(url: string): Promise<[PostPassages, Outbox]> {
  await layoutReady();
  const [post, outbox] = await storage.getItems([postKey(url), outboxItem]);
  return [(post.value ?? {}) as PostPassages, outbox.value as Outbox];
}

export async function readPost(url: string): Promise<PostPassages> {
  await layoutReady();
  return (await storage.getItem<PostPassages>(postKey(url))) ?? {};
}

/** The passages of some posts, by id. */
export async function readPosts(urls: readonly string[]): Promise<PostPassages> {
  await layoutReady();
  const posts = await storage.getItems(urls.map(postKey));
  const passages: PostPassages = {};
  for (const post of posts) Object.assign(passages, post.value as PostPassages | null);
  return passages;
}

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
    const [post, outbox] = await readPostAndOutbox(passage.url);
    if ((post[passage.id]?.rev ?? 0) >= passage.rev) return false;
    const first = text && passage.end <= text.text.length && !Object.values(post).some((p) => !p.deleted);
    // Once this write is done, the passage and its place in the outbox survive a stopped worker together.
    await storage.setItems([
      { key: postKey(passage.url), value: { ...post, [passage.id]: passage } },
      { item: outboxItem, value: enqueue(outbox, passage) },
      ...(first ? [{ item: pendingPostsItem, value: { ...(await pendingPostsItem.getValue()), [passage.url]: text } }] : []),
    ]);
    return true;
  });
}

export const readPendingPosts = (): Promise<PendingPosts> => pendingPostsItem.getValue();

/** Takes in the sheet's passages of a post: newer ones win unless a local edit waits in the outbox. */
export function mergeSheetPassages(url: string, fromSheet: readonly Passage[]): Promise<void> {
  return exclusive(async () => {
    const [post, outbox] = await readPostAndOutbox(url);
    const merged = mergeFromSheet(post, fromSheet.filter((p) => p.url === url), outbox);
    if (Object.keys(merged).some((id) => merged[id] !== post[id])) await storage.setItem(postKey(url), merged);
  });
}

/** Removes from the outbox (and the pending post texts) what the sheet's answer to `sent` acknowledged, as they are now. */
export function settleOutbox(results: readonly OpResult[], sent: readonly Op[] = []): Promise<void> {
  return exclusive(async () => {
    await outboxItem.setValue(settle(await readOutbox(), results));
    if (sent.some((op) => op.op === 'upsert' && op.post)) await pendingPostsItem.setValue(settlePosts(await readPendingPosts(), sent, results));
  });
}
