// The shared rules for text a passage may hold: each character class, line feeds, invisible quotes, real times, canonical ids.
import { describe, expect, test } from 'vitest';
import { validatePassage } from '../../shared/passage';
import { validateBatchRequest, validateGetRequest } from '../../shared/protocol';
import { hasVisibleCharacter, isRealTime, keepableText, unkeptCharacter } from '../../shared/text-rules';
import { MAX_FIELD_ERRORS } from '../../shared/validation';
import { makePassage } from '../helpers/passages';

describe('characters', () => {
  test.each<[string, string, number]>([
    ['NUL', 'a\u0000b', 0x0],
    ['BEL', 'a\u0007', 0x7],
    ['vertical tab', '\u000b', 0xb],
    ['form feed', 'x\u000cy', 0xc],
    ['carriage return', 'a\rb', 0xd],
    ['CRLF', 'a\r\nb', 0xd],
    ['escape', '\u001b[31m', 0x1b],
    ['DEL', 'a\u007f', 0x7f],
    ['C1 NEL', 'a\u0085', 0x85],
    ['C1 CSI', '\u009b', 0x9b],
    ['U+FFFE', 'a\ufffe', 0xfffe],
    ['U+FFFF', '\uffff', 0xffff],
    ['U+FDD0', '\ufdd0', 0xfdd0],
    ['U+FDEF', '\ufdef', 0xfdef],
    ['U+1FFFE', 'a\u{1fffe}', 0x1fffe],
    ['U+10FFFF', '\u{10ffff}', 0x10ffff],
    ['lone high surrogate', 'a\ud83d', 0xd83d],
    ['lone high surrogate before text', '\ud83dx', 0xd83d],
    ['lone low surrogate', '\ude00a', 0xde00],
  ])('%s is refused, with where it is', (_name, text, codePoint) => {
    const found = unkeptCharacter(text);
    expect(found?.codePoint).toBe(codePoint);
    expect(found?.message).toMatch(/U\+[0-9A-F]{4,6} at character \d+/);
  });

  test.each([
    ['tab and line feed', 'a\tb\nc'],
    ['emoji (a surrogate pair)', 'bra 😀 👍🏽'],
    ['zero-width joiner inside text', 'a\u200db'],
    ['right-to-left mark', 'שלום\u200f'],
    ['U+FFFD itself', '\ufffd'],
    ['U+FFFC', '\ufffc'],
    ['U+EFFFD (private use, not a noncharacter)', '\u{efffd}'],
    ['the literal text _x0041_', '_x0041_'],
    ['ordinary Swedish', 'Åtgärder för ensamkommande – “citat”'],
  ])('%s is kept', (_name, text) => {
    expect(unkeptCharacter(text)).toBeNull();
  });

  test.each(['quote', 'note', 'prefix', 'suffix', 'pageTitle', 'author'])('a passage whose %s holds U+FFFF is refused at that field', (field) => {
    const result = validatePassage(makePassage({ [field]: `x\uffff` }));
    expect(result.ok || result.errors.map((e) => e.path)).toEqual([field]);
  });

  test.each([
    ['line breaks become line feeds', 'a\r\nb\rc\nd', 'a\nb\nc\nd'],
    ['controls and noncharacters are dropped', 'a\u0000b\u0085c\ufffed\u{1ffff}e\u007f', 'abcde'],
    ['a lone surrogate shows as U+FFFD', 'a\ud83db\ude00', 'a\ufffdb\ufffd'],
    ['everything else is left as it is', 'tab\t😀 _x0041_ \u200b', 'tab\t😀 _x0041_ \u200b'],
  ])('keepable text: %s', (_name, text, kept) => {
    expect(keepableText(text)).toBe(kept);
    expect(unkeptCharacter(keepableText(text))).toBeNull();
  });
});

describe('invisible quotes', () => {
  test.each(['\u200b', ' \u200b\u200c\u200d ', '\ufeff', '\u00ad', '\u2060\u180e', '\u3164', '\ufe0f', '\u2800', '\u00a0\u2003'])('%j has nothing visible', (quote) => {
    expect(hasVisibleCharacter(quote)).toBe(false);
    expect(validatePassage(makePassage({ quote })).ok).toBe(false);
  });

  test.each(['a', '\u200bx', '😀', '.'])('%j has something visible', (quote) => {
    expect(hasVisibleCharacter(quote)).toBe(true);
  });
});

describe('times', () => {
  test.each([
    '2026-01-31T12:00:00Z', '2024-02-29T00:00:00.000Z', '2026-11-24T23:59:59+01:00', '2000-02-29T10:00:00-05:30',
  ])('%s is a real time', (time) => {
    expect(isRealTime(time)).toBe(true);
  });

  test.each([
    '2026-02-30T10:00:00Z', '2025-02-29T10:00:00Z', '1900-02-29T10:00:00Z', '2026-04-31T10:00:00Z', '2026-13-01T10:00:00Z',
    '2026-00-10T10:00:00Z', '2026-01-00T10:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2026-01-01T23:59:60Z',
    '2026-01-01T10:00:00+24:00', '2026-01-01T10:00:00', '2026-01-01', ' 2026-01-01T10:00:00Z',
  ])('%s is refused', (time) => {
    expect(isRealTime(time)).toBe(false);
    expect(validatePassage(makePassage({ createdAt: time })).ok).toBe(false);
  });
});

describe('addresses and ids', () => {
  test.each([' http://www.socialbarnungdom.se/x/', 'http://www.socialbarnungdom.se/x/ ', '\thttp://www.socialbarnungdom.se/x/'])('url %j with space around it is refused', (url) => {
    expect(validatePassage(makePassage({ url })).ok).toBe(false);
    expect(validateGetRequest({ action: 'passages', token: 't', url }).ok).toBe(false);
  });

  test('an id in upper case is refused in upserts and deletes', () => {
    const id = makePassage().id.toUpperCase();
    expect(validatePassage(makePassage({ id })).ok).toBe(false);
    const result = validateBatchRequest({ v: 1, token: 't', ops: [{ op: 'delete', id, rev: 2 }] });
    expect(result.ok || result.errors.map((e) => e.path)).toEqual(['ops.0.id']);
  });
});

test(`at most ${MAX_FIELD_ERRORS} field errors are reported`, () => {
  const ops = Array.from({ length: 500 }, () => ({ op: 'upsert', passage: makePassage({ kind: 'x' as never }) }));
  const result = validateBatchRequest({ v: 1, token: 't', ops });
  expect(result.ok || result.errors.length).toBe(MAX_FIELD_ERRORS);
});

test('a list of themes far too long is refused by its length alone', () => {
  const themes = Array.from({ length: 200_000 }, (_, i) => `BAD${i}`);
  const result = validatePassage(makePassage({ themes }));
  expect(result.ok || result.errors).toEqual([{ path: 'themes', message: 'at most 20 themes' }]);
});
