// The content script's re-anchoring: one index of the content root's text nodes, every passage anchored in its text, a Range each.
import { anchorSelectors } from '../anchoring/anchor-text';
import type { TextSelector } from '../anchoring/selector';
import { indexTextNodes, rangeOf } from './text-offsets';

/** Where a passage was found: its Range and its start offset in the root's text (reading order). */
export interface Placed {
  range: Range;
  start: number;
}

/** Where each selector's passage is in root as it is now, or null for an orphan (listed, never drawn). */
export function placeInRoot(root: Node, selectors: readonly TextSelector[]): Array<Placed | null> {
  const index = indexTextNodes(root);
  return anchorSelectors(index.text, selectors).map((found) => found && { range: rangeOf(index, found.start, found.end), start: found.start });
}

/** A Range for each selector's passage in root as it is now, or null for an orphan. */
export function anchorInRoot(root: Node, selectors: readonly TextSelector[]): Array<Range | null> {
  return placeInRoot(root, selectors).map((placed) => placed?.range ?? null);
}
