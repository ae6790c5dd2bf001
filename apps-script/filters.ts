// Filtering the sheet by one municipality or one theme: Passager and the views get filters, Matris shows one row or column.
import type { Codebook } from '../shared/codebook';
import { municipalityByCode } from '../shared/municipalities';
import { themeLabeller } from './derived-tabs';
import { PASSAGE_COLUMNS, type Cell } from './passage-rows';
import type { Tabs } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Criteria = GoogleAppsScript.Spreadsheet.FilterCriteria;

export type FilterState = { by: 'municipality'; code: string } | { by: 'theme'; id: string } | null;

const FILTER_PROPERTY = 'ANNOTERA_FILTER';

export function readFilterState(properties = PropertiesService.getDocumentProperties()): FilterState {
  try {
    const state = JSON.parse(properties.getProperty(FILTER_PROPERTY) ?? 'null');
    return state?.by === 'municipality' || state?.by === 'theme' ? state : null;
  } catch {
    return null;
  }
}

export function saveFilterState(state: FilterState, properties = PropertiesService.getDocumentProperties()): void {
  if (state) properties.setProperty(FILTER_PROPERTY, JSON.stringify(state));
  else properties.deleteProperty(FILTER_PROPERTY);
}

/** Writes to make once every read is done (a read after a write costs Google a flush). */
type Writes = () => void;

/** A fresh filter over the tab's header and data, with criteria on one column when given: reads now, writes later. */
function filterTab(sheet: Sheet, width: number, column?: number, criteria?: Criteria): Writes {
  const old = sheet.getFilter();
  const rows = sheet.getMaxRows();
  return () => {
    old?.remove();
    // Over every row of the sheet, so rows a later batch adds are inside it without re-making it.
    const filter = sheet.getRange(1, 1, rows, width).createFilter();
    if (column && criteria) filter.setColumnFilterCriteria(column, criteria);
  };
}

const equalTo = (text: string) => SpreadsheetApp.newFilterCriteria().whenTextEqualTo(text).build();
const containing = (text: string) => SpreadsheetApp.newFilterCriteria().whenTextContains(text).build();

/** Hides rows or columns [from, to] (1-based, inclusive) when the span is not empty. */
function hide(sheet: Sheet, what: 'rows' | 'columns', from: number, to: number): void {
  if (to < from) return;
  if (what === 'rows') sheet.hideRows(from, to - from + 1);
  else sheet.hideColumns(from, to - from + 1);
}

/** Shows the one municipality row or theme column of Matris (the header, names and totals stay). */
function filterMatrix(sheet: Sheet, matrix: Cell[][], state: FilterState, themeLabel: string): Writes {
  const rows = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  return () => showMatrix(sheet, matrix, state, themeLabel, { rows, columns });
}

function showMatrix(sheet: Sheet, matrix: Cell[][], state: FilterState, themeLabel: string, size: { rows: number; columns: number }): void {
  sheet.showRows(1, size.rows);
  sheet.showColumns(1, size.columns);
  if (!state || matrix.length < 3) return;
  if (state.by === 'municipality') {
    const name = municipalityByCode(state.code)?.shortName;
    const row = matrix.findIndex((cells, i) => i > 0 && cells[1] === name) + 1;
    hide(sheet, 'rows', 2, (row || matrix.length) - 1);
    if (row) hide(sheet, 'rows', row + 1, matrix.length - 1);
  } else {
    const header = matrix[0].map((cell) => String(cell).replace(/^'/, ''));
    const column = header.findIndex((cell, j) => j > 1 && cell === themeLabel) + 1;
    hide(sheet, 'columns', 3, (column || header.length) - 1);
    if (column) hide(sheet, 'columns', column + 1, header.length - 1);
  }
}

/**
 * Puts a filter state on every tab; `matrix` is Matris as just written or read. `matrixOnly`: the other tabs' filters
 * still hold (they span every row), only Matris was rewritten and its rows or columns must be hidden again.
 */
export function applyFilterState(tabs: Tabs, state: FilterState, codebook: Codebook, matrix: Cell[][], matrixOnly = false): void {
  const themeLabel = state?.by === 'theme' ? themeLabeller(codebook, tabs.language)(state.id) : '';
  const words = tabs.words;
  const writes: Writes[] = [];
  if (matrixOnly) {
    // Passager, Plan för handling and Nationell nivå keep their filters.
  } else if (state?.by === 'municipality') {
    const name = municipalityByCode(state.code)?.shortName ?? state.code;
    writes.push(filterTab(tabs.passages, PASSAGE_COLUMNS, 1, equalTo(state.code)));
    writes.push(filterTab(tabs.plan, words.planHeaders.length, 1, equalTo(name)));
    writes.push(filterTab(tabs.national, words.nationalHeaders.length, 1, equalTo(name)));
  } else if (state?.by === 'theme') {
    writes.push(filterTab(tabs.passages, PASSAGE_COLUMNS, 5, containing(state.id)));
    writes.push(filterTab(tabs.plan, words.planHeaders.length, 4, containing(themeLabel)));
    writes.push(filterTab(tabs.national, words.nationalHeaders.length, 5, containing(themeLabel)));
  } else {
    writes.push(filterTab(tabs.passages, PASSAGE_COLUMNS));
    writes.push(filterTab(tabs.plan, words.planHeaders.length));
    writes.push(filterTab(tabs.national, words.nationalHeaders.length));
  }
  writes.push(filterMatrix(tabs.matrix, matrix, state, themeLabel));
  for (const write of writes) write();
}
