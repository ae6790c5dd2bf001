// Where the toolbar goes beside a selection: below it, else above, else beside it, else in the larger gap with a smaller
// height — always inside the window and never over the selection.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  x: number;
  y: number;
  maxHeight: number;
}

const GAP = 8;
const PAD = 8;
const MIN_HEIGHT = 120;

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

/** Places a box of width × height next to the anchor in a viewport of vw × vh. */
export function place(anchor: Box, width: number, height: number, vw: number, vh: number): Placement {
  const x = clamp(anchor.left, PAD, vw - PAD - width);
  const below = vh - anchor.bottom - GAP - PAD;
  const above = anchor.top - GAP - PAD;
  if (height <= below) return { x, y: anchor.bottom + GAP, maxHeight: height };
  if (height <= above) return { x, y: anchor.top - GAP - height, maxHeight: height };
  const tall = Math.min(height, vh - 2 * PAD);
  const y = clamp(anchor.top, PAD, vh - PAD - tall);
  if (vw - anchor.right - GAP - PAD >= width) return { x: anchor.right + GAP, y, maxHeight: tall };
  if (anchor.left - GAP - PAD >= width) return { x: anchor.left - GAP - width, y, maxHeight: tall };
  if (below >= above) return { x, y: anchor.bottom + GAP, maxHeight: Math.max(MIN_HEIGHT, below) };
  const fit = Math.max(MIN_HEIGHT, above);
  return { x, y: anchor.top - GAP - fit, maxHeight: fit };
}
