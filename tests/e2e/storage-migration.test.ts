// End to end in Chromium: a profile written by the earlier storage layout (captured from that build) is migrated by
// the worker when it starts again: every passage in its post's record, and what was unsent reaches the sheet.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startLocalSheet, type LocalSheet } from '../../apps-script/local-runtime/start';
import type { Passage } from '../../shared/passage';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../helpers/browser';
import { CODE_PATH, TOKEN } from '../helpers/local-sheet';

const layout1 = JSON.parse(readFileSync(new URL('../fixtures/storage/layout-1.json', import.meta.url), 'utf8')) as {
  passages: Record<string, Passage>;
  outbox: Record<string, number>;
  settings: Record<string, string>;
};
const dir = mkdtempSync(join(tmpdir(), 'annotera-migration-'));
let sheet: LocalSheet;
let browser: ExtensionBrowser;

beforeAll(async () => {
  sheet = await startLocalSheet({ port: 0, workbookPath: join(dir, 'annotera.xlsx'), token: TOKEN, codePath: CODE_PATH });
  browser = await launchWithExtension(buildExtension('storage-migration', {}));
});

afterAll(async () => {
  await browser?.close();
  await sheet?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a layout-1 profile: after the worker restarts, every passage is in its post’s record and the unsent ones are in the sheet', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // The profile as the earlier build left it (pointed at this test's sheet), written while no worker runs.
  await browser.stopWorker();
  const profile = { ...layout1, settings: { ...layout1.settings, endpoint: `${sheet.url}/exec`, token: TOKEN } };
  await page.evaluate(async (data) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(data);
  }, profile);
  // Any message starts the worker again, which migrates before it answers.
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-summary' }));
  const everything = () => page.evaluate((): Promise<Record<string, unknown>> => chrome.storage.local.get(null));
  await expect.poll(async () => (await everything()).outbox).toEqual({});

  const after = await everything();
  expect(after.passages).toEqual({});
  const kept = Object.entries(after).filter(([key]) => key.startsWith('post:')).flatMap(([, post]) => Object.values(post as Record<string, Passage>));
  expect(kept.sort((a, b) => a.id.localeCompare(b.id))).toEqual(Object.values(layout1.passages).sort((a, b) => a.id.localeCompare(b.id)));
  for (const id of Object.keys(layout1.outbox)) {
    const passage = layout1.passages[id];
    const answer = await fetch(`${sheet.url}/exec?${new URLSearchParams({ action: 'passages', url: passage.url, token: TOKEN })}`);
    const { passages } = (await answer.json()) as { passages: Passage[] };
    const inSheet = passages.filter((p) => p.id === id);
    expect(inSheet).toEqual(passage.deleted ? [] : [passage]);
  }
});
