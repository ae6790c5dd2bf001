// Annotera → Visa passager för markerad cell: the passages behind the selected Matris cell, or the selected rows of any tab.
import { MUNICIPALITIES, municipalityByCode } from '../shared/municipalities';
import { passageLink, type LinkTarget } from '../shared/passage-link';
import type { Passage } from '../shared/passage';
import { cellText } from './cell-text';
import { themeLabeller } from './derived-tabs';
import { countedInMatrix } from './filter-state';
import { readFilterState } from './filters';
import { readLinkTarget } from './link-setting';
import { kindLabel } from './passage-rows';
import { readPassages } from './passage-store';
import { readCodebook } from './rebuild';
import { isSwedish } from './sheet-locale';
import { openTabs, type Tabs } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface ShownPassage {
  id: string;
  quote: string;
  kind: string;
  themes: string[];
  municipality: string;
  note: string;
  author: string;
  link: string;
}

export interface DrillDown {
  title: string;
  passages: ShownPassage[];
}

const codeByName = new Map(MUNICIPALITIES.map((m) => [m.shortName, m.code]));

/** Matris: the cell's municipality (none on the totals row) × theme (none in the name and total columns). */
function matrixCell(tabs: Tabs, range: Range, passages: readonly Passage[], label: (id: string) => string, show: (p: Passage) => ShownPassage): DrillDown {
  const values = tabs.matrix.getDataRange().getValues();
  const header = values[0].map(cellText);
  const row = values[range.getRow() - 1] ?? [];
  const column = range.getColumn() - 1;
  const municipality = range.getRow() > 1 ? codeByName.get(cellText(row[1])) : undefined;
  const themeLabel = column >= 2 && column < header.length - 1 ? header[column] : '';
  const filter = readFilterState();
  const chosen = passages.filter((p) => countedInMatrix(p, filter)
    && (!municipality || p.municipality === municipality)
    && (!themeLabel || p.themes.some((id) => label(id) === themeLabel)));
  const everything = tabs.words.drill.everything;
  return { title: `${municipalityByCode(municipality ?? '')?.shortName ?? everything} × ${themeLabel || everything}`, passages: chosen.map((p) => show(p)) };
}

/** Any other tab: the selected rows' passages, by the tab's "id" column (Inlägg: by the post's link). */
function selectedRows(tabs: Tabs, sheet: Sheet, range: Range, passages: readonly Passage[], show: (p: Passage) => ShownPassage): DrillDown {
  const width = Math.max(sheet.getLastColumn(), 1);
  const first = Math.max(range.getRow(), 2);
  const last = range.getRow() + range.getNumRows() - 1;
  const title = tabs.words.drill.rows.replace('{tab}', sheet.getName());
  if (last < first) return { title, passages: [] };
  const values = sheet.getRange(1, 1, last, width).getValues();
  const header = values[0].map(cellText);
  const rows = values.slice(first - 1);
  const isPosts = sheet.getName() === tabs.words.tabs.posts;
  const column = isPosts ? header.indexOf(tabs.words.postHeaders[1]) : header.indexOf('id');
  if (column < 0) return { title, passages: [] };
  const keys = new Set(rows.map((row) => cellText(row[column])));
  const chosen = passages.filter((p) => !p.deleted && keys.has(isPosts ? p.url : p.id));
  return { title, passages: chosen.map((p) => show(p)) };
}

/** A passage as the sidebar lists it (one link setting and theme labeller for all). */
function shown(p: Passage, tabs: Tabs, label: (id: string) => string, target: LinkTarget): ShownPassage {
  return {
    id: p.id,
    quote: p.quote,
    kind: kindLabel(p.kind, isSwedish(tabs.language)),
    themes: p.themes.map(label),
    municipality: municipalityByCode(p.municipality)?.shortName ?? p.municipality,
    note: p.note,
    author: p.author,
    link: p.url ? passageLink(p.url, p.id, target) : '',
  };
}

/** The passages behind the current selection (what the sidebar lists, and what its refresh button asks for). */
export function passagesForSelection(): DrillDown {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tabs = openTabs(ss);
  const range = ss.getActiveRange();
  const sheet = ss.getActiveSheet();
  if (!range || !sheet) return { title: tabs.words.drill.noSelection, passages: [] };
  const passages = readPassages(tabs);
  const label = themeLabeller(readCodebook(tabs), tabs.language);
  const target = readLinkTarget();
  const show = (p: Passage) => shown(p, tabs, label, target);
  return sheet.getName() === tabs.words.tabs.matrix
    ? matrixCell(tabs, range, passages, label, show)
    : selectedRows(tabs, sheet, range, passages, show);
}

export function menuShowPassagesForCell(): void {
  const tabs = openTabs();
  const template = HtmlService.createTemplateFromFile('passages');
  template.swedish = isSwedish(tabs.language);
  template.data = passagesForSelection();
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(tabs.words.menu.drillDown));
}
