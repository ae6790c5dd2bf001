// Read-only HTML views of the local workbook's tabs: every value escaped, hidden and filtered-out rows shown as such.
import type { SheetModel, WorkbookModel } from './workbook-model';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const page = (title: string, body: string) => `<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
body{font:13px/1.4 system-ui,sans-serif;margin:16px;color:#202124}
nav a{margin-right:12px}
table{border-collapse:collapse;margin-top:12px}
td,th{border:1px solid #dadce0;padding:3px 6px;vertical-align:top;max-width:420px;white-space:pre-wrap}
tr.frozen td{font-weight:bold;background:#f1f3f4}
tr.hidden td{opacity:.35}
td.formula{font-family:monospace;color:#b3261e}
td[title]{box-shadow:inset -6px 6px 0 -3px #f29900}
</style></head><body>${body}</body></html>`;

const nav = (book: WorkbookModel) =>
  `<nav>${book.sheets.map((s) => `<a href="/view/${encodeURIComponent(s.name)}">${escape(s.name)}</a>`).join('')}<a href="/workbook.xlsx">annotera.xlsx</a></nav>`;

export function renderIndex(book: WorkbookModel): string {
  return page('Annotera – lokalt kalkylark', `<h1>Annotera – lokalt kalkylark</h1>${nav(book)}<p>${book.sheets.length ? 'Välj en flik.' : 'Inga flikar ännu.'}</p>`);
}

export function renderSheet(book: WorkbookModel, sheet: SheetModel): string {
  const { rows, columns } = sheet.extent();
  const lines: string[] = [];
  for (let r = 1; r <= rows; r += 1) {
    const hidden = sheet.hiddenRows.has(r) || sheet.isHiddenByFilter(r);
    const cells: string[] = [];
    for (let c = 1; c <= columns; c += 1) {
      if (sheet.hiddenColumns.has(c)) continue;
      const cell = sheet.get(r, c);
      const text = cell?.formula ?? (cell ? sheet.displayed(r, c) : '');
      const attributes = [
        cell?.formula ? ' class="formula"' : '',
        cell?.note ? ` title="${escape(cell.note)}"` : '',
        cell?.background && cell.background !== '#ffffff' ? ` style="background:${escape(cell.background)}"` : '',
      ].join('');
      cells.push(`<td${attributes}>${escape(text)}</td>`);
    }
    const rowClass = [r <= sheet.frozenRows ? 'frozen' : '', hidden ? 'hidden' : ''].filter(Boolean).join(' ');
    lines.push(`<tr${rowClass ? ` class="${rowClass}"` : ''} data-row="${r}">${cells.join('')}</tr>`);
  }
  return page(`${sheet.name} – Annotera`, `${nav(book)}<h1>${escape(sheet.name)}</h1><table>${lines.join('\n')}</table>`);
}
