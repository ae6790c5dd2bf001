// The local runtime's spreadsheet in memory: sheets of cells (value, formula, note, colour), sizes, hidden rows, filters.

export type Value = string | number | boolean | Date;

export interface CellModel {
  value: Value;
  formula?: string;
  note?: string;
  background?: string;
  /** Written with a leading apostrophe: shown and kept as text. */
  quotePrefix?: boolean;
  /** A link over the cell's whole text (rich text written with setRichTextValues). */
  link?: string;
}

export type TextCriteria = 'textEqualTo' | 'textNotEqualTo' | 'textContains' | 'textDoesNotContain' | 'textStartsWith' | 'textEndsWith';

export interface FilterCriteriaModel {
  type: TextCriteria;
  value: string;
}

/** Sheets' text conditions ignore case ("Text is exactly", "Text contains", …). */
export function meetsCriteria(text: string, criteria: FilterCriteriaModel): boolean {
  const shown = text.toLocaleLowerCase();
  const wanted = criteria.value.toLocaleLowerCase();
  switch (criteria.type) {
    case 'textEqualTo': return shown === wanted;
    case 'textNotEqualTo': return shown !== wanted;
    case 'textContains': return shown.includes(wanted);
    case 'textDoesNotContain': return !shown.includes(wanted);
    case 'textStartsWith': return shown.startsWith(wanted);
    case 'textEndsWith': return shown.endsWith(wanted);
  }
}

export interface FilterModel {
  row: number;
  column: number;
  rows: number;
  columns: number;
  criteria: Record<number, FilterCriteriaModel>;
}

/** New sheets in Google Sheets have 1000 rows and 26 columns. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export class SheetModel {
  cells = new Map<string, CellModel>();
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  frozenRows = 0;
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  filter: FilterModel | null = null;
  validations = new Map<string, string[]>();
  /** Hidden with Sheet.hideSheet (still read and written by the add-on). */
  hidden = false;

  constructor(public name: string) {}

  static key(row: number, column: number): string {
    return `${row}:${column}`;
  }

  get(row: number, column: number): CellModel | undefined {
    return this.cells.get(SheetModel.key(row, column));
  }

  set(row: number, column: number, cell: CellModel | undefined): void {
    if (cell === undefined || (cell.value === '' && !cell.formula && !cell.note && !cell.background)) {
      this.cells.delete(SheetModel.key(row, column));
    } else this.cells.set(SheetModel.key(row, column), cell);
  }

  /** Last row / column with content (0 when empty), as getLastRow / getLastColumn. */
  extent(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    for (const [key, cell] of this.cells) {
      if (cell.value === '' && !cell.formula) continue;
      const [r, c] = key.split(':').map(Number);
      rows = Math.max(rows, r);
      columns = Math.max(columns, c);
    }
    return { rows, columns };
  }

  /** The text a cell shows (what filter criteria compare). */
  displayed(row: number, column: number): string {
    const cell = this.get(row, column);
    if (!cell) return '';
    if (cell.formula) return '';
    return cell.value instanceof Date ? cell.value.toISOString() : String(cell.value);
  }

  isHiddenByFilter(row: number): boolean {
    const filter = this.filter;
    if (!filter || row <= filter.row || row >= filter.row + filter.rows) return false;
    return Object.entries(filter.criteria).some(([column, criteria]) => !meetsCriteria(this.displayed(row, Number(column)), criteria));
  }
}

/** The user's selection: the active sheet and range (1-based). */
export interface SelectionModel {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  /** What the user has selected; null until something is (the first sheet is then active). */
  selection: SelectionModel | null = null;
  /** Bumped by every change; the runtime saves when it moved. */
  version = 0;

  constructor(public locale = 'sv_SE') {}

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  touch(): void {
    this.version += 1;
  }
}
