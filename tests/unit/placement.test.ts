// Where the toolbar goes beside a selection: below, above, beside, or in the larger gap — inside the window, never over it.
import { describe, expect, test } from 'vitest';
import { place, type Box } from '../../extension/content/placement';

const overlaps = (a: Box, x: number, y: number, w: number, h: number) => a.left < x + w && a.right > x && a.top < y + h && a.bottom > y;

describe('place', () => {
  const [vw, vh, w, h] = [1366, 650, 340, 300];

  test('below the selection when it fits, above when it does not', () => {
    expect(place({ left: 200, top: 100, right: 600, bottom: 140 }, w, h, vw, vh)).toEqual({ x: 200, y: 148, maxHeight: 300 });
    expect(place({ left: 200, top: 500, right: 600, bottom: 540 }, w, h, vw, vh)).toEqual({ x: 200, y: 192, maxHeight: 300 });
  });

  test('kept inside the window horizontally', () => {
    expect(place({ left: 1200, top: 100, right: 1300, bottom: 120 }, w, h, vw, vh).x).toBe(vw - 8 - w);
    expect(place({ left: -50, top: 100, right: 100, bottom: 120 }, w, h, vw, vh).x).toBe(8);
  });

  test('a tall selection: beside it; with no room beside, the larger gap with a smaller height', () => {
    const tall = { left: 100, top: 200, right: 700, bottom: 460 };
    const beside = place(tall, w, h, vw, vh);
    expect(beside.x).toBe(708);
    expect(overlaps(tall, beside.x, beside.y, w, beside.maxHeight)).toBe(false);
    const wide = { left: 20, top: 250, right: 1340, bottom: 420 };
    const squeezed = place(wide, w, h, vw, vh);
    expect(squeezed).toEqual({ x: 20, y: 8, maxHeight: 234 });
    expect(overlaps(wide, squeezed.x, squeezed.y, w, squeezed.maxHeight)).toBe(false);
  });
});
