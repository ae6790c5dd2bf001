// Finds where a quote may be in a text: its exact occurrences, and fuzzy matches in a stretch of it.
import search from 'approx-string-match';

export interface Match {
  start: number;
  end: number;
  errors: number;
}

/** A quote that occurs more often than this (a word, a heading) is told apart by the first ones and the position. */
const MAX_OCCURRENCES = 1000;

/** Exact occurrences of the quote that start inside text[from, to) (the whole text by default). */
export function exactIn(text: string, quote: string, from = 0, to = text.length): Match[] {
  const found: Match[] = [];
  const stretch = from === 0 && to === text.length ? text : text.slice(from, to + quote.length - 1);
  for (let at = stretch.indexOf(quote); at !== -1 && found.length < MAX_OCCURRENCES; at = stretch.indexOf(quote, at + 1)) {
    found.push({ start: from + at, end: from + at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * Fuzzy matches of the quote with at most `errors` edits inside text[from, to). Only the matches with the fewest errors
 * in that stretch come back, so callers keep stretches small: one passage long, give or take a few dozen characters.
 */
export function fuzzyIn(text: string, quote: string, errors: number, from: number, to: number): Match[] {
  return search(text.slice(from, to), quote, errors).map((m) => ({ start: from + m.start, end: from + m.end, errors: m.errors }));
}
