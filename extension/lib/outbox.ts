// The outbox's rules, pure: which passages are unsent, what the next batch is, what an answer settles, how long to wait.
import { MAX_BODY_BYTES, MAX_OPS, type Op, type OpResult, type Post } from '../../shared/protocol';
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

/** Post address → the post's text, waiting to go to the sheet with the post's first passage. */
export type PendingPosts = Record<string, Post>;

/**
 * The next batch: the current version of up to maxOps unsent passages, within the body limit; the first upsert of a live
 * passage of a post whose text is pending carries it.
 */
export function nextBatch(outbox: Outbox, passages: Readonly<Record<string, Passage>>, maxOps = MAX_OPS, posts: PendingPosts = {}): Op[] {
  const ops: Op[] = [];
  const carried = new Set<string>();
  let bytes = 200;
  for (const id of Object.keys(outbox)) {
    const passage = passages[id];
    if (!passage) continue;
    // A deleted passage makes no row on Inlägg, so the text waits for a live one.
    const carries = !passage.deleted && !carried.has(passage.url) && passage.end <= (posts[passage.url]?.text.length ?? -1);
    const op: Op = carries ? { op: 'upsert', passage, post: posts[passage.url] } : { op: 'upsert', passage };
    const size = JSON.stringify(op).length * 3 + 40;
    if (ops.length >= maxOps || (ops.length && bytes + size > MAX_BODY_BYTES)) break;
    if (carries) carried.add(passage.url);
    ops.push(op);
    bytes += size;
  }
  return ops;
}

/** The pending posts once a batch is answered: a post whose text went with an op the sheet answered is done. */
export function settlePosts(posts: PendingPosts, sent: readonly Op[], results: readonly OpResult[]): PendingPosts {
  const answered = new Set(results.map((result) => result.id));
  const next = { ...posts };
  for (const op of sent) if (op.op === 'upsert' && op.post && answered.has(op.passage.id)) delete next[op.passage.url];
  return next;
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

/** Sends that failed in a row, and when (ms since the epoch) the next retry is due; 0 when none is. */
export interface Retry {
  attempts: number;
  at: number;
}

/**
 * The retry after a send failed at `now`. A failure before the scheduled retry was due (a save sent in the meantime)
 * keeps that retry, so saves made while the sheet is away do not push the retry out; otherwise the wait doubles.
 */
export function retryAfterFailure(previous: Retry, now: number): Retry {
  if (now < previous.at) return previous;
  const attempts = previous.attempts + 1;
  return { attempts, at: now + backoffSeconds(attempts) * 1000 };
}

/** Chrome fires a packed extension's alarm no sooner than 30 s after it is set (unpacked ones are exempt). */
export const MIN_ALARM_DELAY_MS = 30_000;

/** When the alarm for a retry due `at` goes off: then, or as soon as Chrome fires alarms, whichever is later. */
export const alarmTime = (at: number, now: number) => Math.max(at, now + MIN_ALARM_DELAY_MS);
