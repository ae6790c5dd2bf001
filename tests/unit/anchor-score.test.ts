// The minimums of score.ts as a table: which candidates may be drawn, by quote, context and distance from where the passage should be.
import { expect, test } from 'vitest';
import { best, scoreCandidate, type Scored } from '../../extension/anchoring/score';
import { describeRange } from '../../extension/anchoring/selector';

const candidate = (quote: number, prefix: number, suffix: number, offLikely: number, offPossible = offLikely): Scored => ({
  start: 0, end: 50, quote, prefix, suffix, offLikely, offPossible, score: 0.4 * quote + 0.2 * prefix + 0.2 * suffix,
});

test.each([
  ['exact, both neighbours, at the likely start', candidate(1, 1, 1, 0), true],
  ['lightly edited, both neighbours, 40 characters off', candidate(0.9, 1, 1, 40), true],
  ['quote below 80% alike', candidate(0.79, 1, 1, 0), false],
  ['one neighbour, near the likely start (the other neighbour deleted)', candidate(1, 0.3, 1, 30), true],
  ['one neighbour, 60 characters off (a recurring sentence nearby)', candidate(1, 1, 0.3, 60), false],
  ['both neighbours, only near a start that assumes deleted passages', candidate(1, 1, 1, 400, 10), true],
  ['one neighbour, only near a start that assumes deleted passages', candidate(1, 1, 0.4, 400, 10), false],
  ['no neighbour agreeing, both 0.6 alike, right at the likely start', candidate(1, 0.65, 0.62, 5), true],
  ['no neighbour agreeing, both 0.6 alike, 20 characters off', candidate(1, 0.65, 0.62, 20), false],
  ['no neighbour at all, right at the likely start', candidate(1, 0.3, 0.3, 0), false],
  ['exact, both neighbours, far from every expected start (a copy elsewhere)', candidate(1, 1, 1, 5000), false],
])('%s → drawn: %s', (_, c, drawn) => {
  expect(best([c]) !== null).toBe(drawn);
});

test('of two copies with the same neighbours the one nearer where the passage should be wins, even when it is edited and the other exact', () => {
  const sentence = 'Före meningen står det här. Socialsekreterarna har bärbara krypterade datorer. Efter meningen kommer detta.';
  const text = `${sentence} ${sentence}`;
  const at = sentence.indexOf('Socialsekreterarna');
  const selector = describeRange(text, at, at + 50);
  const score = (start: number, errors: number, likely: number) =>
    scoreCandidate(text, selector, start, start + 50, errors, { likely: [likely], possible: [likely] });
  const first = at;
  const second = sentence.length + 1 + at;
  expect(best([score(first, 0, second - 30), score(second, 0, second - 30)])?.start).toBe(second);
  expect(best([score(second, 0, first + 30), score(first, 0, first + 30)])?.start).toBe(first);
  expect(best([score(first, 4, first), score(second, 0, first)])?.start).toBe(first);
});
