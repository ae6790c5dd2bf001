// Re-anchors a post's passages in its current text: the sure places first, then every other passage near where its
// neighbours went, by the scoring in score.ts — or nowhere (an orphan).
//
// Pass 1, in the order of the stored starts: a passage whose quote is at its stored start moved by the shift of the
// last sure passage (or at its stored start), with both neighbours in place, is sure; so is one whose quote occurs
// exactly once with both neighbours in place. Each sure passage records the shift of the text around it.
// Pass 2, for the others: the expected start is the stored start moved by the shift of the nearest sure passage.
// Candidates are scored in growing circles, each only when the ones before found nothing near with both neighbours:
// the exact occurrences of the quote, fuzzy matches in a window of ±(512 + quote length) around the expected start,
// then fuzzy matches anywhere in the text.
import { exactOccurrences, fuzzyAnywhere, fuzzyIn, type Match } from './candidates';
import { best, isSure, maxErrors, nearRadius, MIN_SIDE, scoreCandidate, type Scored } from './score';
import type { TextSelector } from './selector';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0–1: the score of the place found (see score.ts). */
  score: number;
}

interface Landmark {
  stored: number;
  shift: number;
}

const anchored = (c: Scored, method: AnchorMethod): Anchored => ({ start: c.start, end: c.end, method, score: c.score });
const settled = (c: Scored | null) => c !== null && c.near && c.prefix >= MIN_SIDE && c.suffix >= MIN_SIDE;

function sureAt(text: string, selector: TextSelector, at: number): Scored | null {
  if (at < 0 || !text.startsWith(selector.quote, at)) return null;
  const c = scoreCandidate(text, selector, at, at + selector.quote.length, 0, at);
  return isSure(c) ? c : null;
}

/** The shift of the sure passage whose stored start is nearest (landmarks are in the order of their stored starts). */
function shiftNear(landmarks: readonly Landmark[], stored: number): number {
  let low = 0;
  let high = landmarks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (landmarks[middle].stored < stored) low = middle + 1;
    else high = middle;
  }
  const after = landmarks[low];
  const before = landmarks[low - 1];
  if (!before) return after?.shift ?? 0;
  if (!after) return before.shift;
  return stored - before.stored <= after.stored - stored ? before.shift : after.shift;
}

/** Pass 2 for one passage: the best passing candidate, looked for in growing circles around the expected start. */
function settle(text: string, selector: TextSelector, exact: readonly Match[], expected: number): Anchored | null {
  const { quote } = selector;
  const scored = (matches: readonly Match[]) => matches.map((m) => scoreCandidate(text, selector, m.start, m.end, m.errors, expected));
  const candidates = scored(exact);
  const errors = maxErrors(quote.length);
  if (!settled(best(candidates)) && errors > 0) {
    const radius = nearRadius(quote.length);
    candidates.push(...scored(fuzzyIn(text, quote, errors, Math.max(0, expected - radius), Math.min(text.length, expected + quote.length + radius))));
    if (!settled(best(candidates))) candidates.push(...scored(fuzzyAnywhere(text, quote, errors)));
  }
  const top = best(candidates);
  return top && anchored(top, top.quote === 1 ? 'exact' : 'fuzzy');
}

/** Where each selector's passage is in `text` now, or null for an orphan (never drawn). */
export function anchorSelectors(text: string, selectors: readonly TextSelector[]): Array<Anchored | null> {
  const found: Array<Anchored | null> = selectors.map(() => null);
  const order = selectors.map((_, i) => i).filter((i) => selectors[i].quote).sort((a, b) => selectors[a].start - selectors[b].start);
  const landmarks: Landmark[] = [];
  const pending: Array<{ index: number; exact: Match[] }> = [];
  let shift = 0;
  for (const index of order) {
    const selector = selectors[index];
    const near = sureAt(text, selector, selector.start + shift) ?? (shift ? sureAt(text, selector, selector.start) : null);
    const exact = near ? [] : exactOccurrences(text, selector.quote);
    const sure = near ?? onlySure(exact.map((m) => scoreCandidate(text, selector, m.start, m.end, 0, selector.start + shift)));
    if (!sure) {
      pending.push({ index, exact });
      continue;
    }
    found[index] = anchored(sure, sure.start === selector.start ? 'position' : 'exact');
    shift = sure.start - selector.start;
    landmarks.push({ stored: selector.start, shift });
  }
  for (const { index, exact } of pending) {
    const selector = selectors[index];
    found[index] = settle(text, selector, exact, selector.start + shiftNear(landmarks, selector.start));
  }
  return found;
}

function onlySure(candidates: readonly Scored[]): Scored | null {
  const sure = candidates.filter(isSure);
  return sure.length === 1 ? sure[0] : null;
}

/** One passage alone: anchorSelectors for a single selector. */
export const anchorSelector = (text: string, selector: TextSelector): Anchored | null => anchorSelectors(text, [selector])[0];
