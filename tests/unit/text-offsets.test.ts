// DOM ranges ⇄ text offsets in the content root, agreeing with the shared text index (happy-dom).
import { expect, test } from 'vitest';
import { offsetsToRange, rangeToOffsets } from '../../extension/dom/text-offsets';
import { findContentRoot } from '../../shared/post-structure';
import { indexText } from '../../shared/text-index';
import { fixtureDocument } from '../helpers/fixtures';

test('a range over text in several elements maps to the offsets of its text and back', () => {
  const doc = fixtureDocument('blog/juvelen-i-kronan-skaraborgs-gemensamma-socialjour.html');
  const root = findContentRoot(doc) as unknown as Element;
  const { text } = indexText(root as never);
  const start = text.indexOf('Plan för handling');
  const end = text.indexOf('Ta fram en plan') + 7;
  const range = offsetsToRange(root, start, end);
  expect(range.toString()).toBe(text.slice(start, end));
  expect(rangeToOffsets(root, range)).toEqual([start, end]);
});

test('a range that ends on an element boundary, and one outside the root', () => {
  const doc = fixtureDocument('blog/nacka-kommun.html');
  const root = findContentRoot(doc) as unknown as Element;
  const { text } = indexText(root as never);
  const list = root.querySelector('ul')!;
  const range = doc.createRange();
  range.setStart(list, 0);
  range.setEnd(list, list.childNodes.length);
  const offsets = rangeToOffsets(root, range)!;
  expect(text.slice(offsets[0], offsets[1])).toBe(list.textContent);
  const outside = doc.createRange();
  outside.selectNodeContents(doc.querySelector('.widget-area') as unknown as Node);
  expect(rangeToOffsets(root, outside)).toBeNull();
});
