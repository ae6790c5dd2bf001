// Keeps the local runtime's workbook in an .xlsx file (exceljs) plus a small JSON file for what .xlsx cannot hold.
import ExcelJS from 'exceljs';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { SheetModel, WorkbookModel, type CellModel, type FilterModel } from './workbook-model';
import type { PropertyStore } from './script-services';

/** Script and document properties, sheet sizes and filter criteria: Google keeps them outside the cells. */
export interface SideState {
  locale: string;
  scriptProperties: PropertyStore;
  documentProperties: PropertyStore;
  userProperties?: PropertyStore;
  /** The spreadsheet's developer metadata (Sheets API), by key. */
  developerMetadata?: Record<string, string>;
  sheets: Record<string, { maxRows: number; maxColumns: number; filter: FilterModel | null; validations: Array<[string, string[]]> }>;
}

export const sidePath = (workbookPath: string) => workbookPath.replace(/\.xlsx$/i, '') + '.runtime.json';

/**
 * Writes a file so that a reader (or a restart after a crash) sees the old or the new content, never half of it;
 * when the write fails (a full disk) the old file is left as it was and no temporary file stays behind.
 */
export function writeAtomically(path: string, data: string | Buffer, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w', mode);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export type StorageCode = 'disk_full' | 'read_only' | 'storage_failed';

/** Why the workbook could not be written, as a stable code and a message that names the file and says what to do. */
export function storageFailure(error: unknown, path: string): { code: StorageCode; message: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const nothingLost = 'Nothing was acknowledged, so Annotera sends it again later.';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return { code: 'disk_full', message: `The local sheet cannot save ${path}: the disk is full. Free some space. ${nothingLost}` };
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return { code: 'read_only', message: `The local sheet cannot save ${path}: the file or its folder is read-only. Make it writable. ${nothingLost}` };
  }
  return { code: 'storage_failed', message: `The local sheet cannot save ${path} (${error instanceof Error ? error.message : String(error)}). ${nothingLost}` };
}

/** A workbook (or its side file) that exists but cannot be read: it is left untouched and the runtime does not start. */
export class UnreadableWorkbook extends Error {}

const unreadable = (path: string, reason: unknown) =>
  new UnreadableWorkbook(
    `The workbook file ${path} exists but cannot be read (${reason instanceof Error ? reason.message : String(reason)}). ` +
      'It has been left exactly as it is. Restore it from a copy, or move it elsewhere (for example rename it to ' +
      `${path}.broken) to start with an empty workbook; or set ANNOTERA_WORKBOOK to another file.`,
  );

/**
 * Text as the .xlsx file can hold it: XML 1.0 cannot carry most control characters, U+FFFE/U+FFFF, lone surrogates
 * or a bare CR (a parser turns it into LF), so those are written as the format's _xHHHH_ escapes; a literal _xHHHH_ in
 * the text gets its underscore escaped (_x005F_) so that it is not decoded on the way back.
 */
export function encodeText(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** The reverse of encodeText, for the parts exceljs hands back undecoded (formulas). */
const decodeText = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const argb = (color: string) => `FF${color.replace('#', '').toUpperCase()}`;
const hex = (value: string | undefined) => (value && /^[0-9A-F]{8}$/i.test(value) ? `#${value.slice(2).toLowerCase()}` : undefined);

function cellValue(cell: CellModel): ExcelJS.CellValue {
  if (cell.formula) return { formula: encodeText(cell.formula.replace(/^=/, '')), date1904: false };
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
  // The side file holds the team token: only its owner may read it.
  writeAtomically(sidePath(path), `${JSON.stringify(side, null, 2)}\n`, 0o600);
  writeAtomically(path, buffer, 0o644);
}

function noteText(note: ExcelJS.Comment | string | undefined): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  return note.texts?.map((t) => t.text).join('') || undefined;
}

function modelCell(cell: ExcelJS.Cell): CellModel {
  const value = cell.value;
  const model: CellModel = { value: '' };
  if (value && typeof value === 'object' && 'formula' in value) model.formula = `=${decodeText(value.formula ?? '')}`;
  else if (value && typeof value === 'object' && 'richText' in value) model.value = value.richText.map((part) => part.text).join('');
  else if (value && typeof value === 'object' && 'text' in value) {
    model.value = String(value.text);
    if ('hyperlink' in value && value.hyperlink) model.link = String(value.hyperlink);
  }
  else if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') model.value = value;
  if (cell.numFmt === '@' && typeof model.value === 'string') model.quotePrefix = true;
  const note = noteText(cell.note);
  if (note) model.note = note;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const background = fill?.type === 'pattern' ? hex(fill.fgColor?.argb) : undefined;
  if (background) model.background = background;
  return model;
}

function readSide(path: string, locale: string): SideState {
  const file = sidePath(path);
  if (!existsSync(file)) return emptySide(locale);
  try {
    const side = JSON.parse(readFileSync(file, 'utf8')) as SideState;
    if (typeof side !== 'object' || side === null || typeof side.scriptProperties !== 'object' || typeof side.sheets !== 'object') {
      throw new Error('not the side file the runtime writes');
    }
    side.documentProperties ??= {};
    return side;
  } catch (error) {
    throw unreadable(file, error);
  }
}

export function emptySide(locale: string): SideState {
  return { locale, scriptProperties: {}, documentProperties: {}, sheets: {} };
}

/** The workbook and its side state from disk, or an empty workbook when the file does not exist yet. */
export async function loadWorkbook(path: string, locale: string): Promise<{ book: WorkbookModel; side: SideState }> {
  const side = readSide(path, locale);
  const book = new WorkbookModel(side.locale || locale);
  if (!existsSync(path)) return { book, side };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw unreadable(path, error);
  }
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
