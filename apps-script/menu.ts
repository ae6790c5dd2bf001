// What the team uses inside Sheets: the Annotera menu, the filter sidebar and the settings dialog, and their server calls.
import { applyFilter } from './filter-sidebar';
import { readPassages } from './passage-store';
import { rebuildDerivedTabs } from './rebuild';
import { isSwedish } from './sheet-locale';
import { ensureToken, openTabs, storeNewToken } from './tabs';
import { lockedWrite } from './locked-write';

/** Adds the Annotera menu; on first run makes the tabs and the team token. */
export function onOpen(): void {
  const tabs = openTabs();
  ensureToken();
  const menu = tabs.words.menu;
  SpreadsheetApp.getUi()
    .createMenu('Annotera')
    .addItem(menu.rebuild, 'menuRebuild')
    .addItem(menu.byMunicipality, 'menuFilterByMunicipality')
    .addItem(menu.byTheme, 'menuFilterByTheme')
    .addItem(menu.showAll, 'menuShowEverything')
    .addItem(menu.drillDown, 'menuShowPassagesForCell')
    .addItem(menu.profile, 'menuMunicipalityProfile')
    .addSeparator()
    .addItem(menu.export, 'menuExport')
    .addSeparator()
    .addItem(menu.settings, 'menuSettings')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

/** Rebuilds Matris, Plan för handling and Nationell nivå from Passager. */
export function menuRebuild(): void {
  lockedWrite(() => {
    const tabs = openTabs();
    rebuildDerivedTabs(tabs, readPassages(tabs));
  });
}

function showSidebar(by: 'municipality' | 'theme'): void {
  const tabs = openTabs();
  const template = HtmlService.createTemplateFromFile('sidebar');
  template.by = by;
  template.swedish = isSwedish(tabs.language);
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(by === 'theme' ? tabs.words.menu.byTheme : tabs.words.menu.byMunicipality));
}

export const menuFilterByMunicipality = () => showSidebar('municipality');
export const menuFilterByTheme = () => showSidebar('theme');

export function menuShowEverything(): void {
  applyFilter(null);
}

export function menuSettings(): void {
  const tabs = openTabs();
  const template = HtmlService.createTemplateFromFile('settings');
  template.swedish = isSwedish(tabs.language);
  SpreadsheetApp.getUi().showModalDialog(template.evaluate().setWidth(520).setHeight(420), tabs.words.menu.settings);
}

/** The settings dialog's data: the token and where the web app is deployed. */
export function settingsInfo(): { token: string; url: string } {
  let url = '';
  try {
    url = ScriptApp.getService().getUrl() ?? '';
  } catch {
    url = '';
  }
  return { token: ensureToken(), url };
}

/** Makes a new team token; the old one stops working at once. */
export function rotateToken(): string {
  return storeNewToken();
}
