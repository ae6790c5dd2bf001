// Sync against WXT's fake browser and a simulated sheet: saves made while a send runs are kept, a badge failure never stops sending.
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readOutbox, storePassage } from '../../extension/lib/passage-store';
import { settingsItem } from '../../extension/lib/settings';
import { flush, syncSummary } from '../../extension/lib/sync';
import { makePassage } from '../helpers/passages';
import { SheetSimulation } from '../helpers/sheet-simulation';
import type { Passage } from '../../shared/passage';

const TOKEN = 't'.repeat(40);
let sheet: SheetSimulation;

beforeEach(async () => {
  fakeBrowser.reset();
  sheet = new SheetSimulation(TOKEN);
  // Every request is answered at once.
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const answer = sheet.fetch(url, init);
    sheet.answerAll();
    return answer;
  });
  await settingsItem.setValue({ endpoint: 'http://sheet.test/exec', token: TOKEN, author: 'A', sheetUrl: '' });
  return () => vi.restoreAllMocks();
});

test('saves that land at every storage read of a running send are all kept and all reach the sheet, once each', async () => {
  const saved: Passage[] = [makePassage()];
  const saves: Promise<boolean>[] = [];
  await storePassage(saved[0]);
  // Issue 7, finding 1: a send read its passages before the outbox, so a save in between looked orphaned and was settled away.
  const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
    if (saved.length < 40) {
      const passage = makePassage({ url: `http://www.socialbarnungdom.se/post-${saved.length % 3}/` });
      saved.push(passage);
      saves.push(storePassage(passage));
    }
    return get(keys);
  });
  await flush();
  await Promise.all(saves);
  expect(saved).toHaveLength(40);
  await flush();
  expect(await readOutbox()).toEqual({});
  expect(sheet.rows.map((row) => row.id).sort()).toEqual(saved.map((p) => p.id).sort());
});

test('a badge that throws (no browser.action) never stops sending: every flush resolves and later saves are sent', async () => {
  const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'setBadgeText')"));
  const first = makePassage();
  await storePassage(first);
  await expect(flush()).resolves.toBeUndefined();
  const second = makePassage();
  await storePassage(second);
  await expect(flush()).resolves.toBeUndefined();
  expect(setBadgeText).toHaveBeenCalledTimes(2);
  expect(sheet.rows.map((row) => row.id)).toEqual([first.id, second.id]);
  expect((await syncSummary()).unsent).toBe(0);
});

test('a storage failure during a send ends the run cleanly with a retry scheduled, and the next run sends', async () => {
  const passage = makePassage();
  await storePassage(passage);
  const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('IO error')).mockImplementation(get);
  await expect(flush()).resolves.toBeUndefined();
  expect((await syncSummary()).state.lastError?.code).toBe('internal');
  expect(await fakeBrowser.alarms.get('annotera-sync')).toBeDefined();
  await flush();
  expect(sheet.rows.map((row) => row.id)).toEqual([passage.id]);
});
