// The move to passages kept per post: a profile written by the earlier layout (captured in Chromium) migrates with nothing lost.
import { readFileSync } from 'node:fs';
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Passage } from '../../shared/passage';
import { makePassage } from '../helpers/passages';
import { SheetSimulation } from '../helpers/sheet-simulation';

const layout1 = JSON.parse(readFileSync(new URL('../fixtures/storage/layout-1.json', import.meta.url), 'utf8')) as {
  passages: Record<string, Passage>;
  outbox: Record<string, number>;
  [key: string]: unknown;
};
const passages = Object.values(layout1.passages);
const urls = [...new Set(passages.map((p) => p.url))];

/** A background start: the store module loaded afresh runs the migration. */
async function startBackground() {
  vi.resetModules();
  const store = await import('../../extension/lib/passage-store');
  await store.readOutbox();
  return store;
}

const everything = () => fakeBrowser.storage.local.get(null);

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(structuredClone(layout1));
});

test('every passage moves to its post’s record, every unsent one keeps its place in the outbox, the rest is untouched', async () => {
  expect(passages.length).toBeGreaterThan(5);
  expect(Object.keys(layout1.outbox).length).toBeGreaterThan(1);
  const store = await startBackground();
  const after = await everything();
  for (const url of urls) {
    const post = await store.readPost(url);
    expect(post).toEqual(Object.fromEntries(passages.filter((p) => p.url === url).map((p) => [p.id, p])));
  }
  expect(await store.readOutbox()).toEqual(Object.fromEntries(Object.entries(layout1.outbox).map(([id, rev]) => [id, { rev, url: layout1.passages[id].url }])));
  for (const key of ['settings', 'codebook', 'sync-state']) expect(after[key]).toEqual(layout1[key]);
  expect(after.passages).toEqual({});
  expect(after.passages$).toEqual({ v: 2 });
  expect(Object.keys(after).filter((key) => key.startsWith('post:')).sort()).toEqual(urls.map((url) => `post:${url}`).sort());
});

test('the next start changes nothing', async () => {
  await startBackground();
  const once = await everything();
  await startBackground();
  expect(await everything()).toEqual(once);
});

test('a migration cut short runs again without loss, and a later rev already in a post wins', async () => {
  const [first] = passages;
  const newer = { ...first, rev: first.rev + 1, note: 'saved after the first run' };
  // The posts and the outbox were written, the version not: the next start migrates again over its own output.
  await fakeBrowser.storage.local.set({ [`post:${first.url}`]: { [first.id]: newer }, outbox: { ...layout1.outbox, [first.id]: { rev: newer.rev, url: first.url } } });
  const store = await startBackground();
  const post = await store.readPost(first.url);
  expect(post[first.id]).toEqual(newer);
  expect(Object.keys(post).sort()).toEqual(passages.filter((p) => p.url === first.url).map((p) => p.id).sort());
  expect((await store.readOutbox())[first.id]).toEqual({ rev: newer.rev, url: first.url });
});

test('after the migration the unsent passages reach the sheet at their latest rev, and new saves go to their post', async () => {
  const store = await startBackground();
  const sync = await import('../../extension/lib/sync');
  const sheet = new SheetSimulation(String((layout1.settings as { token: string }).token));
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const answer = sheet.fetch(url, init);
    sheet.answerAll();
    return answer;
  });
  const fresh = makePassage({ url: urls[0] });
  await store.storePassage(fresh);
  const nothing = () => Promise.resolve();
  await sync.flush({ schedule: nothing, cancel: nothing, badge: nothing });
  expect(await store.readOutbox()).toEqual({});
  expect(sheet.rows.map((row) => [row.id, row.rev]).sort()).toEqual(
    [...Object.keys(layout1.outbox).map((id) => [id, layout1.passages[id].rev]), [fresh.id, 1]].sort(),
  );
  expect((await store.readPost(urls[0]))[fresh.id]).toEqual(fresh);
});
