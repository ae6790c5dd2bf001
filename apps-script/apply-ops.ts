// Applies a batch of upserts and deletes to the stored passages: idempotent by id and rev, deletes kept as tombstones.
import type { OpResult, Op } from '../shared/protocol';
import type { Passage } from '../shared/passage';

export interface Applied {
  passages: Passage[];
  results: OpResult[];
}

/** A tombstone for a delete of an id the sheet has never seen, so that a late upsert of a lower rev stays stale. */
function tombstone(id: string, rev: number, now: string): Passage {
  return {
    id, rev, deleted: true, createdAt: now, updatedAt: now, url: '', pageTitle: '', kind: 'theme', themes: [],
    municipality: '', quote: '', prefix: '', suffix: '', start: 0, end: 0, note: '', author: '',
  };
}

/** The new list of stored passages (same order, new ones appended; an op that changes nothing keeps the stored object) and one result per op. Pure. */
export function applyOps(stored: readonly Passage[], ops: readonly Op[], now: string): Applied {
  const passages = [...stored];
  const index = new Map(passages.map((p, i) => [p.id, i]));
  const results: OpResult[] = [];
  const put = (next: Passage) => {
    const at = index.get(next.id);
    if (at === undefined) index.set(next.id, passages.push(next) - 1);
    else passages[at] = next;
    results.push({ id: next.id, status: 'applied', rev: next.rev });
  };
  for (const op of ops) {
    const id = op.op === 'upsert' ? op.passage.id : op.id;
    const rev = op.op === 'upsert' ? op.passage.rev : op.rev;
    const at = index.get(id);
    const current = at === undefined ? undefined : passages[at];
    if (current && rev === current.rev) results.push({ id, status: 'duplicate', rev: current.rev });
    else if (current && rev < current.rev) results.push({ id, status: 'stale', rev: current.rev });
    else if (op.op === 'upsert') put(op.passage);
    else put(current ? { ...current, deleted: true, rev, updatedAt: now } : tombstone(id, rev, now));
  }
  return { passages, results };
}
