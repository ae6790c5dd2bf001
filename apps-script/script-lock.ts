// Runs work under the script lock with a bounded wait; null when the lock could not be had.

export const LOCK_WAIT_MS = 10_000;
export const BUSY_MESSAGE = 'The sheet is busy with another write; try again shortly.';

export function withScriptLock<T>(work: () => T): { value: T } | null {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return null;
  try {
    return { value: work() };
  } finally {
    lock.releaseLock();
  }
}
