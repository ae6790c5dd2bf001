// One Chromium with the built extension and a fixture-post server per test file, and a clean start for every test:
// its own local sheet (fresh workbook), a fresh service worker, and the extension's storage and alarms cleared and
// pointed at that sheet.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { startLocalSheet } from '../../apps-script/local-runtime/start';
import type { Request, Responses } from '../../extension/lib/messages';
import type { Settings } from '../../extension/lib/settings';
import { describeRange } from '../../extension/anchoring/selector';
import type { Passage } from '../../shared/passage';
import { findContentRoot } from '../../shared/post-structure';
import { postIdentity } from '../../shared/url';
import { fixtureDocument } from './fixtures';
import { makePassage } from './passages';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from './browser';
import { CODE_PATH, startTestSheet, tabValues, TOKEN, type TestSheet } from './local-sheet';

export interface Harness {
  browser: ExtensionBrowser;
  fixtures: FixtureServer;
  /**
   * Closes the pages a test left, stops the service worker (with it whatever of the last test was still under way: a
   * send, a retry timer, a pull of a post's passages that would land in this test's storage), starts a fresh local
   * sheet, empties the extension's storage and alarms and points it there.
   */
  freshSheet(): Promise<TestSheet>;
  /** Changes the extension's stored settings, as Spara inställningar on the options page would. */
  useSettings(change: Partial<Settings>): Promise<void>;
  /** Stops a sheet and starts it again on the same port and workbook (an outage and its end). */
  restart(sheet: TestSheet): Promise<TestSheet>;
  /** A message to the background, sent from an extension page. */
  send<R extends Request>(request: R): Promise<Responses[R['type']]>;
  /** A message to a post page's content script, sent by the background. */
  sendToPage<R extends Request>(page: Page, request: R): Promise<Responses[R['type']]>;
  unsent(): Promise<number>;
  tabId(page: Page): Promise<number>;
  openPost(slug: string, options?: { archived?: boolean; hash?: string }): Promise<Page>;
  /** The side panel page for a post's tab (sidepanel.html?tab=<id>), in a tab of its own. */
  openPanel(post: Page): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(name: string, language = 'sv-SE'): Promise<Harness> {
  const fixtures = await startFixtureServer();
  const browser = await launchWithExtension(buildExtension(name, { ANNOTERA_EXTRA_MATCHES: 'http://127.0.0.1/*' }), language);
  const probe = await browser.context.newPage();
  await probe.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const sheets: TestSheet[] = [];
  const send = <R extends Request>(request: R) => probe.evaluate((r) => chrome.runtime.sendMessage<Request, Responses[R['type']]>(r), request);
  const tabId = async (page: Page) => (await browser.worker()).evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)!.id!, page.url());
  const configure = (sheet: TestSheet) => probe.evaluate(async (settings) => {
    await chrome.storage.local.clear();
    await chrome.alarms.clearAll();
    await chrome.storage.local.set({ settings });
  }, { endpoint: `${sheet.url}/exec`, token: TOKEN, author: 'Testaren', sheetUrl: '' });
  return {
    browser,
    fixtures,
    async freshSheet() {
      await Promise.all(browser.context.pages().filter((page) => page !== probe).map((page) => page.close()));
      await browser.stopWorker();
      const sheet = await startTestSheet();
      sheets.push(sheet);
      await configure(sheet);
      return sheet;
    },
    useSettings: (change) => probe.evaluate(async (partial) => {
      const { settings } = await chrome.storage.local.get<{ settings: Settings }>('settings');
      await chrome.storage.local.set({ settings: { ...settings, ...partial } });
    }, change),
    async restart(sheet) {
      await sheet.close();
      const port = Number(new URL(sheet.url).port);
      const again = await startLocalSheet({ port, workbookPath: join(sheet.dir, 'annotera.xlsx'), token: TOKEN, codePath: CODE_PATH });
      const restarted = { ...sheet, ...again, stop: async () => { await again.close(); rmSync(sheet.dir, { recursive: true, force: true }); } };
      sheets.push(restarted);
      return restarted;
    },
    send,
    async sendToPage<R extends Request>(page: Page, request: R) {
      const id = await tabId(page);
      return (await browser.worker()).evaluate(([tab, r]) => chrome.tabs.sendMessage<Request, Responses[R['type']]>(tab, r), [id, request] as const);
    },
    unsent: async () => (await send({ type: 'sync-summary' })).unsent,
    tabId,
    async openPost(slug, options = {}) {
      const page = await browser.context.newPage();
      await page.goto(`${fixtures.post(slug, options.archived)}${options.hash ?? ''}`);
      await page.locator('annotera-toolbar').waitFor({ state: 'attached' });
      return page;
    },
    async openPanel(post) {
      const panel = await browser.context.newPage();
      await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${await tabId(post)}`);
      await panel.locator('main h1').waitFor();
      return panel;
    },
    async close() {
      await browser.close();
      await fixtures.close();
      await Promise.all(sheets.map((sheet) => sheet.stop().catch(() => undefined)));
    },
  };
}

/** Upserts passages into a sheet through the web app; throws unless it answers ok. */
export async function seedSheet(sheet: TestSheet, ...passages: Passage[]): Promise<void> {
  const { ok } = (await sheet.upsert(...passages)).json as { ok: boolean };
  if (!ok) throw new Error('the sheet refused the seeded passages');
}

/** The Passager rows (no header) of a sheet. */
export const passager = (sheet: TestSheet) => tabValues(sheet, 'Passager').slice(1);
/** The Passager row of a quote. */
export const rowWithQuote = (sheet: TestSheet, quote: string) => passager(sheet).find((row) => row[5] === quote);
/** The tombstone row of a deleted quote, on the hidden tab of deleted passages. */
export const tombstoneWithQuote = (sheet: TestSheet, quote: string) =>
  tabValues(sheet, 'Borttagna passager').slice(1).find((row) => row[5] === quote);

/** A passage of a fixture post (blog/<slug>.html) on a quote in it, as the extension would describe it; overrides win. */
export function postPassage(slug: string, quote: string, overrides: Partial<Passage> = {}): Passage {
  const doc = fixtureDocument(`blog/${slug}.html`);
  const text = findContentRoot(doc)!.textContent ?? '';
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`"${quote}" is not in ${slug}`);
  const url = postIdentity(`http://127.0.0.1/blog/${slug}/`, doc.querySelector('link[rel="canonical"]')?.getAttribute('href'))!;
  return makePassage({ ...describeRange(text, start, start + quote.length), url, ...overrides });
}
