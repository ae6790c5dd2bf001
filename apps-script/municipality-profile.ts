// Annotera → Kommunprofil…: a sidebar to choose a municipality, and the tab it builds or refreshes for it.
import { municipalityByCode } from '../shared/municipalities';
import { passageLink } from '../shared/passage-link';
import { themeLabeller } from './derived-tabs';
import { filterOptions } from './filter-sidebar';
import { readLinkTarget } from './link-setting';
import { lockedWrite } from './locked-write';
import { readPassages } from './passage-store';
import { profileGrid } from './profile-grid';
import { keptPlanFields, readCodebook } from './rebuild';
import { sheetSize, writeGrid } from './sheet-access';
import { writeLinks } from './sheet-links';
import { isSwedish } from './sheet-locale';
import { openTabs } from './tabs';

const LINK_COLUMN = 8;

export function menuMunicipalityProfile(): void {
  const tabs = openTabs();
  const template = HtmlService.createTemplateFromFile('profile');
  template.swedish = isSwedish(tabs.language);
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(tabs.words.menu.profile));
}

/** The municipalities the profile sidebar offers: those with live passages, with their counts (the filter aside). */
export function profileChoices() {
  return filterOptions().municipalities;
}

/** Builds (or refreshes) the municipality's profile tab and makes it the active tab; its name and number of passages. */
export function buildMunicipalityProfile(code: unknown): { tab: string; rows: number } {
  const municipality = typeof code === 'string' ? municipalityByCode(code) : undefined;
  if (!municipality) throw new Error('Unknown municipality.');
  return lockedWrite(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const tabs = openTabs(ss);
    const codebook = readCodebook(tabs);
    const label = themeLabeller(codebook, tabs.language);
    const grid = profileGrid(municipality.code, readPassages(tabs), codebook, tabs.words, isSwedish(tabs.language), label, keptPlanFields(tabs));
    const name = tabs.words.profile.tab.replace('{name}', municipality.shortName);
    const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
    writeGrid(sheet, sheetSize(sheet), grid, null);
    sheet.setFrozenRows(1);
    const target = readLinkTarget();
    writeLinks(sheet, 2, LINK_COLUMN, grid.passages.map((p) => ({ text: p.url, url: p.url ? passageLink(p.url, p.id, target) : '' })));
    ss.setActiveSheet(sheet);
    return { tab: name, rows: grid.passages.length };
  });
}
