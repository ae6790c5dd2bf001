// Scores a candidate place for a passage and decides whether it may be drawn: a wrong highlight is worse than none.
//
// Every candidate [start, end) — the stored position, an exact occurrence of the quote, a fuzzy match — gets four
// likenesses, each from 0 to 1:
//   quote      1 − errors / quote length          (errors: edits between the candidate's text and the quote; 0 if exact)
//   prefix     1 − edit distance / length         between the 32 characters before the candidate and the stored prefix
//   suffix     the same after the candidate, against the stored suffix
//   closeness  1 / (1 + distance / near)           distance from the expected start (see anchor-text.ts), near = 512 + quote length
// score = 0.45 quote + 0.2 prefix + 0.2 suffix + 0.15 closeness; among the candidates that pass, the highest score wins.
//
// Minimums — a candidate that fails them is never drawn, and a passage without a passing candidate is an orphan:
//   - the quote is at least 80% alike (so at most one edit in five characters);
//   - a side agrees when its likeness is at least 0.8;
//   - near the expected start (distance ≤ near) at least one side agrees: the passage was here and kept a neighbour;
//   - farther away both sides agree: a sentence that recurs elsewhere in the post has other neighbours, so it never
//     captures a passage whose own text was edited in place or deleted.
// A context shorter than 32 characters (a passage at the very start or end of the text) must match as short.
// A candidate is sure — good enough to tell the shift of the text around it — when its quote is exact and both sides agree.
import { editDistance } from './edit-distance';
import { CONTEXT_LENGTH, type TextSelector } from './selector';

export const MIN_QUOTE = 0.8;
export const MIN_SIDE = 0.8;
const NEAR_BASE = 512;
const WEIGHT = { quote: 0.45, prefix: 0.2, suffix: 0.2, closeness: 0.15 };

export interface Scored {
  start: number;
  end: number;
  quote: number;
  prefix: number;
  suffix: number;
  distance: number;
  near: boolean;
  score: number;
}

/** How far from the expected start a candidate still counts as where the passage was. */
export const nearRadius = (quoteLength: number) => NEAR_BASE + quoteLength;

/** The most errors a fuzzy match of this quote may have and still pass. */
export const maxErrors = (quoteLength: number) => Math.floor(quoteLength * (1 - MIN_QUOTE));

function likeness(found: string, stored: string): number {
  if (found === stored) return 1;
  return 1 - editDistance(found, stored) / Math.max(found.length, stored.length);
}

export function scoreCandidate(text: string, selector: TextSelector, start: number, end: number, errors: number, expected: number): Scored {
  const quote = 1 - errors / selector.quote.length;
  const prefix = likeness(text.slice(Math.max(0, start - CONTEXT_LENGTH), start), selector.prefix);
  const suffix = likeness(text.slice(end, end + CONTEXT_LENGTH), selector.suffix);
  const distance = Math.abs(start - expected);
  const radius = nearRadius(selector.quote.length);
  const closeness = 1 / (1 + distance / radius);
  const score = WEIGHT.quote * quote + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix + WEIGHT.closeness * closeness;
  return { start, end, quote, prefix, suffix, distance, near: distance <= radius, score };
}

const bothAgree = (c: Scored) => c.prefix >= MIN_SIDE && c.suffix >= MIN_SIDE;

/** Whether the candidate meets the minimums above. */
export function passes(c: Scored): boolean {
  if (c.quote < MIN_QUOTE) return false;
  return c.near ? c.prefix >= MIN_SIDE || c.suffix >= MIN_SIDE : bothAgree(c);
}

/** An exact quote with both neighbours in place. */
export const isSure = (c: Scored) => c.quote === 1 && bothAgree(c);

/** The passing candidate with the highest score, or null. */
export function best(candidates: readonly Scored[]): Scored | null {
  let top: Scored | null = null;
  for (const c of candidates) if (passes(c) && (!top || c.score > top.score)) top = c;
  return top;
}
