// The Sheets advanced service (Sheets API v4) for the local runtime: spreadsheets.get with grid data and
// spreadsheets.batchUpdate with the requests the add-on sends, over the same WorkbookModel as SpreadsheetApp (see FIDELITY.md).
import { instantFromSerial, serialFromInstant } from '../serial-time';
import { enteredCell, isDate } from './spreadsheet-service';
import { SheetModel, type CellModel, type TextCriteria, type WorkbookModel } from './workbook-model';

const MAX_CELL_CHARACTERS = 50_000;

export interface ExtendedValue {
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
  formulaValue?: string;
}

export interface CellData {
  userEnteredValue?: ExtendedValue;
  effectiveValue?: ExtendedValue;
  note?: string;
  hyperlink?: string;
  userEnteredFormat?: { backgroundColor?: Color; numberFormat?: { type: string; pattern?: string } };
  textFormatRuns?: Array<{ startIndex?: number; format?: { link?: { uri?: string } } }>;
}

export interface Color {
  red?: number;
  green?: number;
  blue?: number;
}

export interface GridRange {
  sheetId: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

interface Condition {
  type: string;
  values?: Array<{ userEnteredValue?: string }>;
}

export type Request =
  | { updateCells: { rows?: Array<{ values?: CellData[] }>; fields: string; start?: { sheetId: number; rowIndex?: number; columnIndex?: number }; range?: GridRange } }
  | { appendDimension: { sheetId: number; dimension: 'ROWS' | 'COLUMNS'; length: number } }
  | { updateDimensionProperties: { range: { sheetId: number; dimension: 'ROWS' | 'COLUMNS'; startIndex: number; endIndex: number }; properties: { hiddenByUser?: boolean }; fields: string } }
  | { setDataValidation: { range: GridRange; rule?: { condition: Condition; strict?: boolean; showCustomUi?: boolean } } }
  | { setBasicFilter: { filter: { range: GridRange; filterSpecs?: Array<{ columnIndex: number; filterCriteria?: { condition?: Condition } }> } } }
  | { clearBasicFilter: { sheetId: number } }
  | { createDeveloperMetadata: { developerMetadata: { metadataKey: string; metadataValue?: string; location?: { spreadsheet?: boolean }; visibility?: string } } }
  | { updateDeveloperMetadata: { dataFilters: Array<{ developerMetadataLookup?: { metadataId?: number; metadataKey?: string } }>; developerMetadata: { metadataValue?: string }; fields: string } };

/** What checking a batch keeps between its requests: sheet sizes as the requests so far leave them, the metadata keys, where it is. */
interface Staging {
  sizeOf: (sheet: SheetModel) => { rows: number; columns: number };
  metadata: Record<string, string>;
  where: string;
}

/** A request of each kind, as its body. */
type RequestBody<K extends string> = Extract<Request, Record<K, unknown>> extends Record<K, infer B> ? B : never;
type RequestKind = Request extends infer R ? (R extends Record<infer K, unknown> ? K & string : never) : never;
type Stagers = { [K in RequestKind]: (request: RequestBody<K>, staging: Staging) => () => void };

export interface DeveloperMetadata {
  metadataId: number;
  metadataKey: string;
  metadataValue: string;
  location: { locationType: 'SPREADSHEET'; spreadsheet: true };
  visibility: 'DOCUMENT';
}

const CONDITIONS: Record<string, TextCriteria> = {
  TEXT_EQ: 'textEqualTo', TEXT_NOT_EQ: 'textNotEqualTo', TEXT_CONTAINS: 'textContains', TEXT_NOT_CONTAINS: 'textDoesNotContain',
  TEXT_STARTS_WITH: 'textStartsWith', TEXT_ENDS_WITH: 'textEndsWith',
};
const CONDITION_TYPES = new Map(Object.entries(CONDITIONS).map(([type, criteria]) => [criteria, type]));

/** An error as the API's HTTP 400 reaches an Apps Script caller: thrown with Google's wording. */
const invalid = (message: string) => new Error(`API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests: ${message}`);

const hexByte = (unit: number | undefined) => Math.round(Math.min(1, Math.max(0, unit ?? 0)) * 255).toString(16).padStart(2, '0');
const colorHex = (color: Color) => `#${hexByte(color.red)}${hexByte(color.green)}${hexByte(color.blue)}`;
const hexColor = (hex: string): Color => {
  const [red, green, blue] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return { red, green, blue };
};

/** One sheet's A1 range: a quoted or bare name, optionally `!A1:T` (whole columns when a row is left out). */
function parseRange(book: WorkbookModel, text: string): { sheet: SheetModel; row: number; column: number; rows: number; columns: number } {
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))(?:!([A-Z]+)(\d*)(?::([A-Z]+)(\d*))?)?$/.exec(text);
  const sheet = match && book.sheet((match[1] ?? match[2]).replace(/''/g, "'"));
  if (!match || !sheet) throw new Error(`API call to sheets.spreadsheets.get failed with error: Unable to parse range: ${text}`);
  if (!match[3]) return { sheet, row: 1, column: 1, rows: sheet.maxRows, columns: sheet.maxColumns };
  const column = columnNumber(match[3]);
  const row = match[4] ? Number(match[4]) : 1;
  const lastColumn = Math.min(match[5] ? columnNumber(match[5]) : column, sheet.maxColumns);
  const lastRow = Math.min(match[6] ? Number(match[6]) : match[5] || !match[4] ? sheet.maxRows : row, sheet.maxRows);
  return { sheet, row, column, rows: Math.max(0, lastRow - row + 1), columns: Math.max(0, lastColumn - column + 1) };
}

const columnNumber = (letters: string) => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

export class SheetsApi {
  private ids = new WeakMap<SheetModel, number>();
  private nextId = 0;

  constructor(private book: WorkbookModel, private spreadsheetId: () => string, private metadata: () => Record<string, string>, private timeZone: string) {}

  /** A sheet's id: stable for the runtime's life (Google's are stable for the sheet's). */
  sheetId(sheet: SheetModel): number {
    let id = this.ids.get(sheet);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(sheet, id);
    }
    return id;
  }

  private sheetById(id: number): SheetModel {
    const sheet = this.book.sheets.find((s) => this.sheetId(s) === id);
    if (!sheet) throw invalid(`No grid with id: ${id}`);
    return sheet;
  }

  private checkId(id: unknown, method: string): void {
    if (id !== this.spreadsheetId()) throw new Error(`API call to sheets.spreadsheets.${method} failed with error: Requested entity was not found.`);
  }

  private developerMetadata(): DeveloperMetadata[] {
    return Object.entries(this.metadata()).map(([metadataKey, metadataValue], i) => ({
      metadataId: i + 1, metadataKey, metadataValue, location: { locationType: 'SPREADSHEET', spreadsheet: true }, visibility: 'DOCUMENT',
    }));
  }

  /** spreadsheets.get: the spreadsheet's properties, its sheets' properties, and the grid data of the ranges asked for. */
  get(spreadsheetId: string, options: { ranges?: string[]; includeGridData?: boolean; fields?: string } = {}) {
    this.checkId(spreadsheetId, 'get');
    const ranges = (options.ranges ?? []).map((text) => parseRange(this.book, String(text)));
    // With ranges, only the sheets they intersect come back (as Google documents); fields masks are not applied here.
    const asked = ranges.length ? this.book.sheets.filter((sheet) => ranges.some((r) => r.sheet === sheet)) : this.book.sheets;
    const sheets = asked.map((sheet) => {
      const data = options.includeGridData || options.fields ? ranges.filter((r) => r.sheet === sheet).map((r) => this.gridData(r)) : undefined;
      return { properties: this.sheetProperties(sheet), ...(sheet.filter ? { basicFilter: this.basicFilter(sheet) } : {}), ...(data ? { data } : {}) };
    });
    return {
      spreadsheetId,
      properties: { title: 'Annotera (lokalt)', locale: this.book.locale, timeZone: this.timeZone },
      sheets,
      developerMetadata: this.developerMetadata(),
    };
  }

  private sheetProperties(sheet: SheetModel) {
    return {
      sheetId: this.sheetId(sheet), title: sheet.name, index: this.book.sheets.indexOf(sheet), sheetType: 'GRID', hidden: sheet.hidden,
      gridProperties: { rowCount: sheet.maxRows, columnCount: sheet.maxColumns, frozenRowCount: sheet.frozenRows },
    };
  }

  private basicFilter(sheet: SheetModel) {
    const f = sheet.filter!;
    return {
      range: { sheetId: this.sheetId(sheet), startRowIndex: f.row - 1, endRowIndex: f.row - 1 + f.rows, startColumnIndex: f.column - 1, endColumnIndex: f.column - 1 + f.columns },
      filterSpecs: Object.entries(f.criteria).map(([column, criteria]) => ({
        columnIndex: Number(column) - 1,
        filterCriteria: { condition: { type: CONDITION_TYPES.get(criteria.type), values: [{ userEnteredValue: criteria.value }] } },
      })),
    };
  }

  /** Rows from the range's start; trailing empty rows and cells are left out, as Google leaves them out. */
  private gridData(range: ReturnType<typeof parseRange>) {
    const rowData: Array<{ values?: CellData[] }> = [];
    for (let r = 0; r < range.rows; r += 1) {
      const values: CellData[] = [];
      for (let c = 0; c < range.columns; c += 1) values.push(this.cellData(range.sheet.get(range.row + r, range.column + c)));
      while (values.length && !Object.keys(values[values.length - 1]).length) values.pop();
      rowData.push(values.length ? { values } : {});
    }
    while (rowData.length && !rowData[rowData.length - 1].values) rowData.pop();
    return { startRow: range.row - 1, startColumn: range.column - 1, rowData };
  }

  private cellData(cell: CellModel | undefined): CellData {
    if (!cell) return {};
    const data: CellData = {};
    const value = cell.value;
    if (cell.formula) data.userEnteredValue = { formulaValue: cell.formula };
    else if (isDate(value)) {
      const serial = serialFromInstant(value.getTime(), this.timeZone);
      data.userEnteredValue = { numberValue: serial };
      data.effectiveValue = { numberValue: serial };
      data.userEnteredFormat = { numberFormat: { type: 'DATE_TIME' } };
    } else if (value !== '') {
      const extended: ExtendedValue = typeof value === 'number' ? { numberValue: value } : typeof value === 'boolean' ? { boolValue: value } : { stringValue: value };
      data.userEnteredValue = extended;
      data.effectiveValue = extended;
    }
    if (cell.note) data.note = cell.note;
    if (cell.background) data.userEnteredFormat = { ...data.userEnteredFormat, backgroundColor: hexColor(cell.background) };
    if (cell.link) {
      data.hyperlink = cell.link;
      data.textFormatRuns = [{ startIndex: 0, format: { link: { uri: cell.link } } }];
    }
    return data;
  }

  /** spreadsheets.batchUpdate: every request is checked before any is applied, so a bad one changes nothing. */
  batchUpdate(resource: { requests?: Request[] }, spreadsheetId: string) {
    this.checkId(spreadsheetId, 'batchUpdate');
    const requests = resource?.requests ?? [];
    if (!Array.isArray(requests)) throw invalid('requests must be a list');
    const staged = this.stage(requests);
    for (const apply of staged) apply();
    this.book.touch();
    return { spreadsheetId, replies: requests.map(() => ({})) };
  }

  /** Checks each request against the sheet as the requests before it leave it, and returns the changes to make. */
  private stage(requests: readonly Request[]): Array<() => void> {
    const sizes = new Map(this.book.sheets.map((s) => [s, { rows: s.maxRows, columns: s.maxColumns }]));
    const staging: Staging = { sizeOf: (sheet) => sizes.get(sheet)!, metadata: { ...this.metadata() }, where: '' };
    return requests.map((request, i) => {
      staging.where = `requests[${i}]`;
      const kind = Object.keys(request)[0] as keyof Stagers;
      const stager = this.stagers[kind] as ((r: unknown, s: Staging) => () => void) | undefined;
      if (!stager) throw invalid(`${staging.where}: the local runtime does not know the request ${Object.keys(request).join(', ')}`);
      return stager((request as Record<string, unknown>)[kind], staging);
    });
  }

  /** One stager per kind of request: it checks the request and returns the change to make. */
  private readonly stagers: Stagers = {
    updateCells: (r, { sizeOf, where }) => this.stageCells(r, sizeOf, where),
    appendDimension: ({ sheetId, dimension, length }, { sizeOf, where }) => {
      const sheet = this.sheetById(sheetId);
      if (!Number.isInteger(length) || length < 1) throw invalid(`${where}.appendDimension: length must be at least 1`);
      const size = sizeOf(sheet);
      if (dimension === 'ROWS') size.rows += length;
      else size.columns += length;
      return () => {
        if (dimension === 'ROWS') sheet.maxRows += length;
        else sheet.maxColumns += length;
      };
    },
    updateDimensionProperties: ({ range, properties }, { sizeOf, where }) => {
      const sheet = this.sheetById(range.sheetId);
      const rows = range.dimension === 'ROWS';
      if (range.startIndex < 0 || range.endIndex > (rows ? sizeOf(sheet).rows : sizeOf(sheet).columns) || range.endIndex <= range.startIndex) {
        throw invalid(`${where}.updateDimensionProperties: the range is outside the grid`);
      }
      return () => {
        const set = rows ? sheet.hiddenRows : sheet.hiddenColumns;
        for (let k = range.startIndex + 1; k <= range.endIndex; k += 1) {
          if (properties.hiddenByUser) set.add(k);
          else set.delete(k);
        }
      };
    },
    setDataValidation: ({ range, rule }, { sizeOf, where }) => {
      const sheet = this.sheetById(range.sheetId);
      const box = this.box(range, sizeOf(sheet), where);
      if (rule && rule.condition.type !== 'ONE_OF_LIST') throw invalid(`${where}.setDataValidation: the local runtime knows only ONE_OF_LIST`);
      const values = (rule?.condition.values ?? []).map((v) => String(v.userEnteredValue ?? ''));
      return () => {
        for (let r = box.row; r < box.row + box.rows; r += 1) {
          for (let c = box.column; c < box.column + box.columns; c += 1) {
            if (rule) sheet.validations.set(SheetModel.key(r, c), values);
            else sheet.validations.delete(SheetModel.key(r, c));
          }
        }
      };
    },
    setBasicFilter: ({ filter: { range, filterSpecs = [] } }, { sizeOf, where }) => {
      const sheet = this.sheetById(range.sheetId);
      const box = this.box(range, sizeOf(sheet), where);
      const criteria: Record<number, { type: TextCriteria; value: string }> = {};
      for (const spec of filterSpecs) {
        const condition = spec.filterCriteria?.condition;
        if (!condition) continue;
        const type = CONDITIONS[condition.type];
        if (!type) throw invalid(`${where}.setBasicFilter: the local runtime knows only text conditions`);
        if (spec.columnIndex < box.column - 1 || spec.columnIndex >= box.column - 1 + box.columns) throw invalid(`${where}.setBasicFilter: the column is outside the filter range`);
        criteria[spec.columnIndex + 1] = { type, value: String(condition.values?.[0]?.userEnteredValue ?? '') };
      }
      return () => {
        sheet.filter = { row: box.row, column: box.column, rows: box.rows, columns: box.columns, criteria };
      };
    },
    clearBasicFilter: ({ sheetId }) => {
      const sheet = this.sheetById(sheetId);
      return () => {
        sheet.filter = null;
      };
    },
    createDeveloperMetadata: ({ developerMetadata: { metadataKey, metadataValue = '' } }, { metadata, where }) => {
      if (!metadataKey || metadata[metadataKey] !== undefined) throw invalid(`${where}.createDeveloperMetadata: the local runtime keeps one entry per key`);
      metadata[metadataKey] = String(metadataValue);
      return () => {
        this.metadata()[metadataKey] = String(metadataValue);
      };
    },
    updateDeveloperMetadata: ({ dataFilters, developerMetadata }, { where }) => {
      const known = this.developerMetadata();
      const keys = dataFilters.flatMap((f) => known.filter((m) => m.metadataId === f.developerMetadataLookup?.metadataId || m.metadataKey === f.developerMetadataLookup?.metadataKey)).map((m) => m.metadataKey);
      if (!keys.length) throw invalid(`${where}.updateDeveloperMetadata: no developer metadata matches the data filters`);
      return () => {
        for (const key of keys) this.metadata()[key] = String(developerMetadata.metadataValue ?? '');
      };
    },
  };

  /** A grid range as 1-based row, column and extent; the whole sheet where indices are left out. */
  private box(range: GridRange, size: { rows: number; columns: number }, where: string) {
    const row = (range.startRowIndex ?? 0) + 1;
    const column = (range.startColumnIndex ?? 0) + 1;
    const endRow = range.endRowIndex ?? size.rows;
    const endColumn = range.endColumnIndex ?? size.columns;
    if (row < 1 || column < 1 || endRow > size.rows || endColumn > size.columns || endRow < row - 1 || endColumn < column - 1) {
      throw invalid(`${where}: the range ${JSON.stringify(range)} is outside the grid (${size.rows} × ${size.columns})`);
    }
    return { row, column, rows: endRow - row + 1, columns: endColumn - column + 1 };
  }

  private stageCells(request: RequestBody<'updateCells'>, sizeOf: (s: SheetModel) => { rows: number; columns: number }, where: string): () => void {
    const fields = String(request.fields ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    if (!fields.length) throw invalid(`${where}.updateCells: fields is required`);
    const sheetId = request.start?.sheetId ?? request.range?.sheetId;
    if (sheetId === undefined) throw invalid(`${where}.updateCells: start or range is required`);
    const sheet = this.sheetById(sheetId);
    const size = sizeOf(sheet);
    const rows = request.rows ?? [];
    const row = (request.start?.rowIndex ?? request.range?.startRowIndex ?? 0) + 1;
    const column = (request.start?.columnIndex ?? request.range?.startColumnIndex ?? 0) + 1;
    const width = Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
    const box = request.range ? this.box(request.range, size, where) : { row, column, rows: rows.length, columns: width };
    if (box.row + Math.max(box.rows, rows.length) - 1 > size.rows || box.column + Math.max(box.columns, width) - 1 > size.columns) {
      throw invalid(`${where}.updateCells: the cells reach beyond the grid (${size.rows} × ${size.columns})`);
    }
    const all = fields.includes('*');
    const has = (field: string) => all || fields.some((f) => f === field || field.startsWith(`${f}.`));
    const cells = rows.map((r) => (r.values ?? []).map((data) => this.checkedCell(data, has, where)));
    return () => {
      for (let r = 0; r < Math.max(box.rows, cells.length); r += 1) {
        for (let c = 0; c < Math.max(box.columns, cells[r]?.length ?? 0); c += 1) {
          const key = SheetModel.key(box.row + r, box.column + c);
          const next = cells[r]?.[c] ?? {};
          const old = sheet.cells.get(key) ?? { value: '' };
          sheet.set(box.row + r, box.column + c, merged(old, next, has));
          if (all && !cells[r]?.[c]) sheet.validations.delete(key);
        }
      }
    };
  }

  /** CellData as the model's cell, checked: a string is kept as text, never parsed; a formula stays a formula. */
  private checkedCell(data: CellData, has: (field: string) => boolean, where: string): Partial<CellModel> & { value?: CellModel['value'] } {
    const cell: Partial<CellModel> & { value?: CellModel['value'] } = {};
    if (has('userEnteredValue')) {
      const v = data.userEnteredValue ?? {};
      const dated = data.userEnteredFormat?.numberFormat && /DATE|TIME/.test(data.userEnteredFormat.numberFormat.type);
      if (typeof v.stringValue === 'string') {
        if (v.stringValue.length > MAX_CELL_CHARACTERS) throw invalid(`${where}.updateCells: Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
        cell.value = v.stringValue;
        cell.quotePrefix = v.stringValue !== '' && !sameAsTyped(v.stringValue, this.book.locale);
      } else if (typeof v.numberValue === 'number') {
        cell.value = dated ? new Date(instantFromSerial(v.numberValue, this.timeZone)) : v.numberValue;
      } else if (typeof v.boolValue === 'boolean') cell.value = v.boolValue;
      else if (typeof v.formulaValue === 'string') {
        cell.value = '';
        cell.formula = v.formulaValue;
      } else cell.value = '';
    }
    if (has('note')) cell.note = data.note || undefined;
    if (has('userEnteredFormat.backgroundColor')) {
      const color = data.userEnteredFormat?.backgroundColor;
      cell.background = color && colorHex(color) !== '#ffffff' ? colorHex(color) : undefined;
    }
    if (has('textFormatRuns')) cell.link = data.textFormatRuns?.find((run) => run.format?.link?.uri)?.format?.link?.uri || undefined;
    return cell;
  }
}

/** True when a string typed as it is would stay this very string (so it needs no quote prefix to stay text). */
function sameAsTyped(text: string, locale: string): boolean {
  const typed = enteredCell(text, locale);
  return typed.value === text && !typed.formula;
}

/** The old cell with the fields the request names replaced. */
function merged(old: CellModel, next: Partial<CellModel>, has: (field: string) => boolean): CellModel {
  const cell: CellModel = { ...old };
  if (has('userEnteredValue')) {
    cell.value = next.value ?? '';
    cell.formula = next.formula;
    cell.quotePrefix = next.quotePrefix;
    if (!has('textFormatRuns')) cell.link = undefined;
  }
  if (has('note')) cell.note = next.note;
  if (has('userEnteredFormat.backgroundColor')) cell.background = next.background;
  if (has('textFormatRuns')) cell.link = next.link;
  for (const key of Object.keys(cell) as Array<keyof CellModel>) if (cell[key] === undefined) delete cell[key];
  return cell;
}
