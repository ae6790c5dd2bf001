// Runs work under the script lock with a bounded wait, flushing before release; null when the lock could not be had.

import { CLIENT_TIMEOUT_MS } from '../shared/protocol';

/**
 * The wait for the lock, sized against the client's timeout (30 s): a request that waits the whole 15 s still has
 * 15 s for Apps Script's start (up to ~3 s cold), its work (a dozen service calls, a few seconds at 20,000 passages)
 * and the redirect to the answer (~1 s) before the extension gives up — so a write is not finished after its client
 * stopped waiting, and a busy sheet answers server_busy in time for the client to retry.
 */
export const LOCK_WAIT_MS = CLIENT_TIMEOUT_MS / 2;
export const BUSY_MESSAGE = 'The sheet is busy with another write; try again shortly.';

/** `flush`: false only for work that queues nothing in SpreadsheetApp (Sheets API writes apply at once). */
export function withScriptLock<T>(work: () => T, flush = true): { value: T } | null {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return null;
  try {
    return { value: work() };
  } finally {
    // Google asks for pending changes to be applied before the lock is released, so the next holder reads them.
    if (flush) SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
