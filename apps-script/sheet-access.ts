// The thin shell around SpreadsheetApp: read a tab's rows in one call, write a block or a whole grid in one call each.
import type { Cell } from './passage-rows';
import type { Grid } from './derived-tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The data rows under the header (row 1), `width` columns wide: one range read, header included and dropped. */
export function readRows(sheet: Sheet, width: number): unknown[][] {
  return sheet.getRange(1, 1, Math.max(sheet.getLastRow(), 1), width).getValues().slice(1);
}

/** Grows the sheet so that rows × columns fit (Sheets throws on a range outside the sheet). */
export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Writes rows starting at a row: one setValues. */
export function writeRows(sheet: Sheet, firstRow: number, rows: Cell[][]): void {
  if (!rows.length) return;
  ensureSize(sheet, firstRow + rows.length - 1, rows[0].length);
  sheet.getRange(firstRow, 1, rows.length, rows[0].length).setValues(rows);
}

/** Replaces a tab's content, notes and colours with a grid: clear, then one call each for values, notes and colours. */
export function replaceGrid(sheet: Sheet, grid: Grid): void {
  sheet.clear();
  const rows = grid.values.length;
  const columns = grid.values[0].length;
  ensureSize(sheet, rows, columns);
  const range = sheet.getRange(1, 1, rows, columns);
  range.setValues(grid.values);
  if (grid.notes) range.setNotes(grid.notes);
  if (grid.backgrounds) range.setBackgrounds(grid.backgrounds);
}
