// Maps between DOM ranges and text offsets inside the content root (offsets into its textContent).
import { TEXT_NODE } from '../../shared/dom-like';

/** NodeFilter.SHOW_TEXT, without depending on the window's globals. */
const SHOW_TEXT = 0x4;

/** The root's text nodes in document order, their text joined, and where each node's text starts in it. */
export interface TextNodeIndex {
  text: string;
  nodes: Text[];
  starts: number[];
}

function textNodes(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** One walk over the root: made once per redraw, then every passage's Range is a binary search away. */
export function indexTextNodes(root: Node): TextNodeIndex {
  const nodes = textNodes(root);
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const node of nodes) {
    starts.push(length);
    parts.push(node.data);
    length += node.data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

/** The index of the last text node that starts at or before offset (before: strictly before). */
function nodeAt(index: TextNodeIndex, offset: number, before: boolean): number {
  let low = 0;
  let high = index.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (before ? index.starts[middle] < offset : index.starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A DOM range for text offsets [start, end) of an indexed root: it starts in the node holding `start`, ends in the one holding `end - 1`. */
export function rangeOf(index: TextNodeIndex, start: number, end: number): Range {
  if (start < 0 || end > index.text.length || end <= start) throw new Error(`rangeOf: [${start}, ${end}) lies outside the text`);
  const first = nodeAt(index, start, false);
  const last = nodeAt(index, end, true);
  const range = index.nodes[first].ownerDocument.createRange();
  range.setStart(index.nodes[first], start - index.starts[first]);
  range.setEnd(index.nodes[last], end - index.starts[last]);
  return range;
}

/** A DOM range for text offsets [start, end) inside root. */
export const offsetsToRange = (root: Node, start: number, end: number): Range => rangeOf(indexTextNodes(root), start, end);

/** The text offset of a DOM position (container, offset) inside root, or null when it is outside root. */
export function offsetOf(root: Node, container: Node, offset: number): number | null {
  if (!root.contains(container)) return null;
  let length = 0;
  if (container.nodeType === TEXT_NODE) {
    for (const node of textNodes(root)) {
      if (node === container) return length + offset;
      length += node.length;
    }
    return null;
  }
  // A boundary between elements: every text node wholly before it counts.
  const boundary = root.ownerDocument!.createRange();
  boundary.setStart(container, offset);
  for (const node of textNodes(root)) {
    if (boundary.comparePoint(node, 0) >= 0) break;
    length += node.length;
  }
  return length;
}

/** Text offsets [start, end) of a range, or null unless both ends lie inside root. */
export function rangeToOffsets(root: Node, range: Range): [number, number] | null {
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  return start === null || end === null || end <= start ? null : [start, end];
}
