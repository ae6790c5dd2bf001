// Filtering the sheet by any combination of municipality, county, theme, kind and author: Passager and the views get
// filter criteria (rows hidden as Sheets hides them); Matris counts the kind and author and shows only the chosen rows and column.
import type { Codebook } from '../shared/codebook';
import { COUNTIES, municipalityByCode, MUNICIPALITIES } from '../shared/municipalities';
import { themeLabeller } from './derived-tabs';
import { isEmptyFilter, parseFilter, type FilterState } from './filter-state';
import { AUTHOR_COLUMN, kindLabel, KIND_COLUMN, PASSAGE_COLUMNS, THEME_IDS_COLUMN, type Cell } from './passage-rows';
import { isSwedish } from './sheet-locale';
import type { Tabs } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Criteria = GoogleAppsScript.Spreadsheet.FilterCriteria;

const FILTER_PROPERTY = 'ANNOTERA_FILTER';
/** A value no id cell holds: a view whose kind the filter leaves out shows no rows. */
const NO_ROW = '-';

/** The saved filter (`{}` when there is none or it no longer parses). */
export function readFilterState(properties = PropertiesService.getDocumentProperties()): FilterState {
  try {
    return parseFilter(JSON.parse(properties.getProperty(FILTER_PROPERTY) ?? 'null')) ?? {};
  } catch {
    return {};
  }
}

export function saveFilterState(state: FilterState, properties = PropertiesService.getDocumentProperties()): void {
  if (isEmptyFilter(state)) properties.deleteProperty(FILTER_PROPERTY);
  else properties.setProperty(FILTER_PROPERTY, JSON.stringify(state));
}

/** Writes to make once every read is done (a read after a write costs Google a flush). */
type Writes = () => void;

/** A fresh filter over the tab's header and data, with criteria on the given (1-based) columns: reads now, writes later. */
function filterTab(sheet: Sheet, width: number, criteria: ReadonlyArray<[number, Criteria] | false>): Writes {
  const old = sheet.getFilter();
  const rows = sheet.getMaxRows();
  return () => {
    old?.remove();
    // Over every row of the sheet, so rows a later batch adds are inside it without re-making it.
    const filter = sheet.getRange(1, 1, rows, width).createFilter();
    for (const entry of criteria) if (entry) filter.setColumnFilterCriteria(entry[0], entry[1]);
  };
}


const countyName = (code: string) => COUNTIES.find((c) => c.code === code)?.name ?? code;
const codeByName = new Map(MUNICIPALITIES.map((m) => [m.shortName, m.code]));

/** Hides rows or columns [from, to] (1-based, inclusive) when the span is not empty. */
function hide(sheet: Sheet, what: 'rows' | 'columns', from: number, to: number): void {
  if (to < from) return;
  if (what === 'rows') sheet.hideRows(from, to - from + 1);
  else sheet.hideColumns(from, to - from + 1);
}

/** Hides the runs of data rows (2 … last-1, the totals stay) whose municipality the filter leaves out. */
function hideMatrixRows(sheet: Sheet, matrix: Cell[][], state: FilterState): void {
  const keep = (row: Cell[]) => {
    const m = municipalityByCode(codeByName.get(String(row[1])) ?? '');
    return Boolean(m) && (!state.municipality || m!.code === state.municipality) && (!state.county || m!.county.code === state.county);
  };
  let runStart = 0;
  for (let i = 1; i <= matrix.length - 1; i += 1) {
    const hidden = i < matrix.length - 1 && !keep(matrix[i]);
    if (hidden && !runStart) runStart = i + 1;
    if (!hidden && runStart) {
      hide(sheet, 'rows', runStart, i);
      runStart = 0;
    }
  }
}

/** Shows Matris's chosen municipality rows and theme column (names and totals stay): reads now, writes later. */
function filterMatrix(sheet: Sheet, matrix: Cell[][], state: FilterState, themeLabel: string): Writes {
  const rows = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  return () => showMatrix(sheet, matrix, state, themeLabel, { rows, columns });
}

function showMatrix(sheet: Sheet, matrix: Cell[][], state: FilterState, themeLabel: string, size: { rows: number; columns: number }): void {
  sheet.showRows(1, size.rows);
  sheet.showColumns(1, size.columns);
  if (matrix.length < 3) return;
  if (state.municipality || state.county) hideMatrixRows(sheet, matrix, state);
  if (state.theme) {
    const header = matrix[0].map((cell) => String(cell).replace(/^'/, ''));
    const column = header.findIndex((cell, j) => j > 1 && cell === themeLabel) + 1;
    hide(sheet, 'columns', 3, (column || header.length) - 1);
    if (column) hide(sheet, 'columns', column + 1, header.length - 1);
  }
}

/**
 * Puts a filter on every tab; `matrix` is Matris as just written or read (built with the filter's kind and author).
 * `matrixOnly`: the other tabs' filters still hold (they span every row), only Matris was rewritten and its rows or
 * columns must be hidden again.
 */
export function applyFilterState(tabs: Tabs, state: FilterState, codebook: Codebook, matrix: Cell[][], matrixOnly = false): void {
  const themeLabel = state.theme ? themeLabeller(codebook, tabs.language)(state.theme) : '';
  const words = tabs.words;
  const municipality = state.municipality ? municipalityByCode(state.municipality)?.shortName ?? state.municipality : '';
  const county = state.county ? countyName(state.county) : '';
  const equalTo = (text: string) => tabs.make.criteria().whenTextEqualTo(text).build();
  const containing = (text: string) => tabs.make.criteria().whenTextContains(text).build();
  const writes: Writes[] = [];
  const view = (sheet: Sheet, headers: string[], kind: 'plan' | 'national', themeColumn: number) =>
    filterTab(sheet, headers.length, [
      Boolean(municipality) && [1, equalTo(municipality)],
      Boolean(county) && [2, equalTo(county)],
      Boolean(themeLabel) && [themeColumn, containing(themeLabel)],
      Boolean(state.kind && state.kind !== kind) && [headers.length, equalTo(NO_ROW)],
    ]);
  // With `matrixOnly`, Passager, Plan för handling and Nationell nivå keep their filters.
  if (!matrixOnly) {
    writes.push(filterTab(tabs.passages, PASSAGE_COLUMNS, [
      Boolean(state.municipality) && [1, equalTo(state.municipality!)],
      Boolean(county) && [3, equalTo(county)],
      Boolean(state.kind) && [KIND_COLUMN + 1, equalTo(kindLabel(state.kind!, isSwedish(tabs.language)))],
      Boolean(state.theme) && [THEME_IDS_COLUMN + 1, containing(state.theme!)],
      Boolean(state.author) && [AUTHOR_COLUMN + 1, equalTo(state.author!)],
    ]));
    writes.push(view(tabs.plan, words.planHeaders, 'plan', 4));
    writes.push(view(tabs.national, words.nationalHeaders, 'national', 5));
  }
  writes.push(filterMatrix(tabs.matrix, matrix, state, themeLabel));
  for (const write of writes) write();
}
