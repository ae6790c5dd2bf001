// Sends the outbox to the sheet: batches, retry with backoff on alarms, stop on unauthorized until the settings change.
import { MAX_OPS } from '../../shared/protocol';
import { backoffSeconds, nextBatch, orphanedEntries, settle, settlePosts } from './outbox';
import { fingerprint, isConfigured, outboxItem, passagesItem, pendingPostsItem, settingsItem, syncStateItem, type SyncState } from './settings';
import { asWebAppError, sendBatch, WebAppError } from './web-app-client';
import type { SyncSummary } from './messages';
import { exclusive } from './exclusive';

export const SYNC_ALARM = 'annotera-sync';

export interface SyncHooks {
  schedule(whenMs: number): Promise<void>;
  cancel(): Promise<void>;
  badge(unsent: number, failing: boolean): Promise<void>;
}

let running: Promise<void> | null = null;
/** A flush was asked for while one ran: its run goes round again, so a save made at its end is not left waiting. */
let requested = false;

async function recordFailure(error: WebAppError, state: SyncState, stoppedFor: string | null, hooks: SyncHooks) {
  const attempts = state.attempts + 1;
  await syncStateItem.setValue({ ...state, attempts, stoppedFor, lastError: { code: error.code, message: error.message, at: new Date().toISOString() } });
  if (stoppedFor) await hooks.cancel();
  else await hooks.schedule(Date.now() + backoffSeconds(attempts) * 1000);
}

async function sendOnce(hooks: SyncHooks): Promise<boolean> {
  const [settings, state, passages] = await Promise.all([settingsItem.getValue(), syncStateItem.getValue(), passagesItem.getValue()]);
  const outbox = await exclusive(async () => {
    const current = await outboxItem.getValue();
    const gone = orphanedEntries(current, passages);
    if (!gone.length) return current;
    const cleaned = settle(current, gone.map((id) => ({ id, status: 'applied' as const, rev: current[id] })));
    await outboxItem.setValue(cleaned);
    return cleaned;
  });
  if (!Object.keys(outbox).length) {
    await hooks.cancel();
    return false;
  }
  if (!isConfigured(settings) || state.stoppedFor === fingerprint(settings)) return false;
  let maxOps = MAX_OPS;
  for (;;) {
    const ops = nextBatch(outbox, passages, maxOps, await pendingPostsItem.getValue());
    try {
      const answer = await sendBatch(settings.endpoint, settings.token, ops);
      if (!answer.ok) return false;
      // Settle against what is in the outbox now: a newer edit saved meanwhile stays unsent.
      await exclusive(async () => {
        await outboxItem.setValue(settle(await outboxItem.getValue(), answer.results));
        await pendingPostsItem.setValue(settlePosts(await pendingPostsItem.getValue(), ops, answer.results));
      });
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

/** Sends until the outbox is empty or a failure schedules a retry; one run at a time. */
export function flush(hooks: SyncHooks): Promise<void> {
  requested = true;
  running ??= (async () => {
    try {
      while (requested) {
        requested = false;
        while (await sendOnce(hooks));
      }
    } finally {
      const summary = await syncSummary();
      await hooks.badge(summary.unsent, Boolean(summary.state.lastError));
      running = null;
    }
  })();
  return running;
}

export async function syncSummary(): Promise<SyncSummary> {
  const [outbox, state, settings] = await Promise.all([outboxItem.getValue(), syncStateItem.getValue(), settingsItem.getValue()]);
  const unsentIds = Object.keys(outbox);
  return { unsent: unsentIds.length, unsentIds, state, configured: isConfigured(settings), sheetUrl: settings.sheetUrl };
}
