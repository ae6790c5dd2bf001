// Sync with the sheet: sends the outbox in batches, retries with backoff on alarms, stops on unauthorized until the
// settings change; pulls a post's passages from the sheet.
import { MAX_OPS } from '../../shared/protocol';
import { backoffSeconds, batchPosts, nextBatch } from './outbox';
import { mergeSheetPassages, readOutbox, readPendingPosts, readPosts, settleOutbox } from './passage-store';
import { fingerprint, isConfigured, settingsItem, syncStateItem, type SyncState } from './settings';
import { asWebAppError, fetchPassages, sendBatch, WebAppError } from './web-app-client';
import type { SyncSummary } from './messages';

const SYNC_ALARM = 'annotera-sync';

export interface SyncHooks {
  schedule(whenMs: number): Promise<void>;
  cancel(): Promise<void>;
  badge(unsent: number, failing: boolean): Promise<void>;
}

/** The browser's alarm for retries and the toolbar badge for what is unsent. */
const browserHooks: SyncHooks = {
  schedule: async (when) => browser.alarms.create(SYNC_ALARM, { when }),
  cancel: async () => void (await browser.alarms.clear(SYNC_ALARM)),
  badge: async (unsent, failing) => {
    await browser.action.setBadgeText({ text: unsent ? String(unsent) : '' });
    await browser.action.setBadgeBackgroundColor({ color: failing ? '#b3261e' : '#5f6368' });
  },
};

let running: Promise<void> | null = null;
/** A flush was asked for while one ran: its run goes round again, so a save made at its end is not left waiting. */
let requested = false;

async function recordFailure(error: WebAppError, state: SyncState, stoppedFor: string | null, hooks: SyncHooks) {
  const attempts = state.attempts + 1;
  await syncStateItem.setValue({ ...state, attempts, stoppedFor, lastError: { code: error.code, message: error.message, at: new Date().toISOString() } });
  if (stoppedFor) await hooks.cancel();
  else await hooks.schedule(Date.now() + backoffSeconds(attempts) * 1000);
}

/** Sends one batch; true when the sheet took it and more may wait. The outbox is read first, then its passages. */
async function sendOnce(hooks: SyncHooks): Promise<boolean> {
  const outbox = await readOutbox();
  if (!Object.keys(outbox).length) {
    await hooks.cancel();
    return false;
  }
  const [settings, state] = await Promise.all([settingsItem.getValue(), syncStateItem.getValue()]);
  if (!isConfigured(settings) || state.stoppedFor === fingerprint(settings)) return false;
  let maxOps = MAX_OPS;
  for (;;) {
    const ops = nextBatch(outbox, await readPosts(batchPosts(outbox, maxOps)), maxOps, await readPendingPosts());
    if (!ops.length) return false;
    try {
      const answer = await sendBatch(settings.endpoint, settings.token, ops);
      // Settle against what is in the outbox now: a newer edit saved meanwhile stays unsent.
      await settleOutbox(answer.results, ops);
      await syncStateItem.setValue({ lastError: null, lastSentAt: new Date().toISOString(), attempts: 0, stoppedFor: null });
      return true;
    } catch (error) {
      const failure = asWebAppError(error);
      if (failure.code === 'too_large' && maxOps > 1) {
        maxOps = Math.max(1, Math.floor(ops.length / 2));
        continue;
      }
      await recordFailure(failure, state, failure.code === 'unauthorized' ? fingerprint(settings) : null, hooks);
      return false;
    }
  }
}

/** Sends until the outbox is empty or a failure schedules a retry. A failure of storage is retried like one of the network. */
async function sendAll(hooks: SyncHooks): Promise<void> {
  try {
    while (await sendOnce(hooks));
  } catch (error) {
    // Where even that cannot be stored, the next save, alarm or worker start tries again.
    await syncStateItem.getValue().then((state) => recordFailure(asWebAppError(error), state, null, hooks)).catch(() => undefined);
  }
}

/** The badge is a hint: where it cannot be set (no `browser.action`), sending goes on without it. */
async function showBadge(hooks: SyncHooks): Promise<void> {
  try {
    const summary = await syncSummary();
    await hooks.badge(summary.unsent, Boolean(summary.state.lastError));
  } catch {
    // Nothing to report to: the popup shows the same counts.
  }
}

/** Sends what waits, one run at a time; the promise always resolves, once the outbox is empty or a retry is scheduled. */
export function flush(hooks: SyncHooks = browserHooks): Promise<void> {
  requested = true;
  running ??= (async () => {
    try {
      while (requested) {
        requested = false;
        await sendAll(hooks);
        await showBadge(hooks);
      }
    } finally {
      running = null;
    }
  })();
  return running;
}

/** What the background does for sync when it starts: retry on the alarm, send again on new settings, send what waits. */
export function startSync(hooks: SyncHooks = browserHooks): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void flush(hooks);
  });
  // New settings lift an "unauthorized" stop and send what waits.
  settingsItem.watch(() => void flush(hooks));
  void flush(hooks);
}

/** Takes in the sheet's passages of a post (colleagues' and newer ones); stored, so the page redraws. */
export async function pullPost(url: string): Promise<void> {
  const settings = await settingsItem.getValue();
  if (!isConfigured(settings)) return;
  try {
    const answer = await fetchPassages(settings.endpoint, settings.token, url);
    await mergeSheetPassages(url, answer.passages);
  } catch {
    // Offline or refused: the local passages are shown; the popup shows sync errors from sending.
  }
}

export async function syncSummary(): Promise<SyncSummary> {
  const [outbox, state, settings] = await Promise.all([readOutbox(), syncStateItem.getValue(), settingsItem.getValue()]);
  const unsentIds = Object.keys(outbox);
  return { unsent: unsentIds.length, unsentIds, state, configured: isConfigured(settings), sheetUrl: settings.sheetUrl };
}
