// Background service worker: stores passages, keeps the outbox and sends it, answers the popup, options and content script.
import { validatePassage, type Passage } from '../../shared/passage';
import { livePassagesOf } from '../lib/page-passages';
import { readPost, storePassage } from '../lib/passage-store';
import type { Request, Responses } from '../lib/messages';
import { codebookItem, isConfigured, settingsItem } from '../lib/settings';
import { flush, pullPost, startSync, syncSummary } from '../lib/sync';
import { asWebAppError, fetchCodebook, messageOf, ping, WebAppError } from '../lib/web-app-client';
import { words } from '../lib/i18n';

const MENU_ID = 'annotera-tag-selection';

const failed = (error: unknown) => {
  const e = asWebAppError(error);
  return { ok: false as const, code: e.code, message: e.message };
};

async function savePassage(input: unknown): Promise<Responses['save-passage']> {
  const checked = validatePassage(input);
  if (!checked.ok) throw new Error(`The passage is not valid: ${checked.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  // Stored with its outbox entry before the answer: once the content script hears "ok", a stopped worker loses nothing.
  await storePassage(checked.value);
  void flush();
  return { ok: true };
}

/** The page's passages now, and in the background those of colleagues from the sheet (stored, so the page redraws). */
async function pagePassages(url: string): Promise<Passage[]> {
  const local = await readPost(url);
  void pullPost(url);
  return livePassagesOf(local, url);
}

async function refreshCodebook(): Promise<Responses['refresh-codebook']> {
  const settings = await settingsItem.getValue();
  try {
    const answer = await fetchCodebook(settings.endpoint, settings.token);
    if (!answer.ok) throw new WebAppError(answer.error.code, answer.error.message);
    await codebookItem.setValue({ codebook: answer.codebook, fetchedAt: new Date().toISOString() });
    return { ok: true, codebook: answer.codebook };
  } catch (error) {
    return failed(error);
  }
}

async function testConnection(request: Request & { type: 'ping' }): Promise<Responses['ping']> {
  try {
    const answer = await ping(request.settings.endpoint, request.settings.token);
    if (!answer.ok) throw new WebAppError(answer.error.code, answer.error.message);
    if (answer.sheetUrl) await settingsItem.setValue({ ...(await settingsItem.getValue()), sheetUrl: answer.sheetUrl });
    return { ok: true, version: answer.version };
  } catch (error) {
    return failed(error);
  }
}

const CODEBOOK_MAX_AGE_MS = 60 * 60 * 1000;

/** Pulls the team's codebook from the sheet when the cached one is the default or older than an hour. */
async function refreshCodebookIfStale(): Promise<void> {
  const [settings, cached] = await Promise.all([settingsItem.getValue(), codebookItem.getValue()]);
  const fresh = cached.fetchedAt && Date.now() - Date.parse(cached.fetchedAt) < CODEBOOK_MAX_AGE_MS;
  if (isConfigured(settings) && !fresh) await refreshCodebook();
}

/** Learns the spreadsheet's address (for the popup's link) once the web app is configured. */
async function learnSheetUrl(): Promise<void> {
  const settings = await settingsItem.getValue();
  if (!isConfigured(settings) || settings.sheetUrl) return;
  await testConnection({ type: 'ping', settings }).catch(() => undefined);
}

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'save-passage':
      return savePassage(request.passage);
    case 'page-passages':
      return pagePassages(request.url);
    case 'sync-now':
      await flush();
      return syncSummary();
    case 'sync-summary':
      return syncSummary();
    case 'ping':
      return testConnection(request);
    case 'refresh-codebook':
      return refreshCodebook();
    case 'get-codebook':
      return (await codebookItem.getValue()).codebook;
    default:
      return undefined;
  }
}

async function openToolbarInActiveTab(tabId?: number) {
  if (tabId !== undefined) await browser.tabs.sendMessage(tabId, { type: 'open-toolbar' }).catch(() => undefined);
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((request: Request, _sender, respond) => {
    handle(request).then(respond, (error: unknown) => respond({ error: messageOf(error) }));
    return true;
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: words.toolbarTitle, contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void openToolbarInActiveTab(tab?.id);
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'tag-selection') return;
    const target = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    await openToolbarInActiveTab(target);
  });
  // New settings pull the codebook (and, in startSync, lift an "unauthorized" stop and send what waits).
  settingsItem.watch(() => void refreshCodebookIfStale());
  // Whenever the worker starts (browser start, an alarm, a message), whatever waits in the outbox is sent.
  startSync();
  void learnSheetUrl();
  void refreshCodebookIfStale();
});
