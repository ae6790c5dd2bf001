// The content script's re-anchoring: one index of the content root's text nodes, every passage anchored in its text, a Range each.
import { anchorSelectors } from '../anchoring/anchor-text';
import type { TextSelector } from '../anchoring/selector';
import { indexTextNodes, rangeOf } from './text-offsets';

/** A Range for each selector's passage in root as it is now, or null for an orphan (listed, never drawn). */
export function anchorInRoot(root: Node, selectors: readonly TextSelector[]): Array<Range | null> {
  const index = indexTextNodes(root);
  return anchorSelectors(index.text, selectors).map((found) => found && rangeOf(index, found.start, found.end));
}
