// What a user does on a post page, driven through the real mouse and keyboard of Chromium.
import type { Page } from 'playwright-core';

interface Spot {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  midX: number;
  midY: number;
}

/**
 * Finds the first occurrence of a phrase in the post, scrolls it into view and returns where it is on screen;
 * with `select`, selects it as caret browsing would.
 */
async function locate(page: Page, phrase: string, select = false): Promise<Spot> {
  const spot = await page.evaluate(({ text, selectIt }) => {
    const walker = document.createTreeWalker(document.querySelector('.entry-content')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at === -1) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      if (selectIt) getSelection()!.setBaseAndExtent(node, at, node, at + text.length);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      const [first, last] = [rects[0], rects[rects.length - 1]];
      const middle = document.createRange();
      middle.setStart(node, at + Math.floor(text.length / 2));
      middle.setEnd(node, at + Math.floor(text.length / 2) + 1);
      const mid = middle.getClientRects()[0];
      return {
        x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2,
        midX: mid.left + mid.width / 2, midY: mid.top + mid.height / 2,
      };
    }
    return null;
  }, { text: phrase, selectIt: select });
  if (!spot) throw new Error(`"${phrase}" is not in the post`);
  return spot;
}

/** Drags the mouse across the first occurrence of a phrase in the post, as a reader selects it. */
export async function selectWithMouse(page: Page, phrase: string): Promise<void> {
  const spot = await locate(page, phrase);
  await page.mouse.move(spot.x1, spot.y1);
  await page.mouse.down();
  await page.mouse.move(spot.x2, spot.y2, { steps: 8 });
  await page.mouse.up();
}

/** Selects a phrase without the mouse (as a keyboard user does with caret browsing). */
export async function selectWithoutMouse(page: Page, phrase: string): Promise<void> {
  await locate(page, phrase, true);
}

/** Drags the mouse from the start of the block holding a phrase to a few characters into the next block. */
export async function selectIntoNextBlock(page: Page, phrase: string, spill: number): Promise<void> {
  const points = await page.evaluate(({ text, chars }) => {
    const blocks = Array.from(document.querySelectorAll('.entry-content p, .entry-content li'));
    const at = blocks.findIndex((el) => el.textContent.includes(text));
    blocks[at].scrollIntoView({ block: 'center' });
    const firstText = (el: Element) => document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent!.trim() ? 1 : 3) }).nextNode() as Text;
    const point = (node: Text, offset: number) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const rect = range.getClientRects()[0];
      return { x: rect.left + 1, y: rect.top + rect.height / 2 };
    };
    const next = firstText(blocks.slice(at + 1).find((el) => el.textContent.trim() && !el.contains(blocks[at]))!);
    const lead = next.textContent.length - next.textContent.trimStart().length;
    return { from: point(firstText(blocks[at]), 0), to: point(next, lead + chars) };
  }, { text: phrase, chars: spill });
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 });
  await page.mouse.up();
}

/** Triple-clicks the middle of a phrase, as a reader selects a whole paragraph or list item. */
export async function tripleClick(page: Page, phrase: string): Promise<void> {
  const spot = await locate(page, phrase);
  await page.mouse.click(spot.midX, spot.midY, { clickCount: 3 });
}

/** The text of the block (paragraph or list item) holding a phrase, trimmed. */
export function blockText(page: Page, phrase: string): Promise<string> {
  return page.evaluate((text) => {
    const block = Array.from(document.querySelectorAll('.entry-content p, .entry-content li')).find((el) => el.textContent.includes(text));
    return block!.textContent.trim();
  }, phrase);
}

/** The viewport rectangles of the page's current selection. */
export function selectionRects(page: Page): Promise<Array<{ left: number; top: number; right: number; bottom: number }>> {
  return page.evaluate(() => {
    const selection = getSelection();
    if (!selection?.rangeCount) return [];
    return Array.from(selection.getRangeAt(0).getClientRects(), (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
  });
}

/** Where a phrase is on screen now (top and bottom of its first line), without scrolling. */
export function phraseTop(page: Page, phrase: string): Promise<{ top: number; bottom: number; viewport: number }> {
  return page.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector('.entry-content')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rect = range.getClientRects()[0];
      return { top: rect.top, bottom: rect.bottom, viewport: innerHeight };
    }
    throw new Error(`"${text}" is not in the post`);
  }, phrase);
}

/** Clicks the middle of the first occurrence of a phrase (for example on a highlight). */
export async function clickPhrase(page: Page, phrase: string): Promise<void> {
  const spot = await locate(page, phrase);
  await page.mouse.click(spot.midX, spot.midY);
}

/** The element focused inside the toolbar's shadow root, as "tag.class". */
export function focusedInToolbar(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.querySelector('annotera-toolbar')?.shadowRoot?.activeElement as HTMLElement | null;
    return active ? `${active.tagName.toLowerCase()}.${active.className}` : '';
  });
}

/** The text of each Annotera highlight of a kind, as drawn by the CSS Custom Highlight API. */
export function highlighted(page: Page, kind: string): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(`annotera-${name}`);
    return highlight ? Array.from(highlight as unknown as Set<Range>, (range) => range.toString()) : [];
  }, kind);
}
