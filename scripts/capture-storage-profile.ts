// Captures the browser storage the current extension build writes (for tests/fixtures/storage/): passages saved on three
// posts through save-passage messages and sent to a local sheet, then, with the sheet stopped, an edit, a delete and two
// new passages, one on a fourth post whose text waits to be sent. Prints chrome.storage.local.get(null) as JSON.
// Run after `npm run build:apps-script`: npx tsx scripts/capture-storage-profile.ts > profile.json
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalSheet } from '../apps-script/local-runtime/start';
import type { Passage } from '../shared/passage';
import { deletePassage, editPassage } from '../extension/lib/passage-edit';
import type { Request, SyncSummary } from '../extension/lib/messages';
import { buildExtension, launchWithExtension } from '../tests/helpers/browser';
import { CODE_PATH, TOKEN } from '../tests/helpers/local-sheet';
import { makePassage } from '../tests/helpers/passages';

const POSTS = [
  'http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/',
  'http://www.socialbarnungdom.se/helheten-ett-vinnande-koncept-i-storuman/',
  'http://www.socialbarnungdom.se/juvelen-i-kronan-skaraborgs-gemensamma-socialjour/',
  'http://www.socialbarnungdom.se/kommunbesok/flen/',
];
const TEXT = 'Socialsekreterarna har bärbara krypterade datorer och arbetar mobilt. '.repeat(10);
const post = (i: number) => ({ title: `Inlägg ${i + 1}`, text: TEXT });
const passageOn = (i: number, n: number) =>
  makePassage({ url: POSTS[i], pageTitle: `Inlägg ${i + 1}`, quote: TEXT.slice(n * 70, n * 70 + 40), start: n * 70, end: n * 70 + 40, kind: n % 2 ? 'plan' : 'theme' });

const dir = mkdtempSync(join(tmpdir(), 'annotera-capture-'));
const sheet = await startLocalSheet({ port: 0, workbookPath: join(dir, 'annotera.xlsx'), token: TOKEN, codePath: CODE_PATH });
const browser = await launchWithExtension(buildExtension('capture-storage-profile', {}));
try {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const settings = { endpoint: `${sheet.url}/exec`, token: TOKEN, author: 'Testaren', sheetUrl: '' };
  await page.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
  const save = (passage: Passage, i: number) => page.evaluate((message) => chrome.runtime.sendMessage(message), { type: 'save-passage', passage, post: post(i) });
  const summary = () => page.evaluate(() => chrome.runtime.sendMessage<Request, SyncSummary>({ type: 'sync-now' }));
  const sent = Array.from({ length: 6 }, (_, n) => passageOn(n % 3, n));
  for (const [n, passage] of sent.entries()) await save(passage, n % 3);
  while ((await summary()).unsent) await new Promise((resolve) => setTimeout(resolve, 200));
  await sheet.close();
  await save(editPassage(sent[0], { kind: 'national', themes: [], municipality: '0182', note: 'Ändrad utan nät.' }, new Date().toISOString()), 0);
  await save(deletePassage(sent[1], new Date().toISOString()), 1);
  await save(passageOn(2, 7), 2);
  await save(passageOn(3, 0), 3);
  while ((await summary()).state.lastError?.code !== 'network') await new Promise((resolve) => setTimeout(resolve, 200));
  console.log(JSON.stringify(await page.evaluate(() => chrome.storage.local.get(null)), null, 2));
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
