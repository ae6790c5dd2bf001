// Moves the ends of a fuzzy match to where the stored context fits best: the fewest-errors alignment may cut into an
// edit at the quote's edge ("och även omsorg" found as "ven omsorg"), while the context marks where the quote begins.
import { likeness } from './score';
import { CONTEXT_LENGTH, type TextSelector } from './selector';

/** The position among `positions` where `fit` is highest, `first` unless another is strictly better. */
function fittest(first: number, positions: readonly number[], fit: (at: number) => number): number {
  let chosen = first;
  let chosenFit = fit(first);
  if (chosenFit === 1) return first;
  for (const at of positions) {
    const value = fit(at);
    if (value > chosenFit) [chosen, chosenFit] = [at, value];
  }
  return chosen;
}

const span = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** How far an end is moved at most: an edit at a quote's edge is a word or so. */
const MAX_MOVE = 16;

/** [start, end) with each end moved by up to 16 characters to where the prefix (suffix) is most alike. */
export function fitToContext(text: string, selector: TextSelector, start: number, end: number): [number, number] {
  const fittedStart = fittest(start, span(Math.max(0, start - MAX_MOVE), Math.min(start + MAX_MOVE, end - 1)), (at) =>
    likeness(text.slice(Math.max(0, at - CONTEXT_LENGTH), at), selector.prefix));
  const fittedEnd = fittest(end, span(Math.max(fittedStart + 1, end - MAX_MOVE), Math.min(text.length, end + MAX_MOVE)), (at) =>
    likeness(text.slice(at, at + CONTEXT_LENGTH), selector.suffix));
  return [fittedStart, fittedEnd];
}
