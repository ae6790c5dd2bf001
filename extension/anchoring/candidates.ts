// Finds where a quote may be in a text: its exact occurrences, fuzzy matches in a window, fuzzy matches anywhere.
import search from 'approx-string-match';

export interface Match {
  start: number;
  end: number;
  errors: number;
}

/** A quote that occurs more often than this (a word, a heading) is told apart by the first ones and the position. */
const MAX_OCCURRENCES = 1000;
/** A piece of a quote that occurs more often than this says nothing about where the quote is. */
const MAX_PIECE_HITS = 64;
/** Regions searched when looking anywhere, the best seeded first. */
const MAX_REGIONS = 12;

function occurrences(text: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1 && found.length < limit; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

export function exactOccurrences(text: string, quote: string): Match[] {
  return occurrences(text, quote, MAX_OCCURRENCES).map((start) => ({ start, end: start + quote.length, errors: 0 }));
}

/**
 * Fuzzy matches of the quote with at most `errors` edits inside text[from, to). Only the matches with the fewest errors
 * in that stretch come back, so callers keep stretches small enough to hold one passage.
 */
export function fuzzyIn(text: string, quote: string, errors: number, from: number, to: number): Match[] {
  return search(text.slice(from, to), quote, errors).map((m) => ({ start: from + m.start, end: from + m.end, errors: m.errors }));
}

const pieceLength = (quoteLength: number) => Math.max(4, Math.min(16, Math.floor(quoteLength / 8)));

/**
 * Stretches of the text where whole pieces of the quote occur, the most pieces first. A match with e errors keeps all
 * but at most e of the quote's pieces intact, so a lightly edited quote leaves pieces to find it by.
 */
function seededStretches(text: string, quote: string, errors: number): Array<[number, number]> {
  const length = pieceLength(quote.length);
  const starts: number[] = [];
  for (let offset = 0; offset + length <= quote.length; offset += length) {
    const hits = occurrences(text, quote.slice(offset, offset + length), MAX_PIECE_HITS + 1);
    if (hits.length <= MAX_PIECE_HITS) for (const hit of hits) starts.push(hit - offset);
  }
  starts.sort((a, b) => a - b);
  const clusters: Array<{ first: number; last: number; votes: number }> = [];
  for (const start of starts) {
    const last = clusters[clusters.length - 1];
    if (last && start - last.last <= errors + length) {
      last.last = start;
      last.votes += 1;
    } else clusters.push({ first: start, last: start, votes: 1 });
  }
  return clusters
    .sort((a, b) => b.votes - a.votes)
    .slice(0, MAX_REGIONS)
    .map((c) => [Math.max(0, c.first - errors), Math.min(text.length, c.last + quote.length + errors)]);
}

/** Fuzzy matches anywhere in the text, each stretch searched apart so that a near-copy elsewhere hides nothing. */
export function fuzzyAnywhere(text: string, quote: string, errors: number): Match[] {
  return seededStretches(text, quote, errors).flatMap(([from, to]) => fuzzyIn(text, quote, errors, from, to));
}
