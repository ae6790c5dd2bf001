// End to end in Chromium: profiles written by the earlier storage layouts (captured from those builds) are migrated by
// the worker when it starts again: every passage under its own key, and what was unsent reaches the sheet.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startLocalSheet, type LocalSheet } from '../../apps-script/local-runtime/start';
import type { Passage } from '../../shared/passage';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../helpers/browser';
import { CODE_PATH, TOKEN } from '../helpers/local-sheet';

type Profile = Record<string, unknown> & { outbox: Record<string, unknown>; settings: Record<string, string> };
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/storage/${name}`, import.meta.url), 'utf8')) as Profile;
const layout1 = fixture('layout-1.json');
const layout2 = fixture('layout-2.json');
const profiles = [
  { name: 'layout 1', profile: layout1, passages: Object.values(layout1.passages as Record<string, Passage>) },
  {
    name: 'layout 2',
    profile: layout2,
    passages: Object.entries(layout2).filter(([key]) => key.startsWith('post:')).flatMap(([, post]) => Object.values(post as Record<string, Passage>)),
  },
];
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

const byId = (passages: readonly Passage[]) => [...passages].sort((a, b) => a.id.localeCompare(b.id));

test.each(profiles)('a $name profile: after the worker restarts, every passage is under its own key and the unsent ones are in the sheet', async ({ profile, passages }) => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // The profile as the earlier build left it (pointed at this test's sheet), written while no worker runs. Emptying
  // storage wakes the worker, which marks the empty storage as the current layout: that start is let finish and the
  // worker stopped; the profile's one write then replaces the mark (null is no value to @wxt-dev/storage).
  await page.evaluate(() => chrome.storage.local.clear());
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-summary' }));
  await browser.stopWorker();
  const settings = { ...profile.settings, endpoint: `${sheet.url}/exec`, token: TOKEN };
  await page.evaluate((data) => chrome.storage.local.set(data), { passages: null, passages$: null, ...profile, settings });
  // Any message starts the worker again, which migrates before it answers.
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-summary' }));
  const everything = () => page.evaluate((): Promise<Record<string, unknown>> => chrome.storage.local.get(null));
  await expect.poll(async () => (await everything()).outbox).toEqual({});

  const after = await everything();
  expect(after.passages$).toEqual({ v: 3 });
  expect(Object.keys(after).filter((key) => key.startsWith('post:'))).toEqual([]);
  expect(byId(Object.entries(after).filter(([key]) => key.startsWith('passage:')).map(([, passage]) => passage as Passage))).toEqual(byId(passages));
  // A post's text that waited goes with its first passage, and is done once the sheet has it.
  expect(after['pending-posts'] ?? {}).toEqual({});
  for (const id of Object.keys(profile.outbox)) {
    const passage = passages.find((p) => p.id === id)!;
    const answer = await fetch(`${sheet.url}/exec?${new URLSearchParams({ action: 'passages', url: passage.url, token: TOKEN })}`);
    const { passages: inSheet } = (await answer.json()) as { passages: Passage[] };
    expect(inSheet.filter((p) => p.id === id)).toEqual(passage.deleted ? [] : [passage]);
  }
});
