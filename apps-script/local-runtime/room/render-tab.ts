// One tab of the workbook as an HTML grid with the add-on's formats: frozen rows, hidden and filtered-out rows and columns left out, colours, notes, links.
import { a1 } from '../spreadsheet-service';
import type { CellModel, SheetModel, WorkbookModel } from '../workbook-model';
import { cellDisplay } from './cell-display';
import { editableCells, type EditableCells } from './hand-edits';
import { escapeHtml } from './html-text';

const COLOR = /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i;
const WHITE = /^#f{3}(?:f{3})?$/i;

/** The cell's link (rich text), or its text when that is a web address, as Sheets shows both; only web and mail addresses. */
function linked(cell: CellModel | undefined, text: string): string | null {
  const target = cell?.link ?? (/^https?:\/\/\S+$/.test(text) ? text : '');
  try {
    return /^(?:https?|mailto):/i.test(target) ? new URL(target).href : null;
  } catch {
    return null;
  }
}

function cellHtml(sheet: SheetModel, locale: string, row: number, column: number, editable: EditableCells | null): string {
  const cell: CellModel | undefined = sheet.get(row, column);
  const text = cellDisplay(cell, locale);
  const attributes = [`data-col="${column}"`];
  const classes: string[] = [];
  if (cell?.formula) classes.push('formula');
  if (cell?.note) {
    classes.push('note');
    attributes.push(`title="${escapeHtml(cell.note)}"`);
  }
  if (cell?.background && COLOR.test(cell.background) && !WHITE.test(cell.background)) attributes.push(`style="background-color:${cell.background}"`);
  if (editable?.columns.has(column) && row > 1 && row <= editable.lastRow) {
    attributes.push('data-edit="" aria-readonly="false"');
    const choices = editable.choices.get(column);
    if (choices) attributes.push(`data-choices="${escapeHtml(JSON.stringify(choices))}"`);
  }
  if (classes.length) attributes.push(`class="${classes.join(' ')}"`);
  const href = linked(cell, text);
  const content = href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(text)}</a>` : escapeHtml(text);
  return `<td ${attributes.join(' ')}>${content}</td>`;
}

/** The grid of a tab: a table with column letters and row numbers, as the tab shows with its filter applied. */
export function renderTab(book: WorkbookModel, sheet: SheetModel): string {
  const extent = sheet.extent();
  const editable = editableCells(book, sheet);
  const lastRow = Math.max(extent.rows, sheet.frozenRows, editable?.lastRow ?? 0, 1);
  const lastColumn = Math.max(extent.columns, 1);
  const columns = Array.from({ length: lastColumn }, (_, i) => i + 1).filter((c) => !sheet.hiddenColumns.has(c));
  const letters = columns.map((c) => `<th scope="col" data-col="${c}">${a1(1, c).replace(/\d+$/, '')}</th>`).join('');
  const head = [`<tr class="letters"><td class="corner"></td>${letters}</tr>`];
  const body: string[] = [];
  for (let r = 1; r <= lastRow; r += 1) {
    if (sheet.hiddenRows.has(r) || sheet.isHiddenByFilter(r)) continue;
    const key = editable && r > 1 ? ` data-key="${escapeHtml(cellDisplay(sheet.get(r, editable.keyColumn), book.locale))}"` : '';
    const cells = columns.map((c) => cellHtml(sheet, book.locale, r, c, editable)).join('');
    (r <= sheet.frozenRows ? head : body).push(`<tr data-row="${r}"${key}><th scope="row">${r}</th>${cells}</tr>`);
  }
  const frozen = sheet.frozenRows ? ' data-frozen=""' : '';
  return `<table class="grid" role="grid" aria-readonly="true" aria-label="${escapeHtml(sheet.name)}" data-sheet="${escapeHtml(sheet.name)}"${frozen}><thead>${head.join('')}</thead><tbody>${body.join('')}</tbody></table>`;
}
