// Menu and sidebar writes: under the script lock, flushed before the lock is released; a busy sheet is an error the UI shows.
import { BUSY_MESSAGE, withScriptLock } from './script-lock';

export function lockedWrite<T>(work: () => T): T {
  const done = withScriptLock(work);
  if (!done) throw new Error(BUSY_MESSAGE);
  return done.value;
}
