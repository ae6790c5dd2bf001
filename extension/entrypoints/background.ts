// Background service worker: stores passages, keeps the outbox and sends it, answers the popup, options and content script.
import { validatePassage, type Passage } from '../../shared/passage';
import { validatePost } from '../../shared/protocol';
import { livePassagesOf } from '../lib/page-passages';
import { readPost, storePassage } from '../lib/passage-store';
import type { Request, Responses } from '../lib/messages';
import { codebookItem, isConfigured, settingsItem, type Settings } from '../lib/settings';
import { flush, pullPost, sendStored, startSync, syncSummary } from '../lib/sync';
import { asWebAppError, checkConnection, fetchCodebook, messageOf } from '../lib/web-app-client';
import type { Diagnosis } from '../lib/connection-doctor';
import { t } from '../lib/i18n';
import { openSidePanel, PANEL_MENU_ID } from '../lib/side-panel';

const MENU_ID = 'annotera-tag-selection';

const failed = (error: unknown) => {
  const e = asWebAppError(error);
  return { ok: false as const, code: e.code, message: e.message };
};

async function savePassage(input: unknown, postInput?: unknown): Promise<Responses['save-passage']> {
  const checked = validatePassage(input);
  if (!checked.ok) throw new Error(`The passage is not valid: ${checked.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  // The post's text goes with its first passage; a text that is not valid is simply not sent.
  const post = validatePost(postInput);
  // Stored with its outbox entry, and an alarm set, before the answer: once the content script hears "ok", a stopped
  // worker loses nothing and is started again to send it.
  await storePassage(checked.value, post.ok ? post.value : undefined);
  await sendStored();
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
    await codebookItem.setValue({ codebook: answer.codebook, fetchedAt: new Date().toISOString() });
    return { ok: true, codebook: answer.codebook };
  } catch (error) {
    return failed(error);
  }
}

/** Pings the web app and says what is wrong, if anything; when it works, learns the spreadsheet's address. */
async function testConnection(settings: Settings): Promise<Diagnosis> {
  const diagnosis = await checkConnection(settings.endpoint, settings.token);
  if (diagnosis.kind === 'ok' && diagnosis.sheetUrl) await settingsItem.setValue({ ...(await settingsItem.getValue()), sheetUrl: diagnosis.sheetUrl });
  return diagnosis;
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
  await testConnection(settings);
}

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'save-passage':
      return savePassage(request.passage, request.post);
    case 'page-passages':
      return pagePassages(request.url);
    case 'author':
      return (await settingsItem.getValue()).author;
    case 'sync-now':
      await flush();
      return syncSummary();
    case 'sync-summary':
      return syncSummary();
    case 'check-connection':
      return testConnection(request.settings);
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

async function tagSelection(tabId?: number) {
  await openToolbarInActiveTab(tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id);
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((request: Request, _sender, respond) => {
    handle(request).then(respond, (error: unknown) => respond({ error: messageOf(error) }));
    return true;
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: t('menuTag'), contexts: ['selection'] });
    browser.contextMenus.create({ id: PANEL_MENU_ID, title: t('menuPanel'), contexts: ['page', 'selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void openToolbarInActiveTab(tab?.id);
    if (info.menuItemId === PANEL_MENU_ID && tab) void openSidePanel(tab);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel' && tab) void openSidePanel(tab);
    if (command === 'tag-selection') void tagSelection(tab?.id);
  });
  // New settings pull the codebook (and, in startSync, lift an "unauthorized" stop and send what waits).
  settingsItem.watch(() => void refreshCodebookIfStale());
  // Whenever the worker starts (browser start, an alarm, a message), whatever waits in the outbox is sent.
  startSync();
  void learnSheetUrl();
  void refreshCodebookIfStale();
});
