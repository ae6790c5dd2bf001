// Passages kept per post: with many posts stored, a save writes one post's record and the outbox, a page open reads one post.
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readPost, storePassage } from '../../extension/lib/passage-store';
import { makePassage } from '../helpers/passages';

const url = (i: number) => `http://www.socialbarnungdom.se/kommunbesok/kommun-${i}/`;

beforeEach(async () => {
  fakeBrowser.reset();
  // As saved and sent: one record per post (`post:<url>`), the outbox empty.
  const posts = Array.from({ length: 50 }, (_, post) => Array.from({ length: 20 }, () => makePassage({ url: url(post) })));
  await fakeBrowser.storage.local.set(Object.fromEntries(posts.map((list, post) => [`post:${url(post)}`, Object.fromEntries(list.map((p) => [p.id, p]))])));
});

test('a save writes its post’s record and the outbox, in one write, and nothing else', async () => {
  const set = vi.spyOn(fakeBrowser.storage.local, 'set');
  const passage = makePassage({ url: url(7) });
  await storePassage(passage);
  expect(set).toHaveBeenCalledTimes(1);
  expect(Object.keys(set.mock.calls[0][0]).sort()).toEqual(['outbox', `post:${url(7)}`]);
  expect(Object.keys((await readPost(url(7)))).length).toBe(21);
});

test('a page open reads only its post, and gets only its passages', async () => {
  await readPost(url(0)); // the worker has started: the layout's version is checked once per start
  const get = vi.spyOn(fakeBrowser.storage.local, 'get');
  const post = await readPost(url(3));
  expect(get.mock.calls.flatMap(([keys]) => [keys].flat())).toEqual([`post:${url(3)}`]);
  expect(Object.values(post).every((p) => p.url === url(3))).toBe(true);
  expect(Object.keys(post)).toHaveLength(20);
});

test('a save of a rev already stored, or an older one, changes nothing', async () => {
  const passage = makePassage({ url: url(1), rev: 3 });
  await storePassage(passage);
  const set = vi.spyOn(fakeBrowser.storage.local, 'set');
  expect(await storePassage({ ...passage, rev: 2, note: 'older' })).toBe(false);
  expect(await storePassage({ ...passage, note: 'same rev' })).toBe(false);
  expect(set).not.toHaveBeenCalled();
  expect((await readPost(url(1)))[passage.id]).toEqual(passage);
});
