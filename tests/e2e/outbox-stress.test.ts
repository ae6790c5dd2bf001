// End to end in Chromium: save-passage messages back to back, with the sheet up and with it down and back, all reach it once.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startLocalSheet, type LocalSheet } from '../../apps-script/local-runtime/start';
import type { Passage } from '../../shared/passage';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../helpers/browser';
import { CODE_PATH, TOKEN } from '../helpers/local-sheet';
import { makePassage } from '../helpers/passages';

const POSTS = [
  'http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/',
  'http://www.socialbarnungdom.se/helheten-ett-vinnande-koncept-i-storuman/',
  'http://www.socialbarnungdom.se/juvelen-i-kronan-skaraborgs-gemensamma-socialjour/',
];

const dir = mkdtempSync(join(tmpdir(), 'annotera-stress-'));
const workbookPath = join(dir, 'annotera.xlsx');
let port: number;
let sheet: LocalSheet | null = null;
let browser: ExtensionBrowser;
let page: Page;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: found } = probe.address() as { port: number };
      probe.close(() => resolve(found));
    });
  });

/** The sheet on the same port and workbook each time, as a web app that goes away and comes back. */
const startSheet = async () => {
  sheet = await startLocalSheet({ port, workbookPath, token: TOKEN, codePath: CODE_PATH });
};

beforeAll(async () => {
  port = await freePort();
  await startSheet();
  const extension = buildExtension('outbox-stress', { ANNOTERA_ENDPOINT: `http://127.0.0.1:${port}/exec`, ANNOTERA_TOKEN: TOKEN });
  browser = await launchWithExtension(extension);
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

afterAll(async () => {
  await browser?.close();
  await sheet?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends save-passage messages one after the other without waiting in between, as the content script does; all answers. */
const saveAll = (passages: Passage[]) =>
  page.evaluate((list) => Promise.all(list.map((passage) => chrome.runtime.sendMessage({ type: 'save-passage', passage }))), passages);

/** How many rows of the sheet each passage id has, read through the web app (wire format v1). */
async function rowsPerId(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const url of POSTS) {
    const answer = await fetch(`http://127.0.0.1:${port}/exec?${new URLSearchParams({ action: 'passages', url, token: TOKEN })}`);
    const { passages } = (await answer.json()) as { passages: Passage[] };
    for (const passage of passages) counts.set(passage.id, (counts.get(passage.id) ?? 0) + 1);
  }
  return counts;
}

const stored = (key: string) => page.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
const unsent = async () => Object.keys((await stored('outbox')) ?? {}).length;
const batch = (n: number, label: string) =>
  Array.from({ length: n }, (_, i) => makePassage({ url: POSTS[i % POSTS.length], quote: `${label} ${i}: ett citat ur inlägget.`, note: `${label} ${i}` }));

test('100 saves back to back with the sheet up, then 50 with it down and back up: all 150 in the sheet, once each', async () => {
  const up = batch(100, 'Uppe');
  expect(await saveAll(up)).toEqual(up.map(() => ({ ok: true })));
  await expect.poll(unsent, { timeout: 60_000 }).toBe(0);
  const afterUp = await rowsPerId();
  expect(up.filter((p) => afterUp.get(p.id) !== 1)).toEqual([]);

  await sheet!.close();
  sheet = null;
  const down = batch(50, 'Nere');
  expect(await saveAll(down)).toEqual(down.map(() => ({ ok: true })));
  await expect.poll(async () => ((await stored('sync-state')) as { lastError?: { code: string } } | undefined)?.lastError?.code).toBe('network');
  expect(await unsent()).toBe(50);

  await startSheet();
  // What the popup's "send now" does; without it the scheduled retry (at most 5 minutes away) sends them.
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-now' }));
  await expect.poll(unsent, { timeout: 60_000 }).toBe(0);
  const all = await rowsPerId();
  expect([...up, ...down].filter((p) => all.get(p.id) !== 1)).toEqual([]);
  expect(all.size).toBe(150);
}, 180_000);
