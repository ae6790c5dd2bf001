// The room's pages: the sheet (tabs, the Annotera menu, the grid, room for the add-on's sidebar and dialogs) and the token prompt.
import type { MenuEntry, MenuModel } from '../spreadsheet-service';
import type { WorkbookModel } from '../workbook-model';
import { escapeHtml } from './html-text';
import { renderTab } from './render-tab';
import type { RoomWords } from './room-words';

const shell = (words: RoomWords, lang: string, body: string) => `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(words.title)}</title>
<link rel="stylesheet" href="/room/room.css"></head><body>${body}</body></html>`;

const language = (book: WorkbookModel) => (/^sv/i.test(book.locale) ? 'sv' : 'en');

function menuItems(items: MenuEntry[]): string {
  return items.map((item) => {
    if ('separator' in item) return '<li role="separator"></li>';
    if ('items' in item) {
      return `<li role="none" class="group"><span>${escapeHtml(item.caption)}</span><ul role="group" aria-label="${escapeHtml(item.caption)}">${menuItems(item.items)}</ul></li>`;
    }
    return `<li role="none"><button type="button" role="menuitem" data-function="${escapeHtml(item.functionName)}">${escapeHtml(item.caption)}</button></li>`;
  }).join('');
}

/** A link per tab the user sees (hidden tabs are left out, as in the tab bar of Sheets). */
export function tabLinks(book: WorkbookModel, current: string): string {
  return book.sheets.filter((s) => !s.hidden || s.name === current).map((s) => {
    const here = s.name === current ? ' aria-current="page"' : '';
    return `<a href="/?tab=${encodeURIComponent(s.name)}" data-tab="${escapeHtml(s.name)}"${here}>${escapeHtml(s.name)}</a>`;
  }).join('');
}

/** The sheet with one tab showing. */
export function roomPage(book: WorkbookModel, words: RoomWords, menu: MenuModel | null, tab: string): string {
  const sheet = book.sheet(tab) ?? book.sheets.find((s) => !s.hidden);
  const menuHtml = menu
    ? `<div class="menubar"><button type="button" id="menu-button" aria-haspopup="menu" aria-expanded="false" aria-controls="menu">Annotera</button>
<ul id="menu" role="menu" aria-label="Annotera" hidden>${menuItems(menu.items)}</ul></div>`
    : '';
  return shell(words, language(book), `<header><h1>${escapeHtml(words.title)}</h1>${menuHtml}
<a class="download" href="/workbook.xlsx" download>${escapeHtml(words.download)}</a>
<p id="room-status" role="status"></p></header>
<div class="room" data-close="${escapeHtml(words.close)}">
<main><div id="grid" class="grid-scroll">${sheet ? renderTab(book, sheet) : ''}</div>
<nav aria-label="${escapeHtml(words.tabs)}" id="tabs">${tabLinks(book, sheet?.name ?? '')}</nav></main>
<aside id="sidebar" hidden></aside></div>
<dialog id="dialog"></dialog>
<script src="/room/room.js"></script>`);
}

/** The page that asks for the team token (a form that opens /?token=…). */
export function tokenPage(book: WorkbookModel, words: RoomWords, wrong: boolean): string {
  return shell(words, language(book), `<main class="token"><h1>${escapeHtml(words.tokenTitle)}</h1>
<p>${escapeHtml(words.tokenHelp)}</p>${wrong ? `<p class="error" role="alert">${escapeHtml(words.tokenWrong)}</p>` : ''}
<form method="get" action="/"><label>${escapeHtml(words.tokenLabel)} <input name="token" type="password" autocomplete="off" required></label>
<button type="submit">${escapeHtml(words.tokenOpen)}</button></form></main>`);
}
