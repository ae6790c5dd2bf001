// Keeps the local runtime's workbook in an .xlsx file (exceljs) plus a small JSON file for what .xlsx cannot hold.
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SheetModel, WorkbookModel, type CellModel, type FilterModel } from './workbook-model';
import type { PropertyStore } from './script-services';

/** Script and document properties, sheet sizes and filter criteria: Google keeps them outside the cells. */
export interface SideState {
  locale: string;
  scriptProperties: PropertyStore;
  documentProperties: PropertyStore;
  sheets: Record<string, { maxRows: number; maxColumns: number; filter: FilterModel | null; validations: Array<[string, string[]]> }>;
}

export const sidePath = (workbookPath: string) => workbookPath.replace(/\.xlsx$/i, '') + '.runtime.json';

/** Writes a file so that a reader sees the old or the new content, never half of it. */
export function writeAtomically(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/**
 * Text as the .xlsx file can hold it: a literal _xHHHH_ in the text gets its underscore escaped (_x005F_) so that it is
 * not decoded on the way back. (The characters the format cannot hold at all are refused by the add-on's validation.)
 */
export const encodeText = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');

const argb = (color: string) => `FF${color.replace('#', '').toUpperCase()}`;
const hex = (value: string | undefined) => (value && /^[0-9A-F]{8}$/i.test(value) ? `#${value.slice(2).toLowerCase()}` : undefined);

function cellValue(cell: CellModel): ExcelJS.CellValue {
  if (cell.formula) return { formula: cell.formula.replace(/^=/, ''), date1904: false } as ExcelJS.CellFormulaValue;
  if (cell.link) return { text: encodeText(String(cell.value)), hyperlink: cell.link };
  return typeof cell.value === 'string' ? encodeText(cell.value) : cell.value;
}

export async function saveWorkbook(book: WorkbookModel, side: SideState, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Annotera local runtime';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  side.locale = book.locale;
  side.sheets = {};
  for (const sheet of book.sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      views: sheet.frozenRows ? [{ state: 'frozen', ySplit: sheet.frozenRows }] : [],
      state: sheet.hidden ? 'hidden' : 'visible',
    });
    for (const [key, cell] of sheet.cells) {
      const [row, column] = key.split(':').map(Number);
      const target = ws.getCell(row, column);
      target.value = cellValue(cell);
      if (cell.quotePrefix) target.numFmt = '@';
      if (cell.note) target.note = encodeText(cell.note);
      if (cell.background) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.background) } };
    }
    for (const row of sheet.hiddenRows) ws.getRow(row).hidden = true;
    for (const column of sheet.hiddenColumns) ws.getColumn(column).hidden = true;
    if (sheet.filter) {
      const f = sheet.filter;
      ws.autoFilter = { from: { row: f.row, column: f.column }, to: { row: f.row + f.rows - 1, column: f.column + f.columns - 1 } };
    }
    side.sheets[sheet.name] = {
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      filter: sheet.filter,
      validations: [...sheet.validations],
    };
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  writeAtomically(sidePath(path), `${JSON.stringify(side, null, 2)}\n`);
  writeAtomically(path, buffer);
}

function noteText(note: ExcelJS.Comment | string | undefined): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  return note.texts?.map((t) => t.text).join('') || undefined;
}

function modelCell(cell: ExcelJS.Cell): CellModel {
  const value = cell.value;
  const model: CellModel = { value: '' };
  if (value && typeof value === 'object' && 'formula' in value) model.formula = `=${value.formula}`;
  else if (value && typeof value === 'object' && 'richText' in value) model.value = value.richText.map((part) => part.text).join('');
  else if (value && typeof value === 'object' && 'text' in value) {
    model.value = String(value.text);
    if ('hyperlink' in value && value.hyperlink) model.link = String(value.hyperlink);
  }
  else if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') model.value = value;
  if (cell.numFmt === '@' && typeof model.value === 'string') model.quotePrefix = true;
  const note = noteText(cell.note as ExcelJS.Comment | string | undefined);
  if (note) model.note = note;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const background = fill?.type === 'pattern' ? hex(fill.fgColor?.argb) : undefined;
  if (background) model.background = background;
  return model;
}

export function emptySide(locale: string): SideState {
  return { locale, scriptProperties: {}, documentProperties: {}, sheets: {} };
}

/** The workbook and its side state from disk, or an empty workbook when the file does not exist yet. */
export async function loadWorkbook(path: string, locale: string): Promise<{ book: WorkbookModel; side: SideState }> {
  const side: SideState = existsSync(sidePath(path)) ? JSON.parse(readFileSync(sidePath(path), 'utf8')) : emptySide(locale);
  const book = new WorkbookModel(side.locale || locale);
  if (!existsSync(path)) return { book, side };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  workbook.eachSheet((ws) => {
    const sheet = new SheetModel(ws.name);
    sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    const saved = side.sheets[ws.name];
    sheet.maxRows = Math.max(saved?.maxRows ?? 0, sheet.maxRows, ws.rowCount);
    sheet.maxColumns = Math.max(saved?.maxColumns ?? 0, sheet.maxColumns, ws.columnCount);
    sheet.filter = saved?.filter ?? null;
    sheet.validations = new Map(saved?.validations ?? []);
    const frozen = ws.views?.find((view) => view.state === 'frozen') as { ySplit?: number } | undefined;
    sheet.frozenRows = frozen?.ySplit ?? 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (row.hidden) sheet.hiddenRows.add(rowNumber);
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => sheet.set(rowNumber, columnNumber, modelCell(cell)));
    });
    for (let c = 1; c <= ws.columnCount; c += 1) if (ws.getColumn(c).hidden) sheet.hiddenColumns.add(c);
    book.sheets.push(sheet);
  });
  return { book, side };
}
