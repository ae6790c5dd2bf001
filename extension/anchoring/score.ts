// Scores a candidate place for a passage and decides whether it may be drawn: a wrong highlight is worse than none.
//
// Every candidate [start, end) — an exact occurrence of the quote or a fuzzy match — gets four likenesses, 0 to 1:
//   quote      1 − errors / quote length        (errors: edits between the candidate's text and the quote; 0 if exact)
//   prefix     1 − edit distance / length       between the 32 characters before the candidate and the stored prefix
//   suffix     the same after the candidate, against the stored suffix
//   closeness  1 / (1 + distance / 64)          distance from the nearest likely start: the stored start moved as the
//                                               sure passages before and after it moved (anchor-text.ts)
// score = 0.4 quote + 0.2 prefix + 0.2 suffix + 0.2 closeness; among the candidates that pass, the highest score wins.
//
// Minimums — a candidate that fails them is never drawn, and a passage without a passing candidate is an orphan:
//   - the quote is at least 80% alike (at most one edit in five characters);
//   - a side agrees when its likeness is at least 0.9 (3 edits in 32 characters); then either
//     a. one side agrees and it starts within 48 characters of a likely start, or
//     b. both sides agree and it starts within 48 characters of a possible start: a likely start moved further by the
//        lengths of unsure passages between it and the found neighbour, as if they were deleted (a weaker guess, so it
//        takes both neighbours), or
//     c. it starts within 16 characters of a likely start and both sides are at least 0.6 alike (both neighbours
//        lightly edited, as when passages are close together).
// Nothing farther away is drawn. The posts repeat sentences, and with them a quote's 32 characters of context on both
// sides: far from where the neighbours say it should be, neither quote nor context can tell a passage from a copy of
// its sentence (a deleted passage would land on the copy). Only passages that moved together with a sure neighbour are
// followed there (anchor-text.ts, pass 1). A context shorter than 32 characters (at the start or end of the text) must
// match as short.
import { editDistance } from './edit-distance';
import { CONTEXT_LENGTH, type TextSelector } from './selector';

const MIN_QUOTE = 0.8;
const MIN_SIDE = 0.9;
/** Both sides at least this alike do for a candidate right at a likely start. */
const MIN_SIDES_IN_PLACE = 0.6;
/** How close to a likely start "right at" is. */
const IN_PLACE = 16;
/** How close to an expected start a candidate must be. */
export const CLOSE = 48;
const CLOSENESS_SCALE = 64;
const WEIGHT = { quote: 0.4, prefix: 0.2, suffix: 0.2, closeness: 0.2 };

/** Where a passage should start now (see anchor-text.ts). */
export interface Expected {
  likely: readonly number[];
  /** The likely starts and the ones that deleting passages between would make. */
  possible: readonly number[];
}

export interface Scored {
  start: number;
  end: number;
  quote: number;
  prefix: number;
  suffix: number;
  /** From the nearest likely start. */
  offLikely: number;
  /** From the nearest possible start. */
  offPossible: number;
  score: number;
}

/** The most errors a fuzzy match of this quote may have and still pass. */
export const maxErrors = (quoteLength: number) => Math.floor(quoteLength * (1 - MIN_QUOTE));

/** 1 − edit distance / the longer length: how alike a context found in the text is to the stored one. */
export function likeness(found: string, stored: string): number {
  if (found === stored) return 1;
  return 1 - editDistance(found, stored) / Math.max(found.length, stored.length);
}

const distanceFrom = (start: number, starts: readonly number[]) => Math.min(...starts.map((at) => Math.abs(start - at)));

/** Scores [start, end) with `errors` edits against the selector. */
export function scoreCandidate(text: string, selector: TextSelector, start: number, end: number, errors: number, expected: Expected): Scored {
  const quote = 1 - errors / selector.quote.length;
  const prefix = likeness(text.slice(Math.max(0, start - CONTEXT_LENGTH), start), selector.prefix);
  const suffix = likeness(text.slice(end, end + CONTEXT_LENGTH), selector.suffix);
  const offLikely = distanceFrom(start, expected.likely);
  const offPossible = distanceFrom(start, expected.possible);
  const closeness = 1 / (1 + offLikely / CLOSENESS_SCALE);
  const score = WEIGHT.quote * quote + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix + WEIGHT.closeness * closeness;
  return { start, end, quote, prefix, suffix, offLikely, offPossible, score };
}

export const bothAgree = (c: Scored) => c.prefix >= MIN_SIDE && c.suffix >= MIN_SIDE;

/** Whether the candidate meets the minimums above. */
function passes(c: Scored): boolean {
  if (c.quote < MIN_QUOTE) return false;
  if (bothAgree(c)) return c.offPossible <= CLOSE;
  if (c.prefix >= MIN_SIDE || c.suffix >= MIN_SIDE) return c.offLikely <= CLOSE;
  return c.prefix >= MIN_SIDES_IN_PLACE && c.suffix >= MIN_SIDES_IN_PLACE && c.offLikely <= IN_PLACE;
}

/** An exact quote with both neighbours in place: one that may tell the shift of the text around it. */
export const isSure = (c: Scored) => c.quote === 1 && bothAgree(c);

/** The passing candidate with the highest score, or null. */
export function best(candidates: readonly Scored[]): Scored | null {
  let top: Scored | null = null;
  for (const c of candidates) if (passes(c) && (!top || c.score > top.score)) top = c;
  return top;
}
