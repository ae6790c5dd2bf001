// What the team uses inside Sheets: the Annotera menu, the filter sidebar and the settings dialog, and their server calls.
import { applyFilter } from './filter-sidebar';
import { readPassages } from './passage-store';
import { webAppUrlKind } from '../shared/web-app-url';
import { rebuildDerivedTabs } from './rebuild';
import { withSheetsBatch } from './sheets-batch';
import { isSwedish, wordsFor } from './sheet-locale';
import { ensureToken, openTabs, storeNewToken } from './tabs';
import { lockedWrite } from './locked-write';

type OpenEvent = { authMode?: unknown } | undefined;

/** Google runs onOpen under AuthMode.NONE where the add-on is installed but not yet used in this file: no Properties, no sheet. */
const isAuthModeNone = (e: OpenEvent) => String(e?.authMode) === 'NONE';

/**
 * Adds the Annotera menu (under Extensions, as add-ons do). Under AuthMode.NONE that is all it does, in Swedish;
 * otherwise the menu speaks the spreadsheet's language and the first open makes the tabs and the team token.
 */
export function onOpen(e?: OpenEvent): void {
  let words = wordsFor('sv_SE');
  if (!isAuthModeNone(e)) {
    words = openTabs().words;
    ensureToken();
  }
  const menu = words.menu;
  SpreadsheetApp.getUi()
    .createAddonMenu()
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

/** Runs when the add-on is installed (AuthMode.FULL): the same as opening the spreadsheet. */
export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

/** Rebuilds Matris, Plan för handling and Nationell nivå from Passager. */
export function menuRebuild(): void {
  lockedWrite(() => {
    withSheetsBatch(PropertiesService.getDocumentProperties(), (batch) => rebuildDerivedTabs(batch, readPassages(batch.tabs)));
  });
}

/** The language a template speaks, as a string: printed into a script it stays a string, never a truthy "false". */
const templateLanguage = (locale: string) => (isSwedish(locale) ? 'sv' : 'en');

function showSidebar(by: 'municipality' | 'theme'): void {
  const tabs = openTabs();
  const template = HtmlService.createTemplateFromFile('sidebar');
  template.by = by;
  template.lang = templateLanguage(tabs.language);
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
  template.lang = templateLanguage(tabs.language);
  SpreadsheetApp.getUi().showModalDialog(template.evaluate().setWidth(520).setHeight(420), tabs.words.menu.settings);
}

/** The settings dialog's data: the token, and the web app's /exec address when it is deployed ('' when not). */
export function settingsInfo(): { token: string; url: string } {
  let url = '';
  try {
    url = ScriptApp.getService().getUrl() ?? '';
  } catch {
    // No web app at all: the dialog says how to deploy one.
  }
  return { token: ensureToken(), url: webAppUrlKind(url) === 'exec' ? url : '' };
}

/** Makes a new team token; the old one stops working at once. */
export function rotateToken(): string {
  return storeNewToken();
}
