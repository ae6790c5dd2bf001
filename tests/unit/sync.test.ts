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
  return () => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  };
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

/** A sheet that cannot be reached until `back()`; then every request is answered at once. `tries` counts requests. */
function sheetAway() {
  const network = { away: true, tries: 0, back: () => void (network.away = false) };
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    network.tries += 1;
    if (network.away) return Promise.reject(new TypeError('Failed to fetch'));
    const answer = sheet.fetch(url, init);
    sheet.answerAll();
    return answer;
  });
  return network;
}

test('a failed send is retried by a timer 2 s later while the worker runs; the alarm for a stopped worker waits the 30 s Chrome allows', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const network = sheetAway();
  const passage = makePassage();
  await storePassage(passage);
  await flush();
  const failedAt = Date.now();
  expect((await syncSummary()).state).toMatchObject({ attempts: 1, lastError: { code: 'network' } });
  expect((await fakeBrowser.alarms.get('annotera-sync'))?.scheduledTime).toBe(failedAt + 30_000);
  network.back();
  await vi.advanceTimersByTimeAsync(1999);
  expect(network.tries).toBe(1);
  await vi.advanceTimersByTimeAsync(1);
  await expect.poll(() => sheet.rows.map((row) => row.id)).toEqual([passage.id]);
  await flush();
  expect(await fakeBrowser.alarms.get('annotera-sync')).toBeUndefined();
});

test('saves made while the sheet is away are tried at once but do not push the retry out: it comes 2 s after the first failure', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const network = sheetAway();
  const failedAt = Date.now();
  for (let i = 0; i < 20; i += 1) {
    await storePassage(makePassage());
    await flush();
    await vi.advanceTimersByTimeAsync(50);
  }
  expect(network.tries).toBe(20);
  expect((await syncSummary()).state).toMatchObject({ attempts: 1, retryAt: new Date(failedAt + 2000).toISOString() });
  await vi.advanceTimersByTimeAsync(999);
  expect(network.tries).toBe(20);
  await vi.advanceTimersByTimeAsync(1);
  expect(network.tries).toBe(21);
  // That retry failed too: the next waits 4 s.
  expect((await syncSummary()).state).toMatchObject({ attempts: 2, retryAt: new Date(failedAt + 6000).toISOString() });
});

test('while a send waits for its answer an alarm is set, so a worker stopped before the answer is started again to send', async () => {
  vi.stubGlobal('fetch', sheet.fetch);
  await storePassage(makePassage());
  const run = flush();
  await expect.poll(() => sheet.held.length).toBe(1);
  const alarm = await fakeBrowser.alarms.get('annotera-sync');
  expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(Date.now() + 29_000);
  sheet.answerAll();
  await run;
  expect(await fakeBrowser.alarms.get('annotera-sync')).toBeUndefined();
});
