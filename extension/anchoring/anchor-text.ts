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
import { bothAgree, isSure, scoreCandidate, type Scored } from './score';
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
  return found && bothAgree(found) ? found : null;
}

/** What the passes know: each passage's place, and the shifts and guesses that tell where the others went. */
class Anchoring {
  readonly found: Array<Anchored | null>;
  /** Passage indices in the order of their stored starts. */
  readonly order: number[];
  /** The shift of each sure passage. */
  readonly sure = new Map<number, number>();
  /** The shift of every passage found so far. */
  readonly placed = new Map<number, number>();
  readonly guesses = new Map<number, Scored[]>();
  /** The shift of the last sure passage. */
  shift = 0;
  /** The last passage with guesses, since the last sure one. */
  previous: number | null = null;
  /** The last passage not found in pass 1, since the last sure one. */
  unsure: number | null = null;

  constructor(
    readonly text: string,
    readonly selectors: readonly TextSelector[],
  ) {
    this.found = selectors.map(() => null);
    this.order = selectors.map((_, i) => i).filter((i) => selectors[i].quote).sort((a, b) => selectors[a].start - selectors[b].start);
  }

  shiftOf(index: number, c: Scored): number {
    return c.start - this.selectors[index].start;
  }

  place(index: number, c: Scored, method: AnchorMethod): void {
    this.found[index] = anchored(c, method);
    this.placed.set(index, this.shiftOf(index, c));
  }

  confirm(index: number, c: Scored): void {
    this.place(index, c, c.start === this.selectors[index].start ? 'position' : 'exact');
    this.sure.set(index, this.shiftOf(index, c));
    this.shift = this.shiftOf(index, c);
    this.previous = null;
    this.unsure = null;
  }

  /** Pass 1 for one passage (steps 1–5 above). */
  firstPass(index: number): void {
    const { text } = this;
    const selector = this.selectors[index];
    const here = sureNear(text, selector, selector.start + this.shift);
    if (here) return this.confirm(index, here);
    const previous = this.previous;
    for (const theirs of previous === null ? [] : this.guesses.get(previous)!) {
      const mine = sureNear(text, selector, selector.start + this.shiftOf(previous!, theirs));
      if (mine) {
        this.confirm(previous!, theirs);
        return this.confirm(index, mine);
      }
    }
    const edited = editedNear(text, selector, selector.start + this.shift);
    if (edited) return this.place(index, edited, methodOf(edited));
    const deleted = this.unsure === null ? 0 : this.selectors[this.unsure].end - this.selectors[this.unsure].start;
    const afterDeletion = deleted ? sureNear(text, selector, selector.start + this.shift - deleted) : null;
    const guesses = afterDeletion
      ? [afterDeletion]
      : exactIn(text, selector.quote).map((m) => scoreCandidate(text, selector, m.start, m.end, 0, expectedAt(selector.start + this.shift))).filter(isSure);
    if (guesses.length) {
      this.guesses.set(index, guesses);
      this.previous = index;
    }
    this.unsure = index;
  }

  /** Pass 2, in rounds while a round finds more; a passage is searched again only when its expected starts changed. */
  secondPass(): void {
    const searched = new Map<number, string>();
    for (let placedBefore = -1; this.placed.size > placedBefore; ) {
      placedBefore = this.placed.size;
      this.order.forEach((index, at) => {
        if (this.found[index]) return;
        const expected = expectedStarts(this.selectors, this.order, this.placed, at);
        const key = `${expected.likely.join()}/${expected.possible.join()}`;
        if (searched.get(index) === key) return;
        searched.set(index, key);
        const chosen = this.loneGuess(index) ?? searchNear(this.text, this.selectors[index], expected);
        if (chosen) this.place(index, chosen, methodOf(chosen));
      });
    }
  }

  /** On a page where nothing is sure, a passage's one guess. */
  private loneGuess(index: number): Scored | null {
    const guesses = this.guesses.get(index);
    return this.sure.size === 0 && guesses?.length === 1 ? guesses[0] : null;
  }
}

/** Where each selector's passage is in `text` now, or null for an orphan (never drawn). */
export function anchorSelectors(text: string, selectors: readonly TextSelector[]): Array<Anchored | null> {
  const anchoring = new Anchoring(text, selectors);
  for (const index of anchoring.order) anchoring.firstPass(index);
  anchoring.secondPass();
  return anchoring.found;
}

/** One passage alone: anchorSelectors for a single selector. */
export const anchorSelector = (text: string, selector: TextSelector): Anchored | null => anchorSelectors(text, [selector])[0];
