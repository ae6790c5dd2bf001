// Re-anchors a post's passages in its current text: the sure places first, then every other passage near where the
// sure passages around it went, by the scoring in score.ts — or nowhere (an orphan).
//
// Pass 1, in the order of the stored starts, with `shift` the shift of the last sure passage (at first 0):
//   1. the exact quote with both neighbours in place within 16 characters of stored start + shift: sure;
//   2. the same at the shift of the previous passage's guess (below): both are sure — two passages moved together;
//   3. a fuzzy match there with both neighbours in place: found (edited in place), and it tells no shift;
//   4. the exact quote with both neighbours in place where it would be if the previous unsure passage was deleted: a guess;
//   5. else every exact occurrence of the quote in the whole text with both neighbours in place: guesses.
//   A guess is never drawn unless the next passage confirms it (2). A deleted passage's sentence recurring elsewhere,
//   even with the same neighbours, has no such next passage. Only on a page where nothing is sure is a passage's one
//   guess taken.
// Pass 2, for the rest: searchNear (search-near.ts) at the starts expected from the passages found so far
// (expected-starts.ts), in rounds while a round finds more; what is left is an orphan.
import { exactIn } from './candidates';
import { expectedStarts } from './expected-starts';
import { isSure, scoreCandidate, type Scored } from './score';
import { searchNear } from './search-near';
import type { TextSelector } from './selector';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0–1: the score of the place found (see score.ts). */
  score: number;
}

/** How far two passages' shifts, or a passage and its expected start, may differ and still agree. */
const SHIFT_TOLERANCE = 16;

const anchored = (c: Scored, method: AnchorMethod): Anchored => ({ start: c.start, end: c.end, method, score: c.score });
const expectedAt = (at: number) => ({ likely: [at], possible: [at] });
const methodOf = (c: Scored): AnchorMethod => (c.quote === 1 ? 'exact' : 'fuzzy');

/** The exact quote, with both neighbours in place, within the tolerance of `at`. */
function sureNear(text: string, selector: TextSelector, at: number): Scored | null {
  for (const m of exactIn(text, selector.quote, Math.max(0, at - SHIFT_TOLERANCE), at + SHIFT_TOLERANCE + 1)) {
    const c = scoreCandidate(text, selector, m.start, m.end, 0, expectedAt(at));
    if (isSure(c)) return c;
  }
  return null;
}

/** A fuzzy match near `at` with both neighbours in place: the passage edited where it was. */
function editedNear(text: string, selector: TextSelector, at: number): Scored | null {
  const found = searchNear(text, selector, expectedAt(at));
  return found && found.prefix >= 0.9 && found.suffix >= 0.9 ? found : null;
}

/** Where each selector's passage is in `text` now, or null for an orphan (never drawn). */
export function anchorSelectors(text: string, selectors: readonly TextSelector[]): Array<Anchored | null> {
  const found: Array<Anchored | null> = selectors.map(() => null);
  const order = selectors.map((_, i) => i).filter((i) => selectors[i].quote).sort((a, b) => selectors[a].start - selectors[b].start);
  /** The shift of each sure passage. */
  const sure = new Map<number, number>();
  /** The shift of each passage found in pass 1: sure ones and ones edited in place. */
  const placed = new Map<number, number>();
  const guesses = new Map<number, Scored[]>();
  const shiftOf = (index: number, c: Scored) => c.start - selectors[index].start;
  const confirm = (index: number, c: Scored) => {
    found[index] = anchored(c, c.start === selectors[index].start ? 'position' : 'exact');
    sure.set(index, shiftOf(index, c));
    placed.set(index, shiftOf(index, c));
  };
  let shift = 0;
  let previous: number | null = null;
  let unsure: number | null = null;
  for (const index of order) {
    const selector = selectors[index];
    const here = sureNear(text, selector, selector.start + shift);
    const theirs = previous === null ? [] : guesses.get(previous)!;
    const pair = here ? null : theirs.map((t) => [t, sureNear(text, selector, selector.start + shiftOf(previous!, t))] as const).find(([, c]) => c);
    if (here || pair) {
      if (pair) confirm(previous!, pair[0]);
      confirm(index, here ?? pair![1]!);
      shift = sure.get(index)!;
      previous = null;
      continue;
    }
    const edited = editedNear(text, selector, selector.start + shift);
    if (edited) {
      found[index] = anchored(edited, methodOf(edited));
      placed.set(index, shiftOf(index, edited));
      continue;
    }
    const afterDeletion = unsure === null ? null : sureNear(text, selector, selector.start + shift - (selectors[unsure].end - selectors[unsure].start));
    const mine = afterDeletion ? [afterDeletion] : exactIn(text, selector.quote).map((m) => scoreCandidate(text, selector, m.start, m.end, 0, expectedAt(selector.start + shift))).filter(isSure);
    if (mine.length) {
      guesses.set(index, mine);
      previous = index;
    }
    unsure = index;
  }
  // Each round of pass 2 may place passages that tell the next round where their neighbours went.
  const searched = new Map<number, string>();
  for (let placedBefore = -1; placed.size > placedBefore; ) {
    placedBefore = placed.size;
    order.forEach((index, at) => {
      if (found[index]) return;
      const expected = expectedStarts(selectors, order, placed, at);
      const key = `${expected.likely.join()}/${expected.possible.join()}`;
      if (searched.get(index) === key) return;
      searched.set(index, key);
      const lone = sure.size === 0 && guesses.get(index)?.length === 1 ? guesses.get(index)![0] : null;
      const chosen = lone ?? searchNear(text, selectors[index], expected);
      if (!chosen) return;
      found[index] = anchored(chosen, methodOf(chosen));
      placed.set(index, shiftOf(index, chosen));
    });
  }
  return found;
}

/** One passage alone: anchorSelectors for a single selector. */
export const anchorSelector = (text: string, selector: TextSelector): Anchored | null => anchorSelectors(text, [selector])[0];
