// Sync with the sheet: sends the outbox in batches, retries with backoff (a timer, and an alarm that outlives the worker),
// stops on unauthorized until the settings change; pulls a post's passages from the sheet.
import { MAX_OPS } from '../../shared/protocol';
import { alarmTime, batchPosts, MIN_ALARM_DELAY_MS, nextBatch, retryAfterFailure } from './outbox';
import { mergeSheetPassages, readOutbox, readPendingPosts, readPosts, settleOutbox } from './passage-store';
import { fingerprint, isConfigured, settingsItem, syncStateItem, type SyncState } from './settings';
import { asWebAppError, fetchPassages, sendBatch, WebAppError } from './web-app-client';
import type { SyncSummary } from './messages';

const SYNC_ALARM = 'annotera-sync';

export interface SyncHooks {
  /** Sends again at `whenMs`, or as soon after as the browser allows if the worker has stopped meanwhile. */
  schedule(whenMs: number): Promise<void>;
  cancel(): Promise<void>;
  /** Makes sure a stopped worker is started by `whenMs` at the latest; a retry already set keeps its time. */
  backstop(whenMs: number): Promise<void>;
  badge(unsent: number, failing: boolean): Promise<void>;
}

let retryTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * A retry is a timer in the worker, on time while it runs, and an alarm, which Chrome holds to at least 30 s in a
 * packed extension but which starts a stopped worker; the toolbar badge shows what is unsent.
 */
const browserHooks: SyncHooks = {
  schedule: async (when) => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void retry(browserHooks), Math.max(0, when - Date.now()));
    await browser.alarms.create(SYNC_ALARM, { when: alarmTime(when, Date.now()) });
  },
  cancel: async () => {
    clearTimeout(retryTimer);
    await browser.alarms.clear(SYNC_ALARM);
  },
  backstop: async (when) => {
    if (!(await browser.alarms.get(SYNC_ALARM))) await browser.alarms.create(SYNC_ALARM, { when: alarmTime(when, Date.now()) });
  },
  badge: async (unsent, failing) => {
    await browser.action.setBadgeText({ text: unsent ? String(unsent) : '' });
    await browser.action.setBadgeBackgroundColor({ color: failing ? '#b3261e' : '#5f6368' });
  },
};

let running: Promise<void> | null = null;
/** A flush was asked for while one ran: its run goes round again, so a save made at its end is not left waiting. */
let requested = false;

/** Schedules the retry (or, when stopped, cancels it) before the state is written, so that a storage failure leaves it set. */
async function recordFailure(error: WebAppError, state: SyncState, stoppedFor: string | null, hooks: SyncHooks) {
  const now = Date.now();
  const next = retryAfterFailure({ attempts: state.attempts, at: state.retryAt ? Date.parse(state.retryAt) : 0 }, now);
  if (stoppedFor) await hooks.cancel();
  else await hooks.schedule(next.at);
  const lastError = { code: error.code, message: error.message, at: new Date(now).toISOString() };
  const retryAt = stoppedFor ? null : new Date(next.at).toISOString();
  await syncStateItem.setValue({ ...state, attempts: stoppedFor ? state.attempts + 1 : next.attempts, retryAt, stoppedFor, lastError });
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
      // Should the worker stop before the answer, the alarm starts a new one to send again.
      await hooks.schedule(Date.now() + MIN_ALARM_DELAY_MS);
      const answer = await sendBatch(settings.endpoint, settings.token, ops);
      // Settle against what is in the outbox now: a newer edit saved meanwhile stays unsent.
      await settleOutbox(answer.results, ops);
      await syncStateItem.setValue({ lastError: null, lastSentAt: new Date().toISOString(), attempts: 0, retryAt: null, stoppedFor: null });
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
    // Where the state cannot even be read, the retry is still scheduled (counted as the first); its write may fail too.
    const state = await syncStateItem.getValue().catch(() => syncStateItem.fallback);
    await recordFailure(asWebAppError(error), state, null, hooks).catch(() => undefined);
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

/**
 * What follows a stored save, before it is acknowledged: an alarm (unless one is set), so that a worker stopped before
 * it sends is started again to send; then the send. Without it, a save acknowledged just before the browser stopped the
 * worker waited for whatever woke the worker next.
 */
export async function sendStored(hooks: SyncHooks = browserHooks): Promise<void> {
  await hooks.backstop(Date.now() + MIN_ALARM_DELAY_MS);
  void flush(hooks);
}

/**
 * A retry that comes while a run is under way is that run's: the run ends sent or with a retry of its own. The alarm it
 * used up is set again meanwhile, for a worker stopped before the run ends.
 */
async function retry(hooks: SyncHooks): Promise<void> {
  if (!running) return flush(hooks);
  await hooks.schedule(Date.now() + MIN_ALARM_DELAY_MS);
}

/** What the background does for sync when it starts: retry on the alarm, send again on new settings and browser start, send what waits. */
export function startSync(hooks: SyncHooks = browserHooks): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void retry(hooks);
  });
  // New settings lift an "unauthorized" stop and send what waits.
  settingsItem.watch(() => void flush(hooks));
  // Chrome starts the worker with the browser only for a listener of onStartup; alarms may not outlive a restart.
  browser.runtime.onStartup.addListener(() => void flush(hooks));
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
