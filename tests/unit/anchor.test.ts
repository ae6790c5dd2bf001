// Re-anchoring accuracy as a table of edits with the expected answer: where each passage is now, or an orphan — never a wrong place.
import { describe, expect, test } from 'vitest';
import { anchorSelector, anchorSelectors } from '../../extension/anchoring/anchor-text';
import { describeRange } from '../../extension/anchoring/selector';
import { readPost } from '../../shared/post-structure';
import { fixtureDocument } from '../helpers/fixtures';

const SENTENCES = [
  'Nacka kommun tog emot oss en grå morgon i mars och visade sitt nya kontor.',
  'Socialsekreterarna har bärbara krypterade datorer.',
  'De kan därför dokumentera direkt hos familjerna, utan att åka tillbaka.',
  'Plan för handling',
  'Kommunen vill korta utredningstiderna under året som kommer.',
  'Socialsekreterarna har bärbara krypterade datorer.',
  'Det sparar tid och minskar risken för fel i journalerna.',
  'Medskick till nationell nivå',
  'Ta fram en gemensam mall för journalföring i hela landet.',
  'Vi tackar för ett givande besök och ser fram emot nästa.',
];

/** A passage: a sentence, or a part of it. */
type Place = [sentence: number, part?: string];

const join = (sentences: readonly string[]) => sentences.join(' ');

function offsets(sentences: readonly string[], [index, part]: Place): [number, number] {
  const start = join(sentences.slice(0, index)).length + (index ? 1 : 0) + (part ? sentences[index].indexOf(part) : 0);
  return [start, start + (part ?? sentences[index]).length];
}

interface Case {
  name: string;
  passages: Place[];
  after: string[];
  /** Where each passage must be in `after`, or null: an orphan. */
  expected: Array<Place | null>;
  before?: string[];
}

const S = SENTENCES;
const CASES: Case[] = [
  { name: 'the page unchanged', passages: [[1], [4], [6], [8]], after: S, expected: [[1], [4], [6], [8]] },
  { name: 'a paragraph inserted before everything', passages: [[1], [4], [6], [8]], after: ['Ett nytt stycke överst.', ...S], expected: [[2], [5], [7], [9]] },
  {
    name: 'a quote lightly edited in place',
    passages: [[1], [4], [6], [8]],
    after: S.map((s, i) => (i === 4 ? 'Kommunen vill korta utredningstiden under året som kommer.' : s)),
    expected: [[1], [4], [6], [8]],
  },
  {
    name: 'a quote edited in place while its sentence recurs unedited nearby: the edited one, never the copy',
    passages: [[1], [4], [6], [8]],
    after: S.map((s, i) => (i === 1 ? 'Socialsekreterarna har bärbara, krypterade datorer.' : s)),
    expected: [[1], [4], [6], [8]],
  },
  {
    name: 'a passage deleted while its sentence recurs with other neighbours: an orphan',
    passages: [[1], [4], [6], [8]],
    after: S.filter((_, i) => i !== 1),
    expected: [null, [3], [5], [7]],
  },
  {
    name: 'a passage deleted while its sentence and both neighbours recur at the end of the post: an orphan',
    before: [...S, ...S.slice(0, 3)],
    passages: [[1], [4], [6], [8]],
    after: [...S, ...S.slice(0, 3)].filter((_, i) => i !== 1),
    expected: [null, [3], [5], [7]],
  },
  {
    name: 'a part of a sentence deleted while the same sentence recurs nearby: an orphan',
    passages: [[1, 'krypterade datorer'], [4], [6], [8]],
    after: S.map((s, i) => (i === 1 ? 'Socialsekreterarna har bärbara.' : s)),
    expected: [null, [4], [6], [8]],
  },
  {
    name: 'the same sentence marked twice, the text shifted: each passage keeps its own copy',
    passages: [[1], [5], [8]],
    after: ['Inledning som lagts till i efterhand.', ...S],
    expected: [[2], [6], [9]],
  },
  {
    name: 'the sentence before a passage deleted (its prefix gone): still found by its suffix and its neighbours',
    passages: [[1], [4], [6], [8]],
    after: S.filter((_, i) => i !== 5),
    expected: [[1], [4], [5], [7]],
  },
  {
    name: 'a quote rewritten beyond a light edit: an orphan',
    passages: [[1], [4], [6], [8]],
    after: S.map((s, i) => (i === 8 ? 'Skapa en nationell struktur för hur journaler förs.' : s)),
    expected: [[1], [4], [6], null],
  },
  {
    name: 'a passage whose stored place now holds another copy of its sentence, the original deleted: an orphan',
    passages: [[1, 'krypterade datorer'], [6], [8]],
    after: S.filter((_, i) => i < 1 || i > 4),
    expected: [null, [2], [4]],
  },
];

describe('re-anchoring after an edit of the post', () => {
  test.each(CASES)('$name', ({ before = S, passages, after, expected }) => {
    const selectors = passages.map((place) => describeRange(join(before), ...offsets(before, place)));
    const found = anchorSelectors(join(after), selectors).map((a) => a && [a.start, a.end]);
    expect(found).toEqual(expected.map((place) => place && offsets(after, place)));
  });
});

describe('one passage alone', () => {
  const text = readPost(fixtureDocument('blog/nacka-kommun.html'))!.text;
  const quote = 'Socialsekreterarna har bärbara krypterade datorer.';
  const at = text.indexOf(quote);
  const selector = describeRange(text, at, at + quote.length);

  test('describes the quote with 32 characters of context each side', () => {
    expect(selector).toEqual({ quote, prefix: text.slice(at - 32, at), suffix: text.slice(at + quote.length, at + quote.length + 32), start: at, end: at + quote.length });
  });

  test('found at its stored position', () => {
    expect(anchorSelector(text, selector)).toMatchObject({ start: at, end: at + quote.length, method: 'position' });
  });

  test('found where the text moved it, with nothing else on the page to tell the shift', () => {
    const added = 'Ny inledning som skrivits till i efterhand. ';
    expect(anchorSelector(added + text, selector)).toMatchObject({ start: at + added.length, end: at + added.length + quote.length, method: 'exact' });
  });

  test('found lightly edited in place', () => {
    const edited = text.replace('bärbara krypterade', 'bärbara, krypterade');
    expect(anchorSelector(edited, selector)).toMatchObject({ start: at, end: at + quote.length + 1, method: 'fuzzy' });
  });

  test('an orphan when its text is gone', () => {
    expect(anchorSelector(text.replace(quote, 'Den här meningen har skrivits om helt och hållet av redaktionen.'), selector)).toBeNull();
  });

  test('an empty quote anchors nowhere', () => {
    expect(anchorSelector(text, { ...selector, quote: '' })).toBeNull();
  });
});
