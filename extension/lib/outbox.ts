// The outbox's rules, pure: which passages are unsent, what the next batch is, what an answer settles, how long to wait.
import { MAX_BODY_BYTES, MAX_OPS, type Op, type OpResult } from '../../shared/protocol';
import type { Passage } from '../../shared/passage';

/** An unsent passage: the rev that must still reach the sheet, and the post whose record holds the passage. */
export interface OutboxEntry {
  rev: number;
  url: string;
}

/** Passage id → what must still reach the sheet. Only an answer from the sheet ever removes an entry. */
export type Outbox = Record<string, OutboxEntry>;

export function enqueue(outbox: Outbox, passage: Passage): Outbox {
  return { ...outbox, [passage.id]: { rev: Math.max(outbox[passage.id]?.rev ?? 0, passage.rev), url: passage.url } };
}

/** The posts that hold the passages of the next batch (the first maxOps entries). */
export function batchPosts(outbox: Outbox, maxOps = MAX_OPS): string[] {
  return [...new Set(Object.values(outbox).slice(0, maxOps).map((entry) => entry.url))];
}

/** The next batch: the current version of up to maxOps unsent passages, within the body limit. */
export function nextBatch(outbox: Outbox, passages: Readonly<Record<string, Passage>>, maxOps = MAX_OPS): Op[] {
  const ops: Op[] = [];
  let bytes = 200;
  for (const id of Object.keys(outbox)) {
    const passage = passages[id];
    if (!passage) continue;
    const size = JSON.stringify(passage).length * 3 + 40;
    if (ops.length >= maxOps || (ops.length && bytes + size > MAX_BODY_BYTES)) break;
    ops.push({ op: 'upsert', passage });
    bytes += size;
  }
  return ops;
}

/** The outbox once the sheet has answered: an entry is settled when the sheet holds its rev or a later one. */
export function settle(outbox: Outbox, results: readonly OpResult[]): Outbox {
  const next = { ...outbox };
  for (const result of results) if (next[result.id] !== undefined && next[result.id].rev <= result.rev) delete next[result.id];
  return next;
}

/** Seconds to wait before retry number `attempt` (1, 2, …): 2, 4, 8 … up to 5 minutes. */
export function backoffSeconds(attempt: number): number {
  return Math.min(300, 2 ** Math.max(1, attempt));
}
