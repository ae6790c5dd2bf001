// The stored passages: live ones on Passager (for people), tombstones on the hidden deleted-passages tab (for the machine).
import type { Codebook } from '../shared/codebook';
import { passageLink, type LinkTarget } from '../shared/passage-link';
import type { Passage } from '../shared/passage';
import { keptCell, readBack } from './cell-text';
import { themeLabeller } from './derived-tabs';
import { readLinkTarget } from './link-setting';
import { LINK_COLUMN, PASSAGE_COLUMNS, passageToRow, rowToPassage, type Cell } from './passage-rows';
import { readRows, sheetSize, writeBlock } from './sheet-access';
import { writeLinks } from './sheet-links';
import { isSwedish } from './sheet-locale';
import type { Tabs } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What the two tabs hold: their rows as read, and the passages (tombstones first, then live ones). */
export interface StoredPassages {
  passages: Passage[];
  deadRows: unknown[][];
  liveRows: unknown[][];
}

/**
 * Every stored passage, tombstones first, then live ones (two range reads): in this order new passages append to the
 * live rows and a newly deleted passage appends to the tombstones.
 */
export function readStore(tabs: Tabs): StoredPassages {
  const deadRows = readRows(tabs.deleted, PASSAGE_COLUMNS);
  const liveRows = readRows(tabs.passages, PASSAGE_COLUMNS);
  return { deadRows, liveRows, passages: [...deadRows, ...liveRows].map(rowToPassage) };
}

export const readPassages = (tabs: Tabs): Passage[] => readStore(tabs).passages;

/** The order the tabs will hold the passages in: tombstones, then live ones. */
export const storageOrder = (passages: readonly Passage[]) => [...passages.filter((p) => p.deleted), ...passages.filter((p) => !p.deleted)];

const linkOf = (target: LinkTarget) => (p: Passage) => ({ text: p.url, url: p.url ? passageLink(p.url, p.id, target) : '' });

/** A passage's row and how reading it back gives it (so that the next request sees the same passages). */
export function rowWriter(tabs: Tabs, codebook: Codebook) {
  const label = themeLabeller(codebook, tabs.language);
  const swedish = isSwedish(tabs.language);
  const toRow = (p: Passage) => passageToRow(p, swedish, label);
  return { toRow, asRead: (p: Passage) => rowToPassage(toRow(p).map(readBack)) };
}

/**
 * Plans one tab's rows where they differ from what it held (same objects are unchanged): the span from the first to the
 * last change (unchanged rows inside it written back as they were), and the rows left over when the list got shorter
 * are emptied. Reads the tab's size now; the returned write says whether the tab grew.
 */
function planSection(tabs: Tabs, sheet: Sheet, rows: unknown[][], before: readonly Passage[], after: readonly Passage[], toRow: (p: Passage) => Cell[], links: LinkTarget | null): (() => boolean) | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    if (after[i] === before[i]) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return null;
  const written = after.slice(first, Math.min(last, after.length - 1) + 1);
  const block = written.map((p, k) => (p === before[first + k] ? rows[first + k].map((cell) => keptCell(cell)) : toRow(p)));
  const size = sheetSize(sheet);
  return () => {
    const grew = writeBlock(sheet, size, 2 + first, block);
    if (links) writeLinks(sheet, 2 + first, LINK_COLUMN + 1, written.map(linkOf(links)), tabs.make);
    if (before.length > after.length) sheet.getRange(2 + after.length, 1, before.length - after.length, PASSAGE_COLUMNS).clearContent();
    return grew;
  };
}

/**
 * Plans storing the passages after a batch (reads sizes and the link setting now): live ones on Passager with their
 * links, tombstones on the hidden tab. A tombstone still on Passager (kept there by an older version) moves to the
 * hidden tab. The write returns whether Passager grew.
 */
export function planPassageWrites(tabs: Tabs, store: StoredPassages, after: readonly Passage[], toRow: (p: Passage) => Cell[], target = readLinkTarget()): () => boolean {
  const dead = store.deadRows.length;
  const live = planSection(tabs, tabs.passages, store.liveRows, store.passages.slice(dead), after.filter((p) => !p.deleted), toRow, target);
  const tombstones = planSection(tabs, tabs.deleted, store.deadRows, store.passages.slice(0, dead), after.filter((p) => p.deleted), toRow, null);
  return () => {
    tombstones?.();
    return live?.() ?? false;
  };
}

/** Rewrites every passage link on Passager (after the link setting changed): one read, one write. */
export function relinkPassages(tabs: Tabs): void {
  const passages = readRows(tabs.passages, PASSAGE_COLUMNS).map(rowToPassage);
  writeLinks(tabs.passages, 2, LINK_COLUMN + 1, passages.map(linkOf(readLinkTarget())));
}

