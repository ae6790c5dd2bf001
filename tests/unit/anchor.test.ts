// Re-anchoring: position first, then the exact quote by context, then a fuzzy match above a minimum score — else an orphan.
import { describe, expect, test } from 'vitest';
import { anchorSelector } from '../../extension/anchoring/anchor-text';
import { describeRange } from '../../extension/anchoring/selector';
import { fixtureDocument } from '../helpers/fixtures';
import { readPost } from '../../shared/post-structure';

const text = readPost(fixtureDocument('blog/nacka-kommun.html'))!.text;
const quote = 'Socialsekreterarna har bärbara krypterade datorer.';
const at = text.indexOf(quote);
const selector = describeRange(text, at, at + quote.length);

describe('anchoring', () => {
  test('describes the quote with 32 characters of context each side', () => {
    expect(selector.quote).toBe(quote);
    expect(selector.prefix).toHaveLength(32);
    expect(text.slice(at - 32, at)).toBe(selector.prefix);
    expect(selector.suffix).toBe(text.slice(at + quote.length, at + quote.length + 32));
  });

  test('the stored position when its text still equals the quote', () => {
    expect(anchorSelector(text, selector)).toMatchObject({ start: at, end: at + quote.length, method: 'position' });
  });

  test('the exact quote elsewhere when the text before it changed (the web-archive copy, an edited post)', () => {
    const shifted = `Ny inledning. ${text}`;
    expect(anchorSelector(shifted, selector)).toMatchObject({ start: at + 14, end: at + 14 + quote.length, method: 'exact' });
  });

  test('a quote that occurs twice is told apart by its context', () => {
    const word = 'Nacka';
    const second = text.indexOf(word, text.indexOf(word) + 1);
    const twice = describeRange(text, second, second + word.length);
    const moved = `X${text}`;
    expect(anchorSelector(moved, twice)).toMatchObject({ start: second + 1, method: 'exact' });
  });

  test('a fuzzy match when the quote was lightly edited', () => {
    const edited = text.replace('bärbara krypterade', 'bärbara, krypterade');
    const found = anchorSelector(edited, { ...selector, start: 0, end: 1 });
    expect(found?.method).toBe('fuzzy');
    expect(edited.slice(found!.start, found!.end)).toContain('krypterade datorer');
  });

  test('an orphan, never a wrong place, when the passage is gone', () => {
    const gone = text.replace(quote, 'Den här meningen har skrivits om helt och hållet av redaktionen.');
    expect(anchorSelector(gone, selector)).toBeNull();
  });

  test('an empty quote anchors nowhere', () => {
    expect(anchorSelector(text, { ...selector, quote: '' })).toBeNull();
  });
});
