// The moves to passages kept per post (layout 2) and then one key per passage (layout 3): profiles written by the
// earlier layouts (captured in Chromium) migrate with nothing lost, once, and again without loss when cut short.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Passage } from '../../shared/passage';
import type { Outbox } from '../../extension/lib/outbox';
import { makePassage } from '../helpers/passages';
import { SheetSimulation } from '../helpers/sheet-simulation';

type Profile = Record<string, unknown> & { outbox: Record<string, unknown>; settings: { token: string } };
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/storage/${name}`, import.meta.url), 'utf8')) as Profile;
const layout1 = fixture('layout-1.json');
const layout2 = fixture('layout-2.json');
const postRecords = (profile: Record<string, unknown>) => Object.keys(profile).filter((key) => key.startsWith('post:'));

const layout2Passages = postRecords(layout2).flatMap((key) => Object.values(layout2[key] as Record<string, Passage>));

/** Each profile with what it holds: its passages, and its outbox as layouts 2 and 3 keep it (id → rev and post). */
const profiles = [
  { name: 'layout 1', profile: layout1, passages: Object.values(layout1.passages as Record<string, Passage>) },
  { name: 'layout 2 begun as layout 2 (no version)', profile: layout2, passages: layout2Passages },
  { name: 'layout 2 migrated from layout 1 (version 2)', profile: { ...layout2, passages: {}, passages$: { v: 2 } }, passages: layout2Passages },
].map((c) => {
  const urlOf = Object.fromEntries(c.passages.map((p) => [p.id, p.url]));
  const outbox = Object.fromEntries(Object.entries(c.profile.outbox).map(([id, entry]) => [id, typeof entry === 'number' ? { rev: entry, url: urlOf[id] } : entry]));
  return { ...c, outbox: outbox as Outbox };
});

/** A background start: the store module loaded afresh runs the migration. */
async function startBackground() {
  vi.resetModules();
  const store = await import('../../extension/lib/passage-store');
  await store.readOutbox();
  return store;
}

const everything = () => fakeBrowser.storage.local.get(null);
const byId = (passages: readonly Passage[]) => [...passages].sort((a, b) => a.id.localeCompare(b.id));

describe.each(profiles)('$name', ({ profile, passages, outbox }) => {
  const urls = [...new Set(passages.map((p) => p.url))];

  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set(structuredClone(profile));
  });

  test('every passage gets its own key and its place in its post’s index, every unsent one keeps its place in the outbox, the rest is untouched', async () => {
    expect(passages.length).toBeGreaterThan(5);
    expect(Object.keys(outbox).length).toBeGreaterThan(1);
    const store = await startBackground();
    const after = await everything();
    for (const url of urls) expect(byId(Object.values(await store.readPost(url)))).toEqual(byId(passages.filter((p) => p.url === url)));
    for (const passage of passages) expect(after[`passage:${passage.id}`]).toEqual(passage);
    for (const url of urls) {
      expect(after[`post-index:${url}`]).toEqual(Object.fromEntries(passages.filter((p) => p.url === url).map((p) => [p.id, !p.deleted])));
    }
    expect(await store.readOutbox()).toEqual(outbox);
    for (const key of ['settings', 'codebook', 'sync-state', 'pending-posts']) expect(after[key]).toEqual(profile[key]);
    expect(after.passages).toEqual({});
    expect(after.passages$).toEqual({ v: 3 });
    expect(postRecords(after)).toEqual([]);
  });

  test('the next start changes nothing', async () => {
    await startBackground();
    const once = await everything();
    await startBackground();
    expect(await everything()).toEqual(once);
  });

  test('a migration cut short runs again without loss, and a later rev already stored wins', async () => {
    const [first, second] = passages.filter((p) => !p.deleted);
    const newer = { ...first, rev: first.rev + 1, note: 'saved after the first run' };
    // Version 3's writes were made (one passage at a later rev, and a new passage saved since, in a post's index), the
    // post records not yet removed nor the version set: the next start migrates again over them.
    const fresh = makePassage({ url: second.url });
    await fakeBrowser.storage.local.set({
      [`passage:${newer.id}`]: newer,
      [`passage:${fresh.id}`]: fresh,
      [`post-index:${second.url}`]: { [fresh.id]: true },
      outbox: { ...outbox, [newer.id]: { rev: newer.rev, url: newer.url }, [fresh.id]: { rev: 1, url: fresh.url } },
    });
    const store = await startBackground();
    expect((await store.readPost(first.url))[first.id]).toEqual(newer);
    const post = await store.readPost(second.url);
    expect(post[fresh.id]).toEqual(fresh);
    expect(Object.keys(post).sort()).toEqual([...passages.filter((p) => p.url === second.url).map((p) => p.id), fresh.id].sort());
    expect((await store.readOutbox())[first.id]).toEqual({ rev: newer.rev, url: first.url });
  });

  test('after the migration the unsent passages reach the sheet at their latest rev, and new saves get their own key', async () => {
    const store = await startBackground();
    const sync = await import('../../extension/lib/sync');
    const sheet = new SheetSimulation(profile.settings.token);
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      const answer = sheet.fetch(url, init);
      sheet.answerAll();
      return answer;
    });
    const fresh = makePassage({ url: urls[0] });
    await store.storePassage(fresh);
    const nothing = () => Promise.resolve();
    await sync.flush({ schedule: nothing, cancel: nothing, backstop: nothing, badge: nothing });
    expect(await store.readOutbox()).toEqual({});
    const revs = Object.fromEntries(passages.map((p) => [p.id, p.rev]));
    expect(sheet.rows.map((row) => [row.id, row.rev]).sort()).toEqual([...Object.keys(outbox).map((id) => [id, revs[id]]), [fresh.id, 1]].sort());
    expect((await everything())[`passage:${fresh.id}`]).toEqual(fresh);
  });
});

test('a layout-1 migration cut short after version 2’s write (post records and outbox written, the version not) runs again without loss', async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(structuredClone(layout1));
  const [first] = profiles[0].passages;
  const newer = { ...first, rev: first.rev + 1, note: 'saved after the first run' };
  await fakeBrowser.storage.local.set({ [`post:${first.url}`]: { [first.id]: newer }, outbox: { ...profiles[0].outbox, [first.id]: { rev: newer.rev, url: first.url } } });
  const store = await startBackground();
  const post = await store.readPost(first.url);
  expect(post[first.id]).toEqual(newer);
  expect(Object.keys(post).sort()).toEqual(profiles[0].passages.filter((p) => p.url === first.url).map((p) => p.id).sort());
  expect((await store.readOutbox())[first.id]).toEqual({ rev: newer.rev, url: first.url });
});
