// What a user does on a post page, driven through the real mouse and keyboard of Chromium.
import type { Page } from 'playwright-core';

/** Drags the mouse across the first occurrence of a phrase in the post, as a reader selects it. */
export async function selectWithMouse(page: Page, phrase: string): Promise<void> {
  const ends = await page.evaluate((text) => {
    const root = document.querySelector('.entry-content')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at === -1) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, phrase);
  if (!ends) throw new Error(`"${phrase}" is not in the post`);
  await page.mouse.move(ends.x1, ends.y1);
  await page.mouse.down();
  await page.mouse.move(ends.x2, ends.y2, { steps: 8 });
  await page.mouse.up();
}

/** Clicks the middle of the first occurrence of a phrase (for example on a highlight). */
export async function clickPhrase(page: Page, phrase: string): Promise<void> {
  const point = await page.evaluate((text) => {
    const root = document.querySelector('.entry-content')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at + Math.floor(text.length / 2));
      range.setEnd(node, at + Math.floor(text.length / 2) + 1);
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, phrase);
  if (!point) throw new Error(`"${phrase}" is not in the post`);
  await page.mouse.click(point.x, point.y);
}

/** The text of each Annotera highlight of a kind, as drawn by the CSS Custom Highlight API. */
export function highlighted(page: Page, kind: string): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(`annotera-${name}`);
    return highlight ? Array.from(highlight as unknown as Set<Range>, (range) => range.toString()) : [];
  }, kind);
}
