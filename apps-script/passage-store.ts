// The stored passages: live ones on Passager (for people), tombstones on the hidden deleted-passages tab (for the machine).
import type { Codebook } from '../shared/codebook';
import { passageLink, type LinkTarget } from '../shared/passage-link';
import type { Passage } from '../shared/passage';
import { themeLabeller } from './derived-tabs';
import { readLinkTarget } from './link-setting';
import { LINK_COLUMN, PASSAGE_COLUMNS, passageToRow, rowToPassage, type Cell } from './passage-rows';
import { readRows, writeRows } from './sheet-access';
import { writeLinks } from './sheet-links';
import { isSwedish } from './sheet-locale';
import type { Tabs } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Every stored passage, tombstones first, then live ones (two range reads): in this order new passages append to the
 * live rows and a newly deleted passage appends to the tombstones.
 */
export function readPassages(tabs: Tabs): Passage[] {
  return [...readRows(tabs.deleted, PASSAGE_COLUMNS), ...readRows(tabs.passages, PASSAGE_COLUMNS)].map(rowToPassage);
}

const linkOf = (target: LinkTarget) => (p: Passage) => ({ text: p.url, url: p.url ? passageLink(p.url, p.id, target) : '' });

/**
 * Writes one tab's passages where they differ from what it held (same objects are unchanged): the rows from the first
 * change on, and empties the rows left over when the list got shorter. A constant number of calls.
 */
function writeSection(sheet: Sheet, before: readonly Passage[], after: readonly Passage[], toRow: (p: Passage) => Cell[], links?: LinkTarget): void {
  let first = 0;
  while (first < after.length && first < before.length && after[first] === before[first]) first += 1;
  const changed = after.slice(first);
  writeRows(sheet, 2 + first, changed.map(toRow));
  if (links) writeLinks(sheet, 2 + first, LINK_COLUMN + 1, changed.map(linkOf(links)));
  if (before.length > after.length) sheet.getRange(2 + after.length, 1, before.length - after.length, PASSAGE_COLUMNS).clearContent();
}

/**
 * Stores the passages after a batch: live ones on Passager with their links, tombstones on the hidden tab. `before` is
 * what readPassages gave (its first rows are the hidden tab's); a tombstone still on Passager (kept there by an older
 * version) moves to the hidden tab with the first write.
 */
export function writePassages(tabs: Tabs, before: readonly Passage[], after: readonly Passage[], codebook: Codebook): void {
  const label = themeLabeller(codebook, tabs.language);
  const swedish = isSwedish(tabs.language);
  const toRow = (p: Passage) => passageToRow(p, swedish, label);
  const tombstones = Math.max(tabs.deleted.getLastRow() - 1, 0);
  writeSection(tabs.passages, before.slice(tombstones), after.filter((p) => !p.deleted), toRow, readLinkTarget());
  writeSection(tabs.deleted, before.slice(0, tombstones), after.filter((p) => p.deleted), toRow);
}

/** Rewrites every passage link on Passager (after the link setting changed): one read, one write. */
export function relinkPassages(tabs: Tabs): void {
  const passages = readRows(tabs.passages, PASSAGE_COLUMNS).map(rowToPassage);
  writeLinks(tabs.passages, 2, LINK_COLUMN + 1, passages.map(linkOf(readLinkTarget())));
}
