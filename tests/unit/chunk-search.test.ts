// Searching a body in the chunks it arrived in: a needle inside one chunk, across a boundary, across several, or absent.
import { describe, expect, test } from 'vitest';
import { chunksInclude } from '../../apps-script/local-runtime/chunk-search';

const chunked = (...parts: string[]) => parts.map((part) => Buffer.from(part));

describe('chunksInclude', () => {
  test.each([
    ['inside one chunk', chunked('ab"token"cd', 'ef'), true],
    ['across one boundary', chunked('ab"to', 'ken"cd'), true],
    ['across chunks shorter than the needle', chunked('a"t', 'o', 'k', 'en', '"b'), true],
    ['at the very end', chunked('xx', '"token"'), true],
    ['absent', chunked('ab"tok', 'n"cd'), false],
    ['split, with a byte between', chunked('"tok', 'x', 'en"'), false],
    ['in no chunks at all', [], false],
  ])('%s', (_name, chunks, found) => {
    expect(chunksInclude(chunks, '"token"')).toBe(found);
  });

  test('a single byte, and a needle of multi-byte characters split inside a character', () => {
    expect(chunksInclude(chunked('ab', 'c\\d'), 0x5c)).toBe(true);
    expect(chunksInclude(chunked('abc'), 0x5c)).toBe(false);
    const bytes = Buffer.from('x"tökén"y');
    expect(chunksInclude([bytes.subarray(0, 4), bytes.subarray(4)], '"tökén"')).toBe(true);
  });
});
