// Finds a stored passage again in a post's text: its position, else the exact quote by context, else a fuzzy match — or nothing.
import search from 'approx-string-match';

export interface TextSelector {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0–1: how sure the match is. */
  score: number;
}

export const CONTEXT_LENGTH = 32;
/** Below this quote similarity a fuzzy match is not trusted: the passage is an orphan. */
export const MIN_QUOTE_SIMILARITY = 0.8;
export const MIN_FUZZY_SCORE = 0.75;
const MAX_EXACT_CANDIDATES = 1000;

/** The selector of text[start, end): the quote, about 32 characters of context each side, and the position. */
export function describeRange(text: string, start: number, end: number): TextSelector {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/** Levenshtein distance of two short strings. */
function distance(a: string, b: string): number {
  if (!a.length) return b.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** 0–1 likeness of the text around [start, end) to the stored prefix and suffix. */
function contextScore(text: string, start: number, end: number, selector: TextSelector): number {
  const like = (found: string, stored: string) => (stored.length ? 1 - distance(found, stored) / stored.length : 1);
  const prefix = like(text.slice(Math.max(0, start - selector.prefix.length), start), selector.prefix);
  const suffix = like(text.slice(end, end + selector.suffix.length), selector.suffix);
  return Math.max(0, (prefix + suffix) / 2);
}

function positionScore(text: string, start: number, selector: TextSelector): number {
  return 1 - Math.min(1, Math.abs(start - selector.start) / Math.max(text.length, 1));
}

function exactMatch(text: string, selector: TextSelector): Anchored | null {
  let best: Anchored | null = null;
  let found = text.indexOf(selector.quote);
  for (let n = 0; found !== -1 && n < MAX_EXACT_CANDIDATES; n += 1) {
    const end = found + selector.quote.length;
    const score = 0.75 * contextScore(text, found, end, selector) + 0.25 * positionScore(text, found, selector);
    if (!best || score > best.score) best = { start: found, end, method: 'exact', score };
    found = text.indexOf(selector.quote, found + 1);
  }
  return best;
}

function fuzzyMatch(text: string, selector: TextSelector): Anchored | null {
  const maxErrors = Math.floor(selector.quote.length * (1 - MIN_QUOTE_SIMILARITY));
  let best: Anchored | null = null;
  for (const match of search(text, selector.quote, maxErrors)) {
    const quote = 1 - match.errors / selector.quote.length;
    const score = 0.6 * quote + 0.3 * contextScore(text, match.start, match.end, selector) + 0.1 * positionScore(text, match.start, selector);
    if (quote >= MIN_QUOTE_SIMILARITY && (!best || score > best.score)) best = { start: match.start, end: match.end, method: 'fuzzy', score };
  }
  return best && best.score >= MIN_FUZZY_SCORE ? best : null;
}

/** Where the selector's passage is in `text` now, or null when it cannot be found with confidence (an orphan). */
export function anchorSelector(text: string, selector: TextSelector): Anchored | null {
  if (!selector.quote) return null;
  if (text.slice(selector.start, selector.end) === selector.quote) {
    return { start: selector.start, end: selector.end, method: 'position', score: 1 };
  }
  return exactMatch(text, selector) ?? fuzzyMatch(text, selector);
}
