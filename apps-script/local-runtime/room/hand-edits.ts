// The cells a team edits by hand in the sheet (Status and Uppföljning in the plan tab, Kodbok), and applying such an edit.
import { wordsFor } from '../../sheet-locale';
import { enteredCell, type createSpreadsheetApp } from '../spreadsheet-service';
import type { SheetModel, WorkbookModel } from '../workbook-model';
import { cellDisplay } from './cell-display';

export interface EditableCells {
  /** Editable columns (1-based) of this tab. */
  columns: Set<number>;
  /** Last editable row; one past the data where new rows may be added. */
  lastRow: number;
  /** The column that names a row (the passage id, the theme id): an edit is refused when its row now holds another. */
  keyColumn: number;
  /** Values a column's validation lists (the Status drop-down). */
  choices: Map<number, string[]>;
}

const headerColumn = (sheet: SheetModel, header: string) => {
  for (let c = 1; c <= sheet.maxColumns; c += 1) if (sheet.get(1, c)?.value === header) return c;
  return 0;
};

/** Which cells of a tab are the team's to edit; null for a tab that is not edited by hand. */
export function editableCells(book: WorkbookModel, sheet: SheetModel): EditableCells | null {
  const words = wordsFor(book.locale);
  const { rows, columns } = sheet.extent();
  if (sheet.name === words.tabs.plan) {
    const status = headerColumn(sheet, words.planHeaders[4]);
    const followUp = headerColumn(sheet, words.planHeaders[5]);
    const list = sheet.validations.get(`2:${status}`);
    return {
      columns: new Set([status, followUp].filter(Boolean)),
      lastRow: rows,
      keyColumn: headerColumn(sheet, words.planHeaders[words.planHeaders.length - 1]),
      choices: new Map(list ? [[status, list]] : []),
    };
  }
  if (sheet.name === words.tabs.codebook) {
    const width = Math.max(columns, words.codebookHeaders.length);
    return { columns: new Set(Array.from({ length: width }, (_, i) => i + 1)), lastRow: Math.min(rows + 1, sheet.maxRows), keyColumn: 1, choices: new Map() };
  }
  return null;
}

export type EditRefusal = 'not_editable' | 'edit_conflict' | 'formula_not_allowed';

export interface Edit {
  sheet: string;
  row: number;
  column: number;
  /** What the user typed. */
  text: string;
  /** What the cell and its row's key cell showed when the user started typing; the edit is refused when they show something else now. */
  before: string;
  key: string;
}

/**
 * Writes what the user typed into a cell through the runtime's SpreadsheetApp, parsed as Sheets parses typed input;
 * refuses cells that are not hand-kept, cells that changed meanwhile, and formulas (the room evaluates none).
 */
export function applyEdit(book: WorkbookModel, app: ReturnType<typeof createSpreadsheetApp>, edit: Edit): EditRefusal | null {
  const model = book.sheet(edit.sheet);
  const editable = model && editableCells(book, model);
  if (!model || !editable || !editable.columns.has(edit.column) || edit.row < 2 || edit.row > editable.lastRow) return 'not_editable';
  const shows = (column: number) => cellDisplay(model.get(edit.row, column), book.locale);
  if (shows(edit.column) !== edit.before || shows(editable.keyColumn) !== edit.key) return 'edit_conflict';
  if (enteredCell(edit.text).formula) return 'formula_not_allowed';
  app.getActiveSpreadsheet().getSheetByName(edit.sheet)!.getRange(edit.row, edit.column).setValues([[edit.text]]);
  return null;
}
