// The outbox's rules and the merge with the sheet's passages.
import { describe, expect, test } from 'vitest';
import { alarmTime, backoffSeconds, batchPosts, enqueue, nextBatch, retryAfterFailure, settle, settlePosts } from '../../extension/lib/outbox';
import { validateBatchRequest } from '../../shared/protocol';
import { livePassagesOf, mergeNewer, storedPassagesOf } from '../../extension/lib/page-passages';
import { deletePassage, editPassage } from '../../extension/lib/passage-edit';
import { makePassage } from '../helpers/passages';

describe('outbox', () => {
  test("a post's pending text goes with its first live passage in the batch only, and is done once the sheet answered that op", () => {
    const url = 'http://www.socialbarnungdom.se/kommunbesok/flen/';
    const [a, b] = [makePassage({ url, start: 0, end: 10 }), makePassage({ url, start: 20, end: 30 })];
    const other = makePassage();
    const post = { title: 'Flen', text: 'x'.repeat(40) };
    const posts = { [url]: post };
    const outbox = enqueue(enqueue(enqueue({}, other), a), b);
    const batch = nextBatch(outbox, { [a.id]: a, [b.id]: b, [other.id]: other }, 500, posts);
    expect(batch).toEqual([{ op: 'upsert', passage: other }, { op: 'upsert', passage: a, post }, { op: 'upsert', passage: b }]);
    expect(validateBatchRequest({ v: 1, token: 't', ops: batch }).ok).toBe(true);
    expect(settlePosts(posts, batch, [{ id: other.id, status: 'applied', rev: 1 }])).toEqual(posts);
    expect(settlePosts(posts, batch, [{ id: a.id, status: 'duplicate', rev: 1 }])).toEqual({});
    const deleted = { ...a, deleted: true, rev: 2 };
    expect(nextBatch(enqueue(enqueue({}, deleted), b), { [deleted.id]: deleted, [b.id]: b }, 500, posts))
      .toEqual([{ op: 'upsert', passage: deleted }, { op: 'upsert', passage: b, post }]);
    const outside = makePassage({ url, start: 0, end: 41 });
    expect(nextBatch(enqueue({}, outside), { [outside.id]: outside }, 500, posts)).toEqual([{ op: 'upsert', passage: outside }]);
  });

  test('keeps the highest rev per passage', () => {
    const p = makePassage();
    const outbox = enqueue(enqueue({}, { ...p, rev: 3 }), { ...p, rev: 2 });
    expect(outbox).toEqual({ [p.id]: { rev: 3, url: p.url } });
  });

  test('a batch sends the current version, at most maxOps, and skips entries without a passage', () => {
    const a = makePassage();
    const b = makePassage({ url: 'http://www.socialbarnungdom.se/kommunbesok/flen/' });
    const outbox = { [a.id]: { rev: 1, url: a.url }, [b.id]: { rev: 1, url: b.url }, missing: { rev: 1, url: a.url } };
    expect(nextBatch(outbox, { [a.id]: a, [b.id]: { ...b, rev: 2 } }, 1)).toEqual([{ op: 'upsert', passage: a }]);
    expect(nextBatch(outbox, { [a.id]: a, [b.id]: b })).toHaveLength(2);
    expect(batchPosts(outbox, 1)).toEqual([a.url]);
    expect(batchPosts(outbox)).toEqual([a.url, b.url]);
  });

  test('a batch stays under the 2 MB body limit', () => {
    const passages = Object.fromEntries(Array.from({ length: 200 }, () => makePassage({ quote: 'å'.repeat(5000) })).map((p) => [p.id, p]));
    const outbox = Object.fromEntries(Object.values(passages).map((p) => [p.id, { rev: 1, url: p.url }]));
    const batch = nextBatch(outbox, passages);
    expect(batch.length).toBeLessThan(200);
    expect(Buffer.byteLength(JSON.stringify({ v: 1, token: 'x'.repeat(64), ops: batch }))).toBeLessThan(2 * 1024 * 1024);
  });

  test('an answer settles what the sheet holds; a newer edit made meanwhile stays', () => {
    const url = 'http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/';
    const outbox = { a: { rev: 2, url }, b: { rev: 5, url }, c: { rev: 1, url } };
    expect(settle(outbox, [
      { id: 'a', status: 'applied', rev: 2 },
      { id: 'b', status: 'applied', rev: 4 },
      { id: 'c', status: 'stale', rev: 3 },
    ])).toEqual({ b: { rev: 5, url } });
  });

  test('backoff doubles from 2 seconds up to 5 minutes', () => {
    expect([1, 2, 3, 8, 9, 20].map(backoffSeconds)).toEqual([2, 4, 8, 256, 300, 300]);
  });

  test('a failure before the retry is due keeps that retry; a failure of the retry doubles the wait', () => {
    const first = retryAfterFailure({ attempts: 0, at: 0 }, 10_000);
    expect(first).toEqual({ attempts: 1, at: 12_000 });
    expect(retryAfterFailure(first, 11_999)).toEqual(first);
    expect(retryAfterFailure(first, 12_000)).toEqual({ attempts: 2, at: 16_000 });
  });

  test('the alarm behind a retry goes off when it is due, but no sooner than 30 s from now', () => {
    expect([alarmTime(2_000, 0), alarmTime(45_000, 0), alarmTime(300_000, 280_000)]).toEqual([30_000, 45_000, 310_000]);
  });
});

describe('passages on the client', () => {
  test('edit and delete raise rev and keep the rest', () => {
    const p = makePassage();
    const edited = editPassage(p, { kind: 'plan', themes: ['tolkar'], municipality: '0482', note: 'n' }, '2026-11-24T12:00:00.000Z');
    expect(edited).toMatchObject({ id: p.id, rev: 2, kind: 'plan', quote: p.quote, createdAt: p.createdAt, updatedAt: '2026-11-24T12:00:00.000Z' });
    expect(deletePassage(edited, '2026-11-24T13:00:00.000Z')).toMatchObject({ rev: 3, deleted: true });
  });

  test('the sheet’s newer versions come in; unsent local edits win; tombstones are not shown', () => {
    const mine = makePassage({ rev: 3 });
    const theirs = makePassage({ rev: 1 });
    const merged = mergeNewer({ [mine.id]: mine }, [{ ...mine, rev: 2 }, theirs, { ...theirs, id: makePassage().id, deleted: true }], {});
    expect(merged[mine.id].rev).toBe(3);
    expect(merged[theirs.id]).toEqual(theirs);
    const pending = mergeNewer({ [mine.id]: mine }, [{ ...mine, rev: 9 }], { [mine.id]: { rev: 3, url: mine.url } });
    expect(pending[mine.id].rev).toBe(3);
    expect(livePassagesOf(merged, mine.url).map((p) => p.id).sort()).toEqual([mine.id, theirs.id].sort());
  });

  test('a page takes in its own post’s passages from storage changes, and where an answer and a change cross the higher rev wins', () => {
    const mine = makePassage({ rev: 2 });
    const other = makePassage({ url: 'http://www.socialbarnungdom.se/kommunbesok/flen/' });
    const changes = {
      [`passage:${mine.id}`]: { newValue: mine, oldValue: { ...mine, rev: 1 } },
      [`passage:${other.id}`]: { newValue: other },
      outbox: { newValue: { [mine.id]: { rev: 2, url: mine.url } } },
      'pending-posts': { newValue: { url: mine.url } },
      [`passage:${makePassage().id}`]: { oldValue: makePassage() },
    };
    expect(storedPassagesOf(changes, mine.url)).toEqual([mine]);
    const known = mergeNewer({}, storedPassagesOf(changes, mine.url));
    // The page's answer was read before the change was written: its older version does not come back.
    expect(livePassagesOf(mergeNewer(known, [{ ...mine, rev: 1 }]), mine.url)).toEqual([mine]);
    const deleted = deletePassage(mine, mine.updatedAt);
    expect(livePassagesOf(mergeNewer(known, storedPassagesOf({ [`passage:${mine.id}`]: { newValue: deleted } }, mine.url)), mine.url)).toEqual([]);
  });
});
