// Pure pieces of the add-on's write path: hand-kept cells written back as typed, read-back of written cells,
// fingerprints and the stored derived state.
import { describe, expect, test } from 'vitest';
import { keptCell, readBack } from '../../apps-script/cell-text';
import { parseDerivedState, sourceFingerprint } from '../../apps-script/derived-state';
import { fingerprint } from '../../apps-script/fingerprint';
import { DEFAULT_CODEBOOK } from '../../shared/codebook';
import { makePassage } from '../helpers/passages';

describe('keptCell', () => {
  const date = new Date(Date.UTC(2016, 4, 1));
  test.each<[string, unknown, string, unknown]>([
    ['text that looks like a formula stays text', '=IMPORTXML("x","//a")', '', '\'=IMPORTXML("x","//a")'],
    ['text that looks like a number stays text', '007', '', "'007"],
    ['text that looks like a date stays text', '2016-05-01', '', "'2016-05-01"],
    ['text that looks like a boolean stays text', 'TRUE', '', "'TRUE"],
    ['a number stays a number', 7, '', 7],
    ['a boolean stays a boolean', false, '', false],
    ['a date stays a date', date, '', date],
    ['a formula stays a formula', 2, '=1+1', '=1+1'],
    ['empty stays empty', '', '', ''],
    ['nothing becomes empty', undefined, '', ''],
  ])('%s', (_name, value, formula, written) => {
    expect(keptCell(value, formula)).toEqual(written);
  });
});

test('readBack gives what getValues returns for quote-prefixed text and plain values', () => {
  expect(readBack("'=1+1")).toBe('=1+1');
  expect(readBack('Tema')).toBe('Tema');
  expect(readBack(3)).toBe(3);
});

describe('fingerprints', () => {
  test('equal values, equal fingerprints; any change, another one', () => {
    const passages = [makePassage(), makePassage()];
    const same = sourceFingerprint(passages, DEFAULT_CODEBOOK, 'sv_SE');
    expect(sourceFingerprint(passages.map((p) => ({ ...p })), DEFAULT_CODEBOOK, 'sv_SE')).toBe(same);
    expect(sourceFingerprint([passages[0], { ...passages[1], note: 'x' }], DEFAULT_CODEBOOK, 'sv_SE')).not.toBe(same);
    expect(sourceFingerprint(passages, DEFAULT_CODEBOOK, 'en_GB')).not.toBe(same);
    expect(fingerprint(['a', 'b'])).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(['a', 'b'])).not.toBe(fingerprint(['ab']));
  });

  test('the passages fingerprint does not depend on the order of their fields', () => {
    const p = makePassage();
    const reordered = Object.fromEntries(Object.entries(p).reverse()) as typeof p;
    expect(sourceFingerprint([reordered], DEFAULT_CODEBOOK, 'sv_SE')).toBe(sourceFingerprint([p], DEFAULT_CODEBOOK, 'sv_SE'));
  });
});

test.each([null, '', 'not json', '{"tabs":{}}', '{"source":"x"}', '[]'])('a stored state %j that cannot be used is none', (text) => {
  expect(parseDerivedState(text)).toBeNull();
});
