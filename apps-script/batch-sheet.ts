// A spreadsheet read once and written once through the Sheets API: the part of SpreadsheetApp's Spreadsheet, Sheet, Range
// and Filter that the write paths use, served from one spreadsheets.get and queued into one spreadsheets.batchUpdate.
// The write paths never read what they wrote, so reads come from the snapshot and writes only queue requests.
import { cellText } from './cell-text';
import { instantFromSerial, serialFromInstant } from './serial-time';
import type { Cell } from './passage-rows';
import type { SheetBuilders } from './sheet-builders';

type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;
type BooleanCondition = GoogleAppsScript.Sheets.Schema.BooleanCondition;
type BasicFilter = GoogleAppsScript.Sheets.Schema.BasicFilter;
type SheetProperties = GoogleAppsScript.Sheets.Schema.SheetProperties;
/** A column's criteria in a basic filter (the current API's filterSpecs; the typings know only the older criteria map). */
interface FilterSpec {
  columnIndex: number;
  filterCriteria: { condition: BooleanCondition };
}

/** Values and formulas of a fetched range, by 0-based row and column of the sheet. */
interface Snapshot {
  rows: Array<CellData[] | undefined>;
}

const DATE_TIME = { type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm' };
const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';
const hasValue = (cell: CellData | undefined) => Boolean(cell?.userEnteredValue && Object.keys(cell.userEnteredValue).length);

/** A cell written as setValues takes it: a leading apostrophe keeps text as text, "=…" is a formula; other text is kept as it is. */
function cellData(value: unknown, timeZone: string): CellData {
  if (isDate(value)) return { userEnteredValue: { numberValue: serialFromInstant(value.getTime(), timeZone) }, userEnteredFormat: { numberFormat: DATE_TIME } };
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  if (typeof value === 'boolean') return { userEnteredValue: { boolValue: value } };
  const text = cellText(value);
  if (text === '') return {};
  if (text.startsWith("'")) return { userEnteredValue: { stringValue: text.slice(1) } };
  return { userEnteredValue: text.startsWith('=') && text.length > 1 ? { formulaValue: text } : { stringValue: text } };
}

/** What getValues gives for a cell: its shown value (a date-time as a Date), '' for an empty cell. */
function cellValue(cell: CellData | undefined, timeZone: string): Cell {
  const value = cell?.effectiveValue;
  if (!value) return '';
  if (typeof value.numberValue === 'number') {
    return /DATE|TIME/.test(cell?.userEnteredFormat?.numberFormat?.type ?? '') ? new Date(instantFromSerial(value.numberValue, timeZone)) : value.numberValue;
  }
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  return value.stringValue ?? '';
}

const hexUnit = (hex: string, at: number) => parseInt(hex.slice(at, at + 2), 16) / 255;
const colour = (hex: string) => (/^#[0-9a-f]{6}$/i.test(hex) ? { red: hexUnit(hex, 1), green: hexUnit(hex, 3), blue: hexUnit(hex, 5) } : { red: 1, green: 1, blue: 1 });

/** The queue of one batchUpdate, with the time zone date-times are written in. */
export class BatchWriter {
  readonly requests: Request[] = [];
  constructor(readonly timeZone: string) {}
  push(request: Request): void {
    this.requests.push(request);
  }
}

class BatchRange {
  constructor(private sheet: BatchSheet, private row: number, private column: number, private rows: number, private columns: number) {
    if (row < 1 || column < 1 || rows < 1 || columns < 1) throw new Error('The starting row or column of the range is invalid.');
    if (row + rows - 1 > sheet.size.rows || column + columns - 1 > sheet.size.columns) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }

  private grid<T>(read: (cell: CellData | undefined) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.columns }, (_, c) => read(this.sheet.cell(this.row - 1 + r, this.column - 1 + c))));
  }

  getValues(): Cell[][] {
    return this.grid((cell) => cellValue(cell, this.sheet.writer.timeZone));
  }

  getFormulas(): string[][] {
    return this.grid((cell) => cell?.userEnteredValue?.formulaValue ?? '');
  }

  private write(data: readonly unknown[][], fields: string, toCell: (value: unknown) => CellData): this {
    if (data.length !== this.rows || data.some((line) => line.length !== this.columns)) throw new Error('The data does not match the size of the range.');
    this.sheet.writer.push({
      updateCells: {
        start: { sheetId: this.sheet.id, rowIndex: this.row - 1, columnIndex: this.column - 1 },
        rows: data.map((line) => ({ values: line.map(toCell) })),
        fields,
      },
    });
    return this;
  }

  setValues(data: unknown[][]) {
    return this.write(data, 'userEnteredValue,userEnteredFormat.numberFormat', (value) => cellData(value, this.sheet.writer.timeZone));
  }

  setNotes(data: unknown[][]) {
    return this.write(data, 'note', (note) => (note ? { note: cellText(note) } : {}));
  }

  setBackgrounds(data: unknown[][]) {
    return this.write(data, 'userEnteredFormat.backgroundColor', (hex) => ({ userEnteredFormat: { backgroundColor: colour(cellText(hex)) } }));
  }

  /** Linked text: the text kept as text, the link over all of it (none for a value without one). */
  setRichTextValues(data: Array<Array<{ getText(): string; getLinkUrl(): string | null } | null>>) {
    return this.write(data, 'userEnteredValue,textFormatRuns', (value) => {
      const rich = value as { getText(): string; getLinkUrl(): string | null } | null;
      const text = rich?.getText() ?? '';
      const link = rich?.getLinkUrl();
      return {
        userEnteredValue: text ? { stringValue: text } : {},
        ...(text && link ? { textFormatRuns: [{ startIndex: 0, format: { link: { uri: link } } }] } : {}),
      };
    });
  }

  clearContent() {
    this.sheet.writer.push({ updateCells: { range: this.gridRange(), fields: 'userEnteredValue' } });
    return this;
  }

  setDataValidation(rule: { values: string[] }) {
    this.sheet.writer.push({
      setDataValidation: {
        range: this.gridRange(),
        rule: { condition: { type: 'ONE_OF_LIST', values: rule.values.map((v) => ({ userEnteredValue: v })) }, showCustomUi: true, strict: false },
      },
    });
    return this;
  }

  createFilter() {
    return this.sheet.newFilter(this.gridRange());
  }

  gridRange(): GridRange {
    return { sheetId: this.sheet.id, startRowIndex: this.row - 1, endRowIndex: this.row - 1 + this.rows, startColumnIndex: this.column - 1, endColumnIndex: this.column - 1 + this.columns };
  }
}

/** A basic filter: its setBasicFilter request is queued when made and takes criteria until the batch is sent. */
class BatchFilter {
  private specs: FilterSpec[] = [];
  constructor(private sheet: BatchSheet) {}

  static made(sheet: BatchSheet, range: GridRange): BatchFilter {
    const filter = new BatchFilter(sheet);
    sheet.writer.push({ setBasicFilter: { filter: { range, filterSpecs: filter.specs } as BasicFilter } });
    return filter;
  }

  setColumnFilterCriteria(column: number, criteria: { condition: BooleanCondition }) {
    this.specs.push({ columnIndex: column - 1, filterCriteria: { condition: criteria.condition } });
    return this;
  }

  remove() {
    this.sheet.writer.push({ clearBasicFilter: { sheetId: this.sheet.id } });
  }
}

export class BatchSheet {
  readonly size: { rows: number; columns: number };
  private extent: { rows: number; columns: number };

  constructor(readonly writer: BatchWriter, private properties: SheetProperties, private snapshot: Snapshot, private filter: BasicFilter | undefined) {
    this.size = { rows: properties.gridProperties?.rowCount ?? 0, columns: properties.gridProperties?.columnCount ?? 0 };
    let rows = 0;
    let columns = 0;
    snapshot.rows.forEach((line, r) => line?.forEach((cell, c) => {
      if (!hasValue(cell)) return;
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
    }));
    this.extent = { rows, columns };
  }

  get id(): number {
    return this.properties.sheetId ?? 0;
  }

  cell(row: number, column: number): CellData | undefined {
    return this.snapshot.rows[row]?.[column];
  }

  getName() { return this.properties.title ?? ''; }
  getMaxRows() { return this.size.rows; }
  getMaxColumns() { return this.size.columns; }

  getRange(row: number, column: number, rows = 1, columns = 1) {
    return new BatchRange(this, row, column, rows, columns);
  }

  getDataRange() {
    return this.getRange(1, 1, Math.max(this.extent.rows, 1), Math.max(this.extent.columns, 1));
  }

  private append(dimension: 'ROWS' | 'COLUMNS', after: number, count: number) {
    const max = dimension === 'ROWS' ? this.size.rows : this.size.columns;
    if (after !== max || count < 1) throw new Error('Rows and columns are added at the end of a sheet only.');
    this.writer.push({ appendDimension: { sheetId: this.id, dimension, length: count } });
    if (dimension === 'ROWS') this.size.rows += count;
    else this.size.columns += count;
    return this;
  }

  insertRowsAfter(after: number, count: number) { return this.append('ROWS', after, count); }
  insertColumnsAfter(after: number, count: number) { return this.append('COLUMNS', after, count); }

  /** Clears values, notes, formats and rules of the whole sheet. */
  clear() {
    this.writer.push({ updateCells: { range: { sheetId: this.id }, fields: '*' } });
    return this;
  }

  getFilter() {
    return this.filter?.range ? new BatchFilter(this) : null;
  }

  newFilter(range: GridRange): BatchFilter {
    this.filter = { range };
    return BatchFilter.made(this, range);
  }

  private dimension(dimension: 'ROWS' | 'COLUMNS', from: number, count: number, hidden: boolean) {
    this.writer.push({
      updateDimensionProperties: { range: { sheetId: this.id, dimension, startIndex: from - 1, endIndex: from - 1 + count }, properties: { hiddenByUser: hidden }, fields: 'hiddenByUser' },
    });
  }

  hideRows(from: number, count = 1) { this.dimension('ROWS', from, count, true); }
  showRows(from: number, count = 1) { this.dimension('ROWS', from, count, false); }
  hideColumns(from: number, count = 1) { this.dimension('COLUMNS', from, count, true); }
  showColumns(from: number, count = 1) { this.dimension('COLUMNS', from, count, false); }
}

/** The spreadsheet as one get returned it: sheets by title, and its locale. */
export class BatchSpreadsheet {
  constructor(private sheets: ReadonlyMap<string, BatchSheet>, private locale: string) {}
  getSpreadsheetLocale() { return this.locale; }
  getSheetByName(name: string) { return this.sheets.get(name) ?? null; }
  insertSheet(name: string): never {
    throw new Error(`The tab "${name}" is missing; it is made through SpreadsheetApp before a batch.`);
  }
}

/** Builders whose products the batched range takes: plain data, no service call. */
export const batchBuilders = {
  richText: () => {
    let text = '';
    let link: string | null = null;
    const builder = {
      setText: (value: string) => ((text = String(value)), builder),
      setLinkUrl: (url: string | null) => ((link = url), builder),
      // A snapshot, as SpreadsheetApp's builder makes: the builder is reused for the next cell.
      build: () => {
        const [built, url] = [text, link];
        return { getText: () => built, getLinkUrl: () => url };
      },
    };
    return builder;
  },
  validation: () => {
    let values: string[] = [];
    const builder = {
      requireValueInList: (list: string[]) => ((values = [...list].map(String)), builder),
      build: () => ({ values }),
    };
    return builder;
  },
  criteria: () => {
    let condition: BooleanCondition | null = null;
    const text = (type: string) => (value: string) => ((condition = { type, values: [{ userEnteredValue: String(value) }] }), builder);
    const builder = {
      whenTextEqualTo: text('TEXT_EQ'),
      whenTextContains: text('TEXT_CONTAINS'),
      build: () => ({ condition: condition! }),
    };
    return builder;
  },
} as unknown as SheetBuilders;
