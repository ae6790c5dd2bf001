// Where a passage should start now, told by the passages around it that were found already (see anchor-text.ts).
import type { Expected } from './score';
import type { TextSelector } from './selector';

/** How many passages in a row not found yet are passed over looking for a found one. */
const MAX_WALK = 32;
/** How many of the passages between are taken as perhaps deleted. */
const MAX_DELETED = 2;

/** Sums of every subset of the lengths (the shifts that deleting some of those passages would make). */
function subsetSums(lengths: readonly number[]): number[] {
  return lengths.reduce((sums, length) => [...sums, ...sums.map((sum) => sum + length)], [0]);
}

/**
 * The expected starts of the passage at `at` in `order` (selectors by stored start), given the shift of each passage
 * found already. Likely: its stored start moved as the nearest found passage on each side moved (not moved without
 * any). Possible: moved further by the lengths of one or both of the nearest passages between, not found, as if they
 * were deleted.
 */
export function expectedStarts(selectors: readonly TextSelector[], order: readonly number[], placed: ReadonlyMap<number, number>, at: number): Expected {
  const stored = selectors[order[at]].start;
  const likely = new Set<number>();
  const possible = new Set<number>();
  for (const step of [-1, 1]) {
    const between: number[] = [];
    let k = at + step;
    for (; k >= 0 && k < order.length && !placed.has(order[k]) && between.length < MAX_WALK; k += step) {
      between.push(selectors[order[k]].end - selectors[order[k]].start);
    }
    const shift = placed.get(order[k]);
    if (shift === undefined) continue;
    likely.add(stored + shift);
    for (const sum of subsetSums(between.slice(0, MAX_DELETED))) possible.add(stored + shift + step * sum);
  }
  return likely.size ? { likely: [...likely], possible: [...possible] } : { likely: [stored], possible: [stored] };
}
