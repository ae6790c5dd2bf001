// Maps between DOM ranges and text offsets inside the content root (offsets into its textContent).
import { TEXT_NODE } from '../../shared/dom-like';

/** NodeFilter.SHOW_TEXT, without depending on the window's globals. */
const SHOW_TEXT = 0x4;

function textNodes(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

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

/** A DOM range for text offsets [start, end) inside root. */
export function offsetsToRange(root: Node, start: number, end: number): Range {
  const range = root.ownerDocument!.createRange();
  let seen = 0;
  let started = false;
  for (const node of textNodes(root)) {
    const next = seen + node.length;
    if (!started && start < next) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= next) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen = next;
  }
  throw new Error(`offsetsToRange: [${start}, ${end}) lies outside the text`);
}
