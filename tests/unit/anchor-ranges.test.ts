// The content script's re-anchoring on a real post's DOM (happy-dom): a Range per passage found, null for an orphan.
import { expect, test } from 'vitest';
import { describeRange } from '../../extension/anchoring/selector';
import { anchorInRoot } from '../../extension/dom/anchor-ranges';
import { findContentRoot } from '../../shared/post-structure';
import { fixtureDocument } from '../helpers/fixtures';

const QUOTES = ['Socialsekreterarna har bärbara krypterade datorer.', 'Nackas vision och värdering', 'Plan för handling'];

function post() {
  const doc = fixtureDocument('blog/nacka-kommun.html');
  const root = findContentRoot(doc) as unknown as Element;
  const text = root.textContent;
  const selectors = QUOTES.map((quote) => describeRange(text, text.indexOf(quote), text.indexOf(quote) + quote.length));
  return { doc, root, selectors };
}

test('every passage of an unchanged post gets the range of its quote', () => {
  const { root, selectors } = post();
  expect(anchorInRoot(root, selectors).map((range) => range?.toString())).toEqual(QUOTES);
});

test('a paragraph added at the top moves every range; a passage whose text was removed from the DOM is an orphan', () => {
  const { doc, root, selectors } = post();
  const added = doc.createElement('p');
  added.textContent = 'Tillägg: inlägget har uppdaterats efter besöket.';
  root.insertBefore(added, root.firstChild);
  const holder = Array.from(root.querySelectorAll('p')).find((p) => p.textContent.includes(QUOTES[0]))!;
  holder.textContent = holder.textContent.replace(QUOTES[0], '');
  const ranges = anchorInRoot(root, selectors);
  expect(ranges[0]).toBeNull();
  expect(ranges.slice(1).map((range) => range?.toString())).toEqual(QUOTES.slice(1));
});
