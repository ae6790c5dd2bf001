// Runs read-modify-write steps on browser storage one at a time, so that concurrent saves and sends never lose an update.

let tail: Promise<unknown> = Promise.resolve();

export function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const next = tail.then(work);
  tail = next.catch(() => undefined);
  return next;
}
