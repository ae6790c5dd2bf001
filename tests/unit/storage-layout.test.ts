// Passages kept one key each with a small index per post: with many posts stored, a save writes its passage, its outbox
// entry and (when the post's passages change) its post's index; a page open reads one post.
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readPendingPosts, readPost, storePassage } from '../../extension/lib/passage-store';
import { deletePassage, editPassage } from '../../extension/lib/passage-edit';
import type { Passage } from '../../shared/passage';
import { makePassage } from '../helpers/passages';

const url = (i: number) => `http://www.socialbarnungdom.se/kommunbesok/kommun-${i}/`;
let posts: Passage[][];

beforeEach(async () => {
  fakeBrowser.reset();
  // As saved and sent in layout 3: each passage under `passage:<id>`, each post's index, the outbox empty.
  posts = Array.from({ length: 50 }, (_, post) => Array.from({ length: 20 }, () => makePassage({ url: url(post) })));
  await fakeBrowser.storage.local.set({
    passages: {},
    passages$: { v: 3 },
    ...Object.fromEntries(posts.flat().map((p) => [`passage:${p.id}`, p])),
    ...Object.fromEntries(posts.map((list, post) => [`post-index:${url(post)}`, Object.fromEntries(list.map((p) => [p.id, true]))])),
  });
});

/** The keys of each chrome.storage.local.set call made while `work` runs, and the bytes of their values as JSON. */
async function writesOf(work: () => Promise<unknown>) {
  const set = vi.spyOn(fakeBrowser.storage.local, 'set');
  await work();
  const writes = set.mock.calls.map(([items]) => ({ keys: Object.keys(items).sort(), bytes: JSON.stringify(Object.values(items)).length }));
  set.mockRestore();
  return writes;
}

test('a new passage is written with its outbox entry and its post’s index, in one write of a few kB, and nothing else', async () => {
  const passage = makePassage({ url: url(7) });
  const writes = await writesOf(() => storePassage(passage));
  expect(writes.map((w) => w.keys)).toEqual([['outbox', `passage:${passage.id}`, `post-index:${url(7)}`]]);
  expect(writes[0].bytes).toBeLessThan(3000);
  expect(Object.keys(await readPost(url(7)))).toHaveLength(21);
});

test('an edit writes only the passage and its outbox entry; a delete updates the index too, as the post’s live passages change', async () => {
  const [first] = posts[4];
  const edited = editPassage(first, { kind: 'plan', themes: [], municipality: '0182', note: 'ändrad' }, first.updatedAt);
  expect((await writesOf(() => storePassage(edited))).map((w) => w.keys)).toEqual([['outbox', `passage:${first.id}`]]);
  const deleted = deletePassage(edited, first.updatedAt);
  expect((await writesOf(() => storePassage(deleted))).map((w) => w.keys)).toEqual([['outbox', `passage:${first.id}`, `post-index:${url(4)}`]]);
  expect((await readPost(url(4)))[first.id]).toEqual(deleted);
});

test('a page open reads only its post’s index and its passages, and gets only them', async () => {
  await readPost(url(0)); // the worker has started: the layout's version is checked once per start
  const get = vi.spyOn(fakeBrowser.storage.local, 'get');
  const post = await readPost(url(3));
  expect(get.mock.calls.map(([keys]) => [keys].flat().sort())).toEqual([[`post-index:${url(3)}`], posts[3].map((p) => `passage:${p.id}`).sort()]);
  expect(Object.values(post).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...posts[3]].sort((a, b) => a.id.localeCompare(b.id)));
});

test('a save of a rev already stored, or an older one, changes nothing', async () => {
  const passage = makePassage({ url: url(1), rev: 3 });
  await storePassage(passage);
  const writes = await writesOf(async () => {
    expect(await storePassage({ ...passage, rev: 2, note: 'older' })).toBe(false);
    expect(await storePassage({ ...passage, note: 'same rev' })).toBe(false);
  });
  expect(writes).toEqual([]);
  expect((await readPost(url(1)))[passage.id]).toEqual(passage);
});

test('the post’s text is kept with the post’s first live passage, and again once all its passages are deleted', async () => {
  const text = { title: 'Ny', text: 'x'.repeat(400) };
  const fresh = makePassage({ url: url(60), start: 0, end: 10 });
  await storePassage(makePassage({ url: url(2), start: 0, end: 10 }), text);
  await storePassage(fresh, text);
  expect(Object.keys(await readPendingPosts())).toEqual([url(60)]);
  await fakeBrowser.storage.local.set({ 'pending-posts': {} });
  await storePassage(makePassage({ url: url(60), start: 20, end: 30 }), text);
  expect(await readPendingPosts()).toEqual({});
  for (const passage of Object.values(await readPost(url(60)))) await storePassage(deletePassage(passage, passage.updatedAt), text);
  expect(await readPendingPosts()).toEqual({});
  await storePassage(makePassage({ url: url(60), start: 40, end: 50 }), text);
  expect(await readPendingPosts()).toEqual({ [url(60)]: text });
});
