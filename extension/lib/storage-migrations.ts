// The versioned migrations of the stored passages: layout 1 (every passage in one record) → layout 2 (one record per
// post) → layout 3 (one key per passage and a small index per post). The background waits for them before it reads.
import { storage } from '@wxt-dev/storage';
import type { Passage } from '../../shared/passage';
import type { Outbox, OutboxEntry } from './outbox';
import { indexWith, type PostIndex } from './post-index';
import type { PostPassages } from './settings';
import { inArea, LAYOUT_2_POST_PREFIX, layout2PostKey, passageKey, postIndexKey } from './storage-keys';

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

/** Version 2: each passage of layout 1's record into its post's record, the outbox entries with their post, in one write. */
async function splitPerPost(all: PostPassages): Promise<PostPassages> {
  const urls = [...new Set(Object.values(all).map((p) => p.url))];
  const [outbox, ...stored] = await storage.getItems(['local:outbox', ...urls.map(layout2PostKey)]);
  const posts = groupByPost(Object.values(all), Object.fromEntries(urls.map((url, i) => [url, (stored[i].value ?? {}) as PostPassages])));
  await storage.setItems([
    ...Object.entries(posts).map(([url, value]) => ({ key: layout2PostKey(url), value })),
    { key: 'local:outbox', value: outboxWithPosts((outbox.value ?? {}) as AnyOutbox, all) },
  ]);
  return {};
}

/**
 * Layout 3's writes for layout 2's post records, given all of local storage: each passage under its own key unless that
 * key holds its rev or a later one already (a migration cut short runs again), and each in its post's index.
 */
function perPassage(stored: Readonly<Record<string, unknown>>, postKeys: readonly string[]) {
  return postKeys.flatMap((key) => {
    const url = key.slice(LAYOUT_2_POST_PREFIX.length);
    const index = (stored[inArea(postIndexKey(url))] ?? {}) as PostIndex;
    const passages = Object.values(stored[key] as PostPassages);
    const present = (p: Passage) => stored[inArea(passageKey(p.id))] as Passage | undefined;
    const newer = new Set(passages.filter((p) => (present(p)?.rev ?? 0) < p.rev));
    const next = indexWith(index, passages.map((p) => (newer.has(p) ? p : present(p)!)));
    return [...[...newer].map((p) => ({ key: passageKey(p.id), value: p })), ...(next !== index ? [{ key: postIndexKey(url), value: next }] : [])];
  });
}

/** Version 3: every post record of layout 2 split into one key per passage and the post's index, then removed. */
async function splitPerPassage(): Promise<PostPassages> {
  const stored = await storage.snapshot('local');
  const postKeys = Object.keys(stored).filter((key) => key.startsWith(LAYOUT_2_POST_PREFIX));
  if (!postKeys.length) return {};
  // The passages are written before their post records go: a run cut short in between runs again without loss.
  await storage.setItems(perPassage(stored, postKeys));
  await storage.removeItems(postKeys.map((key) => `local:${key}` as const));
  return {};
}

/**
 * `local:passages` is layout 1's record of all passages, left empty since, and its version is the layout's. A profile
 * without it is new, or was begun by layout 2, which marked only profiles it had migrated: its post records, if any,
 * are moved as version 3 moves them, and the version is set.
 */
const layoutItem = storage.defineItem<PostPassages>('local:passages', {
  version: 3,
  migrations: { 2: splitPerPost, 3: splitPerPassage },
  init: splitPerPassage,
});

let ready: Promise<unknown> | null = null;
/** Resolves once the layout is the current one (checked once per worker start; later calls cost nothing). */
export const layoutReady = () => (ready ??= layoutItem.getValue());
