// LockService for the local runtime: the script, document and user locks live in this process's memory, owned by executions.

/** One mutual-exclusion lock that executions wait for in turn; released when its owner ends, even by a crash. */
class SharedLock {
  owner: number | null = null;
  private waiters: Array<{ execution: number; grant: (granted: boolean) => void; timer: NodeJS.Timeout }> = [];

  /** Takes the lock at once when it is free; else waits up to `ms` for it. */
  acquire(execution: number, ms: number): Promise<boolean> {
    if (this.owner === null || this.owner === execution) {
      this.owner = execution;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter = {
        execution,
        grant: (granted: boolean) => {
          clearTimeout(waiter.timer);
          resolve(granted);
        },
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(false);
        }, Math.max(0, ms)),
      };
      this.waiters.push(waiter);
    });
  }

  /** Takes the lock only when it is free now. */
  tryNow(execution: number): boolean {
    if (this.owner !== null && this.owner !== execution) return false;
    this.owner = execution;
    return true;
  }

  release(execution: number): void {
    if (this.owner !== execution) return;
    const next = this.waiters.shift();
    this.owner = next ? next.execution : null;
    next?.grant(true);
  }

  /** Forgets an execution that ended: its hold and its waits. */
  forget(execution: number): void {
    for (const waiter of this.waiters.filter((w) => w.execution === execution)) waiter.grant(false);
    this.waiters = this.waiters.filter((w) => w.execution !== execution);
    this.release(execution);
  }
}

export type LockKind = 'script' | 'document' | 'user';

const TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** The locks of one runtime; `forget` is called when an execution ends, however it ended. */
export class LockTable {
  private locks: Record<LockKind, SharedLock> = { script: new SharedLock(), document: new SharedLock(), user: new SharedLock() };

  holder(kind: LockKind): number | null {
    return this.locks[kind].owner;
  }

  /** The Lock object an execution gets; `wait` says whether it may wait (worker executions) or must answer at once. */
  lockFor(kind: LockKind, execution: number, wait: boolean) {
    const lock = this.locks[kind];
    const take = (ms: unknown): boolean | Promise<boolean> => {
      const timeout = Math.max(0, Number(ms) || 0);
      if (wait) return lock.acquire(execution, timeout);
      if (lock.tryNow(execution)) return true;
      if (timeout > 0) throw new Error('The local runtime cannot wait for a lock held by a running execution in invoke(); use execute().');
      return false;
    };
    return new ExecutionLock(take, () => lock.owner === execution, () => lock.release(execution));
  }

  forget(execution: number): void {
    for (const lock of Object.values(this.locks)) lock.forget(execution);
  }
}

/** Apps Script's Lock: tryLock(ms), waitLock(ms), hasLock(), releaseLock(). */
export class ExecutionLock {
  constructor(
    private take: (ms: unknown) => boolean | Promise<boolean>,
    private held: () => boolean,
    private release: () => void,
  ) {}
  tryLock(ms: number) {
    return this.take(ms);
  }
  waitLock(ms: number) {
    const granted = this.take(ms);
    const check = (ok: boolean) => {
      if (!ok) throw new Error(TIMEOUT_MESSAGE);
    };
    if (typeof granted === 'boolean') return check(granted);
    return granted.then(check);
  }
  hasLock() {
    return this.held();
  }
  releaseLock() {
    this.release();
  }
}
