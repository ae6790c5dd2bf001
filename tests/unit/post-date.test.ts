// The published date read from the real fixture posts and from pages that give none.
import { expect, test } from 'vitest';
import { fixtureDocument, parseHtml } from '../helpers/fixtures';
import { findPublishedDate } from '../../shared/post-date';

test.each([
  ['blog/nacka-kommun.html', '2015-10-26'],
  ['blog/flen-ska-i-den-sociala-barn-och-ungdomsvarden-ha-alla-tjanster-tillsatta-inom-ett-ar.html', '2015-11-17'],
  ['blog-wayback/nacka-kommun.html', '2015-10-26'],
])('%s was published %s', (path, date) => {
  expect(findPublishedDate(fixtureDocument(path))).toBe(date);
});

test('a <time> in the article serves when there is no meta; a page without either gives none', () => {
  expect(findPublishedDate(parseHtml('<article><time datetime="2016-03-01T10:00:00+01:00">1 mars</time></article>'))).toBe('2016-03-01');
  expect(findPublishedDate(parseHtml('<article><p>Ingen tid.</p><time datetime="igår">igår</time></article>'))).toBeUndefined();
});
