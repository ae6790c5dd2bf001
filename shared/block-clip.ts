// A selection as a reader means it: a few characters spilling into the block before or after are dropped.
import type { Item } from './post-structure';

/** At most this many characters in a neighbouring block count as spill rather than as part of the selection. */
export const SPILL = 24;

const overlap = (block: Item, start: number, end: number) => Math.max(0, Math.min(end, block.end) - Math.max(start, block.start));

/** [start, end) clipped to the blocks it really covers (blocks in reading order). */
export function clipToBlocks(blocks: readonly Item[], start: number, end: number): [number, number] {
  const touched = blocks.filter((block) => overlap(block, start, end) > 0);
  if (touched.length < 2) return [start, end];
  const first = touched[0];
  const last = touched[touched.length - 1];
  let [from, to] = [start, end];
  if (overlap(first, start, end) <= SPILL) from = touched[1].start;
  if (overlap(last, start, end) <= SPILL && to > touched[touched.length - 2].end) to = touched[touched.length - 2].end;
  return to > from ? [from, to] : [start, end];
}
