// DOM ranges ⇄ text offsets in the content root: one index of its text nodes, ranges by binary search (happy-dom).
import { expect, test } from 'vitest';
import { indexTextNodes, offsetsToRange, rangeOf, rangeToOffsets } from '../../extension/dom/text-offsets';
import { findContentRoot } from '../../shared/post-structure';
import { indexText } from '../../shared/text-index';
import { fixtureDocument, parseHtml } from '../helpers/fixtures';

test('a range over text in several elements maps to the offsets of its text and back', () => {
  const doc = fixtureDocument('blog/juvelen-i-kronan-skaraborgs-gemensamma-socialjour.html');
  const root = findContentRoot(doc) as unknown as Element;
  const { text } = indexText(root);
  const start = text.indexOf('Plan för handling');
  const end = text.indexOf('Ta fram en plan') + 7;
  const range = offsetsToRange(root, start, end);
  expect(range.toString()).toBe(text.slice(start, end));
  expect(rangeToOffsets(root, range)).toEqual([start, end]);
});

test('a range that ends on an element boundary, and one outside the root', () => {
  const doc = fixtureDocument('blog/nacka-kommun.html');
  const root = findContentRoot(doc) as unknown as Element;
  const { text } = indexText(root);
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

test('one index of the text nodes gives the range of any offsets, starting in the node that holds the first character', () => {
  const doc = parseHtml('<div id="root"><p>Plan <b>för</b> handling</p><p></p><ul><li>Ta fram</li><li>en plan</li></ul></div>');
  const root = doc.getElementById('root')!;
  const index = indexTextNodes(root);
  expect(index.text).toBe(root.textContent);
  expect(index.starts).toEqual([0, 5, 8, 17, 24]);
  for (let start = 0; start < index.text.length; start += 1) {
    for (let end = start + 1; end <= index.text.length; end += 1) {
      const range = rangeOf(index, start, end);
      expect(range.toString()).toBe(index.text.slice(start, end));
      expect((range.startContainer as Text).data.length).toBeGreaterThan(range.startOffset);
      expect(range.endOffset).toBeGreaterThan(0);
    }
  }
});

test('offsets outside the text have no range', () => {
  const doc = parseHtml('<div id="root"><p>Kort text.</p></div>');
  const index = indexTextNodes(doc.getElementById('root')!);
  expect(() => rangeOf(index, 5, 11)).toThrow(/outside the text/);
  expect(() => rangeOf(index, 4, 4)).toThrow(/outside the text/);
});
