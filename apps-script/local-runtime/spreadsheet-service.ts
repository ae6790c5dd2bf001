// SpreadsheetApp for the local runtime, over a WorkbookModel, behaving as Google documents it (see FIDELITY.md).
import { isRichTextValue, richTextValue, richTextValueBuilder, type RichTextValue } from './rich-text';
import { SheetModel, WorkbookModel, type CellModel, type FilterCriteriaModel, type SelectionModel, type TextCriteria, type Value } from './workbook-model';

const MAX_CELL_CHARACTERS = 50_000;
/** The one spreadsheet the local runtime serves. */
export const LOCAL_SPREADSHEET_ID = '1AnnoteraLocalRuntimeSpreadsheet';

/** A note or colour handed to the service, as the text Google would take from it. */
const cellString = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value) ?? '';

export const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/** Locales whose decimal separator is a comma (and whose digit groups are separated by a space). */
const COMMA_DECIMAL = /^(?:sv|de|fr|fi|nb|no|nn|da|es|it|nl|pt|pl|ru|cs|sk|hu|et|lv|lt|is|tr|uk|ro|hr|sl|bg|el|id|ca|eu|gl)(?:_|$)/;

/** A number typed in the locale's own way (decimal comma and space-grouped thousands in sv_SE; dot and comma groups in en), else null. */
export function typedNumber(text: string, locale: string): number | null {
  const comma = COMMA_DECIMAL.test(locale);
  const grouped = comma ? /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$/ : /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
  const match = grouped.exec(text) ?? (comma ? /^([+-]?)(\d*),(\d+)$/ : /^([+-]?)(\d*)\.(\d+)$/).exec(text);
  const scientific = (comma ? /^[+-]?\d+(?:,\d+)?e[+-]?\d+$/i : /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i).test(text);
  if (!match && !scientific) return null;
  const number = scientific ? Number(text.replace(',', '.')) : Number(`${match![1]}${match![2].replace(/[^\d]/g, '') || '0'}.${match![3] ?? '0'}`);
  return Number.isFinite(number) ? number + 0 : null;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A date (and time) typed as ISO (every locale), or as d/m/y (en_GB) or m/d/y (en_US); impossible dates stay text. */
export function typedDate(text: string, locale: string): Date | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  let parts: number[];
  if (iso) parts = iso.slice(1).map((p) => Number(p ?? 0));
  else if (slashed && /^en_US$/.test(locale)) parts = [+slashed[3], +slashed[1], +slashed[2], 0, 0, 0];
  else if (slashed && /^en_/.test(locale)) parts = [+slashed[3], +slashed[2], +slashed[1], 0, 0, 0];
  else return null;
  const [year, month, day, hours, minutes, seconds] = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hours > 23 || minutes > 59 || seconds > 59) return null;
  const date = new Date(Date.UTC(2000, month - 1, day, hours, minutes, seconds));
  date.setUTCFullYear(year);
  return date;
}

/**
 * A value as setValues stores it: strings are read as if typed into the cell ("USER_ENTERED") in the spreadsheet's
 * locale: "=…" (and "+…" / "-…" that are not numbers) become formulas, numbers and dates become numbers and dates,
 * TRUE/FALSE become booleans, and a leading apostrophe keeps the rest as text.
 */
export function enteredCell(input: unknown, locale = 'sv_SE'): CellModel {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  const text = typeof input === 'string' ? input : JSON.stringify(input) ?? '';
  if (text.length > MAX_CELL_CHARACTERS) {
    throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
  }
  if (text.startsWith("'")) return { value: text.slice(1), quotePrefix: true };
  const number = typedNumber(text.trim(), locale);
  if (number !== null) return { value: number };
  if (/^[=+-]/.test(text) && text.length > 1) return { value: '', formula: text.startsWith('=') ? text : `=${text}` };
  if (/^(?:true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  const date = typedDate(text.trim(), locale);
  return { value: date ?? text };
}

export interface ServiceHooks {
  /** Dates handed to the add-on must be of its own realm. */
  makeDate(time: number): unknown;
  /** A sidebar or dialog the add-on showed. */
  shown(kind: string, html: string, title: string): void;
  /** The web app's address, when the runtime serves one. */
  url(): string;
}

class FilterCriteria {
  constructor(readonly model: FilterCriteriaModel) {}
}

class FilterCriteriaBuilder {
  private model: FilterCriteriaModel | null = null;
  private text(type: TextCriteria, value: string) {
    this.model = { type, value: String(value) };
    return this;
  }
  whenTextEqualTo(value: string) { return this.text('textEqualTo', value); }
  whenTextNotEqualTo(value: string) { return this.text('textNotEqualTo', value); }
  whenTextContains(value: string) { return this.text('textContains', value); }
  whenTextDoesNotContain(value: string) { return this.text('textDoesNotContain', value); }
  whenTextStartsWith(value: string) { return this.text('textStartsWith', value); }
  whenTextEndsWith(value: string) { return this.text('textEndsWith', value); }
  build() {
    if (!this.model) throw new Error('The filter criteria are empty.');
    return new FilterCriteria(this.model);
  }
}

class DataValidation {
  constructor(readonly values: string[]) {}
}

class DataValidationBuilder {
  private values: string[] = [];
  requireValueInList(values: string[]) {
    this.values = [...values].map(String);
    return this;
  }
  build() {
    return new DataValidation(this.values);
  }
}

class Filter {
  constructor(private sheet: SheetModel, private book: WorkbookModel, private hooks: ServiceHooks) {}
  private get model() {
    if (this.sheet.filter === null) throw new Error('This filter has been removed.');
    return this.sheet.filter;
  }
  setColumnFilterCriteria(column: number, criteria: FilterCriteria) {
    const model = this.model;
    if (column < model.column || column >= model.column + model.columns) throw new Error('The column is outside the filter range.');
    model.criteria[column] = criteria.model;
    this.book.touch();
    return this;
  }
  removeColumnFilterCriteria(column: number) {
    delete this.model.criteria[column];
    this.book.touch();
    return this;
  }
  remove() {
    this.sheet.filter = null;
    this.book.touch();
  }
  getRange() {
    const m = this.model;
    return new Range(this.sheet, this.book, m.row, m.column, m.rows, m.columns, this.hooks);
  }
}

export class Range {
  constructor(
    private sheet: SheetModel,
    private book: WorkbookModel,
    private row: number,
    private column: number,
    private rows: number,
    private columns: number,
    private hooks: ServiceHooks,
  ) {
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1) throw new Error('The starting row or column of the range is invalid.');
    if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 1 || columns < 1) throw new Error('The number of rows or columns in the range must be at least 1.');
    if (row + rows - 1 > sheet.maxRows || column + columns - 1 > sheet.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  getSheet() { return new Sheet(this.sheet, this.book, this.hooks); }
  getA1Notation() { return a1(this.row, this.column, this.rows, this.columns); }
  /** The range as a selection; a getter, so reading it is no service call. */
  get selectionModel(): SelectionModel { return { sheet: this.sheet.name, row: this.row, column: this.column, rows: this.rows, columns: this.columns }; }
  /** Selects this range, as a click or Range.activate() does. */
  activate() {
    this.book.selection = this.selectionModel;
    return this;
  }
  getRow() { return this.row; }
  getColumn() { return this.column; }
  getNumRows() { return this.rows; }
  getNumColumns() { return this.columns; }
  getLastRow() { return this.row + this.rows - 1; }
  getLastColumn() { return this.column + this.columns - 1; }

  private grid<T>(read: (cell: CellModel | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r += 1) {
      const line: T[] = [];
      for (let c = 0; c < this.columns; c += 1) line.push(read(this.sheet.get(this.row + r, this.column + c)));
      out.push(line);
    }
    return out;
  }

  private checkShape(data: unknown): unknown[][] {
    if (!Array.isArray(data) || data.some((line) => !Array.isArray(line))) throw new Error('The parameters (String) don\'t match the method signature.');
    if (data.length !== this.rows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.rows}.`);
    }
    for (const line of data as unknown[][]) {
      if (line.length !== this.columns) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.columns}.`);
      }
    }
    return data as unknown[][];
  }

  private each(data: unknown[][], write: (row: number, column: number, input: unknown) => void) {
    data.forEach((line, r) => line.forEach((input, c) => write(this.row + r, this.column + c, input)));
    this.book.touch();
  }

  getValues(): Value[][] {
    return this.grid((cell) => {
      if (!cell || cell.formula) return '';
      return isDate(cell.value) ? (this.hooks.makeDate(cell.value.getTime()) as Date) : cell.value;
    });
  }

  getFormulas(): string[][] {
    return this.grid((cell) => cell?.formula ?? '');
  }

  getNotes(): string[][] {
    return this.grid((cell) => cell?.note ?? '');
  }

  getBackgrounds(): string[][] {
    return this.grid((cell) => cell?.background ?? '#ffffff');
  }

  getValue(): Value {
    return this.getValues()[0][0];
  }

  setValue(value: unknown) {
    return this.setValues(Array.from({ length: this.rows }, () => Array.from({ length: this.columns }, () => value)));
  }

  setValues(data: unknown) {
    const rows = this.checkShape(data);
    const cells = rows.map((line) => line.map((input) => enteredCell(input, this.book.locale))); // all or nothing: a bad cell changes nothing
    this.each(cells, (row, column, cell) => {
      const old = this.sheet.get(row, column);
      this.sheet.set(row, column, { ...(cell as CellModel), note: old?.note, background: old?.background });
    });
    return this;
  }

  /** Rich text is written as text (never parsed as a formula or number), keeping notes and colours. */
  setRichTextValues(data: unknown) {
    const rows = this.checkShape(data);
    if (rows.some((line) => line.some((value) => value !== null && !isRichTextValue(value)))) {
      throw new Error("The parameters (RichTextValue[][]) don't match the method signature.");
    }
    this.each(rows, (row, column, value) => {
      const old = this.sheet.get(row, column);
      const rich = value as RichTextValue | null;
      const text = rich?.text ?? '';
      if (text.length > MAX_CELL_CHARACTERS) throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
      this.sheet.set(row, column, { value: text, link: rich?.link ?? undefined, note: old?.note, background: old?.background });
    });
    return this;
  }

  getRichTextValues(): RichTextValue[][] {
    return this.grid((cell) => richTextValue(cell && !cell.formula ? this.displayText(cell) : '', cell?.link ?? null));
  }

  private displayText(cell: CellModel): string {
    return isDate(cell.value) ? cell.value.toISOString() : String(cell.value);
  }

  /** Clears values and formulas, keeping notes and colours. */
  clearContent() {
    this.each(this.grid((cell) => cell), (row, column) => {
      const old = this.sheet.get(row, column);
      this.sheet.set(row, column, old ? { value: '', note: old.note, background: old.background } : undefined);
    });
    return this;
  }

  setNotes(data: unknown) {
    this.each(this.checkShape(data), (row, column, note) => {
      const old = this.sheet.get(row, column) ?? { value: '' };
      this.sheet.set(row, column, { ...old, note: note ? cellString(note) : undefined });
    });
    return this;
  }

  setBackgrounds(data: unknown) {
    this.each(this.checkShape(data), (row, column, color) => {
      const old = this.sheet.get(row, column) ?? { value: '' };
      this.sheet.set(row, column, { ...old, background: color ? cellString(color) : undefined });
    });
    return this;
  }

  setDataValidation(rule: DataValidation) {
    for (let r = 0; r < this.rows; r += 1) {
      for (let c = 0; c < this.columns; c += 1) this.sheet.validations.set(SheetModel.key(this.row + r, this.column + c), rule.values);
    }
    this.book.touch();
    return this;
  }

  createFilter() {
    if (this.sheet.filter) throw new Error("You can't create a filter in a sheet that already has a filter.");
    this.sheet.filter = { row: this.row, column: this.column, rows: this.rows, columns: this.columns, criteria: {} };
    this.book.touch();
    return new Filter(this.sheet, this.book, this.hooks);
  }
}

export class Sheet {
  constructor(readonly model: SheetModel, private book: WorkbookModel, private hooks: ServiceHooks) {}

  getName() { return this.model.name; }
  getSheetName() { return this.model.name; }
  /** Makes this the active sheet: its selected range stays, else A1 is selected. */
  activate() { return (activeRange(this.book, this.hooks, this.model) ?? this.getRange(1, 1)).activate().getSheet(); }
  /** The selected range when this sheet is the active one, else null (as Sheet.getActiveRange documents). */
  getActiveRange() { return activeRange(this.book, this.hooks, this.model); }
  setActiveRange(range: Range) { return range.activate(); }
  getMaxRows() { return this.model.maxRows; }
  getMaxColumns() { return this.model.maxColumns; }
  getLastRow() { return this.model.extent().rows; }
  getLastColumn() { return this.model.extent().columns; }
  getFrozenRows() { return this.model.frozenRows; }

  getRange(row: number, column: number, rows = 1, columns = 1) {
    return new Range(this.model, this.book, row, column, rows, columns, this.hooks);
  }

  getDataRange() {
    const { rows, columns } = this.model.extent();
    return this.getRange(1, 1, Math.max(rows, 1), Math.max(columns, 1));
  }

  private change<T>(work: () => T): T {
    const result = work();
    this.book.touch();
    return result;
  }

  insertRowsAfter(after: number, count: number) {
    if (after < 0 || after > this.model.maxRows || count < 1) throw new Error('Those rows are out of bounds.');
    if (after !== this.model.maxRows) throw new Error('The local runtime only inserts rows at the end of a sheet.');
    return this.change(() => { this.model.maxRows += count; return this; });
  }

  insertColumnsAfter(after: number, count: number) {
    if (after !== this.model.maxColumns || count < 1) throw new Error('The local runtime only inserts columns at the end of a sheet.');
    return this.change(() => { this.model.maxColumns += count; return this; });
  }

  setFrozenRows(rows: number) {
    return this.change(() => { this.model.frozenRows = rows; return this; });
  }

  private span(from: number, count: number, max: number) {
    if (from < 1 || count < 1 || from + count - 1 > max) throw new Error('Those rows are out of bounds.');
    return Array.from({ length: count }, (_, i) => from + i);
  }

  hideRows(from: number, count = 1) { this.change(() => this.span(from, count, this.model.maxRows).forEach((r) => this.model.hiddenRows.add(r))); }
  showRows(from: number, count = 1) { this.change(() => this.span(from, count, this.model.maxRows).forEach((r) => this.model.hiddenRows.delete(r))); }
  hideColumns(from: number, count = 1) { this.change(() => this.span(from, count, this.model.maxColumns).forEach((c) => this.model.hiddenColumns.add(c))); }
  showColumns(from: number, count = 1) { this.change(() => this.span(from, count, this.model.maxColumns).forEach((c) => this.model.hiddenColumns.delete(c))); }
  isRowHiddenByUser(row: number) { return this.model.hiddenRows.has(row); }
  isColumnHiddenByUser(column: number) { return this.model.hiddenColumns.has(column); }
  isRowHiddenByFilter(row: number) { return this.model.isHiddenByFilter(row); }

  clear() {
    return this.change(() => {
      this.model.cells.clear();
      this.model.validations.clear();
      return this;
    });
  }

  hideSheet() { return this.change(() => { this.model.hidden = true; return this; }); }
  showSheet() { return this.change(() => { this.model.hidden = false; return this; }); }
  isSheetHidden() { return this.model.hidden; }

  getFilter() {
    return this.model.filter ? new Filter(this.model, this.book, this.hooks) : null;
  }
}

/** A1 notation of a range, e.g. B2 or B2:D5. */
export function a1(row: number, column: number, rows = 1, columns = 1): string {
  const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  const corner = (r: number, c: number) => `${letters(c)}${r}`;
  return rows === 1 && columns === 1 ? corner(row, column) : `${corner(row, column)}:${corner(row + rows - 1, column + columns - 1)}`;
}

const activeSheet = (book: WorkbookModel): SheetModel | undefined =>
  (book.selection && book.sheet(book.selection.sheet)) || book.sheets[0];

/** The selected range (on `on` only when the selection is there); null when nothing is selected or it no longer fits. */
function activeRange(book: WorkbookModel, hooks: ServiceHooks, on?: SheetModel): Range | null {
  const s = book.selection;
  const sheet = s && book.sheet(s.sheet);
  if (!s || !sheet || (on && on !== sheet) || s.row + s.rows - 1 > sheet.maxRows || s.column + s.columns - 1 > sheet.maxColumns) return null;
  return new Range(sheet, book, s.row, s.column, s.rows, s.columns, hooks);
}

class Selection {
  constructor(private spreadsheet: Spreadsheet) {}
  getActiveRange() { return this.spreadsheet.getActiveRange(); }
  getCurrentCell() { return this.spreadsheet.getCurrentCell(); }
  getActiveSheet() { return this.spreadsheet.getActiveSheet(); }
}

class Spreadsheet {
  constructor(private book: WorkbookModel, private hooks: ServiceHooks) {}

  /** The active sheet: the selected one, else the first. */
  getActiveSheet() {
    const model = activeSheet(this.book);
    return model ? new Sheet(model, this.book, this.hooks) : null;
  }
  /** The selected range, or null when nothing is selected. */
  getActiveRange() { return activeRange(this.book, this.hooks); }
  getCurrentCell() {
    const range = activeRange(this.book, this.hooks);
    return range && range.getSheet().getRange(range.getRow(), range.getColumn());
  }
  getSelection() { return new Selection(this); }
  setActiveSheet(sheet: Sheet) { return sheet.activate(); }
  /** Selects a range (as a user's click would); the selection is not part of the workbook's content. */
  setActiveRange(range: Range) { return range.activate(); }

  getName() { return 'Annotera (lokalt)'; }
  /** The spreadsheet's id, as the Sheets advanced service takes it. */
  getId() { return LOCAL_SPREADSHEET_ID; }
  /** The local view of the workbook stands in for the spreadsheet's address. */
  getUrl() { return this.hooks.url().replace(/exec$/, ''); }
  getSpreadsheetLocale() { return this.book.locale; }
  getSheets() { return this.book.sheets.map((s) => new Sheet(s, this.book, this.hooks)); }

  getSheetByName(name: string) {
    const model = this.book.sheet(String(name));
    return model ? new Sheet(model, this.book, this.hooks) : null;
  }

  insertSheet(name: string) {
    if (this.book.sheet(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const model = new SheetModel(name);
    this.book.sheets.push(model);
    this.book.touch();
    return new Sheet(model, this.book, this.hooks);
  }
}

/** A menu item as the add-on registered it: a caption and the top-level function it runs; or a separator or a sub-menu. */
export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; items: MenuEntry[] };

export interface MenuModel {
  title: string;
  /** Made by createAddonMenu (shown under Extensions in Sheets) rather than createMenu. */
  addon: boolean;
  items: MenuEntry[];
}

class Menu {
  readonly items: MenuEntry[] = [];
  constructor(private title: string, private addon: boolean, private onAdd: (menu: MenuModel) => void) {}
  addItem(caption: string, functionName: string) { this.items.push({ caption: String(caption), functionName: String(functionName) }); return this; }
  addSeparator() { this.items.push({ separator: true }); return this; }
  addSubMenu(menu: Menu) { this.items.push({ caption: menu.title, items: menu.items }); return this; }
  addToUi() { this.onAdd({ title: this.title, addon: this.addon, items: this.items }); }
}

class Ui {
  /** The menus added to the UI, by title (an add-on menu under its add-on's name). */
  menus = new Map<string, MenuModel>();
  constructor(private hooks: ServiceHooks) {}
  private add = (menu: MenuModel) => { this.menus.set(menu.title, menu); };
  createMenu(title: string) { return new Menu(String(title), false, this.add); }
  /** An add-on's menu sits under Extensions, named after the add-on (the script project: Annotera). */
  createAddonMenu() { return new Menu('Annotera', true, this.add); }
  showSidebar(output: { getContent(): string; getTitle(): string }) { this.hooks.shown('sidebar', output.getContent(), output.getTitle()); }
  showModalDialog(output: { getContent(): string }, title: string) { this.hooks.shown('dialog', output.getContent(), title); }
  showModelessDialog(output: { getContent(): string }, title: string) { this.hooks.shown('dialog', output.getContent(), title); }
}

export function createSpreadsheetApp(book: WorkbookModel, hooks: ServiceHooks) {
  const spreadsheet = new Spreadsheet(book, hooks);
  const ui = new Ui(hooks);
  return {
    getActiveSpreadsheet: () => spreadsheet,
    getActive: () => spreadsheet,
    getActiveSheet: () => spreadsheet.getActiveSheet(),
    getActiveRange: () => spreadsheet.getActiveRange(),
    getCurrentCell: () => spreadsheet.getCurrentCell(),
    getSelection: () => spreadsheet.getSelection(),
    setActiveSheet: (sheet: Sheet) => spreadsheet.setActiveSheet(sheet),
    setActiveRange: (range: Range) => spreadsheet.setActiveRange(range),
    getUi: () => ui,
    /** Changes apply at once here; the call counter counts the flush (see call-counter.ts). */
    flush: () => undefined,
    newFilterCriteria: () => new FilterCriteriaBuilder(),
    newDataValidation: () => new DataValidationBuilder(),
    newRichTextValue: () => richTextValueBuilder(),
    ui,
  };
}
