// Runs inside the benchmark's Chromium page: Annotera's re-anchoring exactly as the content script runs it, and the
// peer — dom-anchor-text-position, then dom-anchor-text-quote with the position as hint, as early Hypothesis used them.
import * as textPosition from 'dom-anchor-text-position';
import * as textQuote from 'dom-anchor-text-quote';
import type { TextSelector } from '../extension/anchoring/selector';
import { anchorInRoot } from '../extension/dom/anchor-ranges';
import { indexTextNodes, offsetOf } from '../extension/dom/text-offsets';

export type Found = Array<[number, number] | null>;

export interface Timed {
  annotera: number[];
  peer: number[];
  annoteraFound: Found;
  peerFound: Found;
}

const root = () => document.querySelector('.entry-content')!;

function peerAnchor(content: Node, selectors: readonly TextSelector[]): Array<Range | null> {
  return selectors.map((s) => {
    try {
      const range = textPosition.toRange(content, { start: s.start, end: s.end });
      if (range.toString() === s.quote) return range;
    } catch {
      // The stored position lies beyond the text now: the quote decides.
    }
    try {
      return textQuote.toRange(content, { exact: s.quote, prefix: s.prefix, suffix: s.suffix }, { hint: s.start });
    } catch {
      return null;
    }
  });
}

/** Each range as text offsets in the content root (not timed). */
function offsetsOf(content: Node, ranges: ReadonlyArray<Range | null>): Found {
  const index = indexTextNodes(content);
  const startOf = new Map<Node, number>(index.nodes.map((node, i) => [node, index.starts[i]]));
  const at = (node: Node, offset: number) => (startOf.has(node) ? startOf.get(node)! + offset : offsetOf(content, node, offset)!);
  return ranges.map((r) => r && [at(r.startContainer, r.startOffset), at(r.endContainer, r.endOffset)]);
}

/** Puts this markup in the content root, in the same page: the code stays loaded and compiled between runs. */
function show(html: string): void {
  root().innerHTML = html;
}

/** Annotera and the peer in turn, `rounds` times each, on the page as it is. */
function compare(selectors: readonly TextSelector[], rounds: number): Timed {
  const content = root();
  const timed: Timed = { annotera: [], peer: [], annoteraFound: [], peerFound: [] };
  let ours: Array<Range | null> = [];
  let theirs: Array<Range | null> = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    ours = anchorInRoot(content, selectors);
    const between = performance.now();
    theirs = peerAnchor(content, selectors);
    timed.annotera.push(between - started);
    timed.peer.push(performance.now() - between);
  }
  timed.annoteraFound = offsetsOf(content, ours);
  timed.peerFound = offsetsOf(content, theirs);
  return timed;
}

/** Annotera alone, `rounds` times. */
function annoteraAlone(selectors: readonly TextSelector[], rounds: number): { times: number[]; found: Found } {
  const content = root();
  const times: number[] = [];
  let ours: Array<Range | null> = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    ours = anchorInRoot(content, selectors);
    times.push(performance.now() - started);
  }
  return { times, found: offsetsOf(content, ours) };
}

Object.assign(globalThis, { anchoringBench: { show, compare, annoteraAlone } });
