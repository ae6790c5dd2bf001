// The shared validators reject bad passages and bad requests with every field error and its path.
import { describe, expect, test } from 'vitest';
import { validatePassage, LIMITS } from '../../shared/passage';
import { MAX_OPS, validateBatchRequest, validateGetRequest } from '../../shared/protocol';
import { makePassage } from '../helpers/passages';

describe('passages', () => {
  test('a good passage passes, unchanged', () => {
    const passage = makePassage();
    expect(validatePassage(passage)).toEqual({ ok: true, value: passage });
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ['id not a UUID', { id: 'abc' }, ['id']],
    ['relative url', { url: '/kommunbesok/nacka/' }, ['url']],
    ['javascript: url', { url: 'javascript:alert(1)' }, ['url']],
    ['url too long', { url: `https://x.se/${'a'.repeat(LIMITS.url)}` }, ['url']],
    ['unknown kind', { kind: 'opinion' }, ['kind']],
    ['theme id with markup', { themes: ['<b>'] }, ['themes.0']],
    ['too many themes', { themes: Array.from({ length: 21 }, (_, i) => `t${i}`) }, ['themes']],
    ['the same theme twice', { themes: ['a', 'a'] }, ['themes']],
    ['unknown municipality', { municipality: '9999' }, ['municipality']],
    ['empty quote', { quote: '   ' }, ['quote']],
    ['quote of 5,001 characters', { quote: 'x'.repeat(5001) }, ['quote']],
    ['note of 2,001 characters', { note: 'x'.repeat(2001) }, ['note']],
    ['negative start', { start: -1 }, ['start']],
    ['end before start', { start: 10, end: 5 }, ['end']],
    ['fractional offset', { end: 150.5 }, ['end']],
    ['not a date', { createdAt: 'yesterday' }, ['createdAt']],
    ['impossible date', { updatedAt: '2026-13-45T10:00:00Z' }, ['updatedAt']],
    ['rev 0', { rev: 0 }, ['rev']],
    ['deleted as text', { deleted: 'no' }, ['deleted']],
    ['an extra field', { extra: 1 }, ['extra']],
    ['several at once', { kind: 'x', quote: '', rev: -1 }, ['kind', 'quote', 'rev']],
  ])('%s', (_name, overrides, paths) => {
    const result = validatePassage({ ...makePassage(), ...overrides });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([...new Set(result.errors.map((error) => error.path))].sort()).toEqual([...paths].sort());
    for (const error of result.errors) expect(error.message).toBeTruthy();
  });

  test('a missing field is named', () => {
    const { quote: _quote, ...rest } = makePassage();
    const result = validatePassage(rest);
    expect(result.ok || result.errors.map((e) => e.path)).toEqual(['quote']);
  });
});

describe('requests', () => {
  const batch = (ops: unknown[]) => ({ v: 1, token: 't', ops });

  test('a good batch passes', () => {
    const result = validateBatchRequest(batch([{ op: 'upsert', passage: makePassage() }, { op: 'delete', id: makePassage().id, rev: 2 }]));
    expect(result.ok).toBe(true);
  });

  test.each<[string, unknown, string[]]>([
    ['not an object', 'hello', ['']],
    ['null', null, ['']],
    ['wrong version', { ...batch([{ op: 'delete', id: makePassage().id, rev: 1 }]), v: 2 }, ['v']],
    ['no token', { v: 1, ops: [{ op: 'delete', id: makePassage().id, rev: 1 }] }, ['token']],
    ['ops not an array', { v: 1, token: 't', ops: {} }, ['ops']],
    ['no ops', batch([]), ['ops']],
    ['unknown op', batch([{ op: 'drop', id: 'x' }]), ['ops.0.op']],
    ['upsert of a bad passage', batch([{ op: 'upsert', passage: { ...makePassage(), quote: 'x'.repeat(50_000) } }]), ['ops.0.passage.quote']],
    ['delete without rev', batch([{ op: 'delete', id: makePassage().id }]), ['ops.0.rev']],
    ['second op wrong', batch([{ op: 'upsert', passage: makePassage() }, { op: 'upsert', passage: { ...makePassage(), kind: 'x' } }]), ['ops.1.passage.kind']],
  ])('%s', (_name, body, paths) => {
    const result = validateBatchRequest(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.tooLarge).toBe(false);
    expect([...new Set(result.errors.map((error) => error.path))].sort()).toEqual(paths);
  });

  test(`more than ${MAX_OPS} ops is too large`, () => {
    const ops = Array.from({ length: MAX_OPS + 1 }, () => ({ op: 'delete', id: makePassage().id, rev: 1 }));
    const result = validateBatchRequest(batch(ops));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.tooLarge).toBe(true);
  });

  test.each<[unknown, boolean]>([
    [{ action: 'ping', token: 't' }, true],
    [{ action: 'codebook', token: 't' }, true],
    [{ action: 'passages', token: 't', url: 'http://www.socialbarnungdom.se/x/' }, true],
    [{ action: 'passages', token: 't' }, false],
    [{ action: 'drop', token: 't' }, false],
    [{ token: 't' }, false],
  ])('GET %j valid: %s', (query, ok) => {
    expect(validateGetRequest(query).ok).toBe(ok);
  });
});
