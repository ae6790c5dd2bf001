// The thin shell around SpreadsheetApp: read a tab's rows in one call, write a block or a whole grid in one call each.
import type { Cell } from './passage-rows';
import type { Grid } from './derived-tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows × columns: a sheet's size (max rows, max columns) or a grid's extent. */
export interface Size {
  rows: number;
  columns: number;
}

/** Rows a sheet gets beyond what a write needs when it grows, so that filters over the whole sheet rarely need re-making. */
const GROW_ROWS = 1000;

/** The data rows under the header (row 1), exactly `width` columns wide: the data range read in one call, header dropped. */
export function readRows(sheet: Sheet, width: number): unknown[][] {
  const rows: unknown[][] = sheet.getDataRange().getValues().slice(1);
  return rows.map((row) => (row.length === width ? row : [...row.slice(0, width), ...new Array<string>(Math.max(0, width - row.length)).fill('')]));
}

/** The sheet's size: read before any write, so that no read follows a write. */
export function sheetSize(sheet: Sheet): Size {
  return { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
}

/** Grows a sheet of known size so that rows × columns fit (Sheets throws on a range outside the sheet); true when it grew. */
function growTo(sheet: Sheet, size: Size, rows: number, columns: number): boolean {
  let grew = false;
  if (rows > size.rows) {
    const count = rows + GROW_ROWS - size.rows;
    sheet.insertRowsAfter(size.rows, count);
    size.rows += count;
    grew = true;
  }
  if (columns > size.columns) {
    sheet.insertColumnsAfter(size.columns, columns - size.columns);
    size.columns = columns;
    grew = true;
  }
  return grew;
}

/** Grows the sheet so that rows × columns fit, reading its size first. */
export function ensureSize(sheet: Sheet, rows: number, columns: number): boolean {
  return growTo(sheet, sheetSize(sheet), rows, columns);
}

/** Writes rows starting at a row: one setValues (first run: reads the size itself). */
export function writeRows(sheet: Sheet, firstRow: number, rows: Cell[][]): void {
  if (!rows.length) return;
  ensureSize(sheet, firstRow + rows.length - 1, rows[0].length);
  sheet.getRange(firstRow, 1, rows.length, rows[0].length).setValues(rows);
}

/** Writes rows starting at a row into a sheet of known size: one setValues, rows inserted first when needed; true when it grew. */
export function writeBlock(sheet: Sheet, size: Size, firstRow: number, rows: Cell[][]): boolean {
  if (!rows.length) return false;
  const grew = growTo(sheet, size, firstRow + rows.length - 1, rows[0].length);
  sheet.getRange(firstRow, 1, rows.length, rows[0].length).setValues(rows);
  return grew;
}

/**
 * Writes a grid over a tab of known size: values, notes and colours one call each. The tab is cleared first only
 * when the grid is smaller than what it last held (`previous`, null when unknown); else the grid covers the old one.
 * Returns whether it cleared or grew the tab.
 */
export function writeGrid(sheet: Sheet, size: Size, grid: Grid, previous: Size | null): { cleared: boolean; grew: boolean } {
  const rows = grid.values.length;
  const columns = grid.values[0].length;
  const cleared = !previous || previous.rows > rows || previous.columns > columns;
  if (cleared) sheet.clear();
  const grew = growTo(sheet, size, rows, columns);
  const range = sheet.getRange(1, 1, rows, columns);
  range.setValues(grid.values);
  if (grid.notes) range.setNotes(grid.notes);
  if (grid.backgrounds) range.setBackgrounds(grid.backgrounds);
  return { cleared, grew };
}
