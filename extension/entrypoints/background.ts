// Background service worker: stores passages, keeps the outbox and sends it, answers the popup, options and content script.
import { storage } from '@wxt-dev/storage';
import { validatePassage, type Passage } from '../../shared/passage';
import { validatePost, type Post } from '../../shared/protocol';
import { exclusive } from '../lib/exclusive';
import { enqueue } from '../lib/outbox';
import { livePassagesOf, mergeFromSheet } from '../lib/page-passages';
import type { Request, Responses } from '../lib/messages';
import { codebookItem, isConfigured, outboxItem, passagesItem, pendingPostsItem, settingsItem } from '../lib/settings';
import { flush, SYNC_ALARM, syncSummary, type SyncHooks } from '../lib/sync';
import { asWebAppError, fetchCodebook, fetchPassages, messageOf, ping, WebAppError } from '../lib/web-app-client';
import { words } from '../lib/i18n';

const MENU_ID = 'annotera-tag-selection';

const hooks: SyncHooks = {
  schedule: async (when) => browser.alarms.create(SYNC_ALARM, { when }),
  cancel: async () => void (await browser.alarms.clear(SYNC_ALARM)),
  badge: async (unsent, failing) => {
    await browser.action.setBadgeText({ text: unsent ? String(unsent) : '' });
    await browser.action.setBadgeBackgroundColor({ color: failing ? '#b3261e' : '#5f6368' });
  },
};

const failed = (error: unknown) => {
  const e = asWebAppError(error);
  return { ok: false as const, code: e.code, message: e.message };
};

/** The post's text, kept to go with the post's first passage (when it is valid and no live passage of the post is stored yet). */
function firstPost(passages: Record<string, Passage>, passage: Passage, post: unknown): Post | null {
  const checked = validatePost(post);
  if (!checked.ok || passage.end > checked.value.text.length) return null;
  return Object.values(passages).some((p) => p.url === passage.url && !p.deleted) ? null : checked.value;
}

async function savePassage(input: unknown, postInput?: unknown): Promise<Responses['save-passage']> {
  const checked = validatePassage(input);
  if (!checked.ok) throw new Error(`The passage is not valid: ${checked.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  const passage = checked.value;
  await exclusive(async () => {
    const passages = await passagesItem.getValue();
    if ((passages[passage.id]?.rev ?? 0) >= passage.rev) return;
    // Both in one storage write, before the answer: once the content script hears "ok", the passage
    // and its place in the outbox survive a stopped worker together.
    const post = firstPost(passages, passage, postInput);
    await storage.setItems([
      { item: passagesItem, value: { ...passages, [passage.id]: passage } },
      { item: outboxItem, value: enqueue(await outboxItem.getValue(), passage) },
      ...(post ? [{ item: pendingPostsItem, value: { ...(await pendingPostsItem.getValue()), [passage.url]: post } }] : []),
    ]);
  });
  void flush(hooks);
  return { ok: true };
}

/** The page's passages now, and in the background those of colleagues from the sheet (stored, so the page redraws). */
async function pagePassages(url: string): Promise<Passage[]> {
  const local = await passagesItem.getValue();
  void refreshFromSheet(url);
  return livePassagesOf(local, url);
}

async function refreshFromSheet(url: string): Promise<void> {
  const settings = await settingsItem.getValue();
  if (!isConfigured(settings)) return;
  try {
    const answer = await fetchPassages(settings.endpoint, settings.token, url);
    if (!answer.ok) return;
    await exclusive(async () => {
      const merged = mergeFromSheet(await passagesItem.getValue(), answer.passages, await outboxItem.getValue());
      await passagesItem.setValue(merged);
    });
  } catch {
    // Offline or refused: the local passages are shown; the popup shows sync errors from sending.
  }
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
      return savePassage(request.passage, request.post);
    case 'page-passages':
      return pagePassages(request.url);
    case 'sync-now':
      await flush(hooks);
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
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void flush(hooks);
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
  // New settings lift an "unauthorized" stop, send what waits and pull the codebook.
  settingsItem.watch(() => {
    void flush(hooks);
    void refreshCodebookIfStale();
  });
  // Whenever the worker starts (browser start, an alarm, a message), whatever waits in the outbox is sent.
  void flush(hooks);
  void learnSheetUrl();
  void refreshCodebookIfStale();
});
