// What the team uses inside Sheets: the Annotera menu, the filter sidebar and the settings dialog, and their server calls.
import { labelFor } from '../shared/codebook';
import { municipalityByCode } from '../shared/municipalities';
import { webAppUrlKind } from '../shared/web-app-url';
import { applyFilterState, readFilterState, saveFilterState, type FilterState } from './filters';
import { readCodebook, readPassages, rebuildDerivedTabs } from './rebuild';
import { isSwedish, wordsFor } from './sheet-locale';
import { ensureToken, openTabs, storeNewToken } from './tabs';
import { BUSY_MESSAGE, withScriptLock } from './script-lock';

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
  const done = withScriptLock(() => {
    const tabs = openTabs();
    rebuildDerivedTabs(tabs, readPassages(tabs));
  });
  if (!done) throw new Error(BUSY_MESSAGE);
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

export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/** The sidebar's choices: municipalities and themes with the number of live passages each has. */
export function filterOptions(): { municipalities: FilterOption[]; themes: FilterOption[]; current: FilterState } {
  const tabs = openTabs();
  const codebook = readCodebook(tabs);
  const byMunicipality = new Map<string, number>();
  const byTheme = new Map<string, number>();
  for (const p of readPassages(tabs)) {
    if (p.deleted) continue;
    byMunicipality.set(p.municipality, (byMunicipality.get(p.municipality) ?? 0) + 1);
    for (const theme of p.themes) byTheme.set(theme, (byTheme.get(theme) ?? 0) + 1);
  }
  const municipalities = [...byMunicipality]
    .map(([code, count]) => ({ value: code, label: municipalityByCode(code)?.shortName ?? code, count }))
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  const themes = codebook.themes.map((t) => ({ value: t.id, label: labelFor(t.label, tabs.language), count: byTheme.get(t.id) ?? 0 }));
  return { municipalities, themes, current: readFilterState() };
}

/** Filters every tab to one municipality or theme, or (null) shows everything. */
export function applyFilter(state: FilterState): void {
  const valid = state === null || (state?.by === 'municipality' && municipalityByCode(state.code)) || (state?.by === 'theme' && typeof state.id === 'string');
  if (!valid) throw new Error('Unknown filter.');
  const tabs = openTabs();
  saveFilterState(state);
  applyFilterState(tabs, state, readCodebook(tabs), tabs.matrix.getDataRange().getValues());
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
