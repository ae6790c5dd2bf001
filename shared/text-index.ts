// The text of a content root as one string (its textContent) and where each element's text lies in it.
import { isElement, isText, type ElementLike, type NodeLike } from './dom-like';

export interface TextIndex {
  text: string;
  /** [start, end) of an element's text inside the root's text. */
  rangeOf(element: NodeLike): readonly [number, number];
}

export function indexText(root: ElementLike): TextIndex {
  const ranges = new Map<NodeLike, readonly [number, number]>();
  const parts: string[] = [];
  let length = 0;
  const walk = (node: NodeLike) => {
    const start = length;
    if (isText(node)) {
      const value = node.textContent ?? '';
      parts.push(value);
      length += value.length;
    } else if (isElement(node)) {
      for (let i = 0; i < node.childNodes.length; i += 1) walk(node.childNodes[i]);
    }
    ranges.set(node, [start, length]);
  };
  walk(root);
  return {
    text: parts.join(''),
    rangeOf(element) {
      const range = ranges.get(element);
      if (!range) throw new Error('rangeOf: the element is not inside the indexed root');
      return range;
    },
  };
}
