// The sheet's tabs: finds them, creates the missing ones (headers, frozen row, Kodbok seeded) and the team token on first run.
import { codebookToRows } from './codebook-rows';
import { HIDDEN_COLUMNS } from './passage-rows';
import { readRows, writeRows } from './sheet-access';
import { wordsFor, type SheetWords } from './sheet-locale';
import { newToken } from './team-token';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const TOKEN_PROPERTY = 'ANNOTERA_TOKEN';

export interface Tabs {
  words: SheetWords;
  language: string;
  passages: Sheet;
  matrix: Sheet;
  plan: Sheet;
  national: Sheet;
  codebook: Sheet;
}

function tab(ss: Spreadsheet, name: string, header: string[], seed?: (sheet: Sheet) => void): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  const sheet = ss.insertSheet(name);
  writeRows(sheet, 1, [header]);
  sheet.setFrozenRows(1);
  seed?.(sheet);
  sheet.getRange(1, 1, sheet.getMaxRows(), header.length).createFilter();
  return sheet;
}

/** The tabs, made where missing. A constant number of calls whatever the sheet holds. */
export function openTabs(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): Tabs {
  const language = ss.getSpreadsheetLocale();
  const words = wordsFor(language);
  const names = words.tabs;
  // Created in this order, so the tabs stand in this order in a new spreadsheet.
  const passages = tab(ss, names.passages, words.passageHeaders, (sheet) =>
    sheet.hideColumns(HIDDEN_COLUMNS.first + 1, HIDDEN_COLUMNS.count),
  );
  const matrix = tab(ss, names.matrix, [words.matrix.county, words.matrix.municipality]);
  const plan = tab(ss, names.plan, words.planHeaders);
  const national = tab(ss, names.national, words.nationalHeaders);
  const codebook = tab(ss, names.codebook, words.codebookHeaders, (sheet) => writeRows(sheet, 2, codebookToRows()));
  return { words, language, passages, matrix, plan, national, codebook };
}

/** Makes and stores a new team token (at least 128 random bits); the old one stops working at once. */
export function storeNewToken(properties = PropertiesService.getScriptProperties()): string {
  const token = newToken(() => Utilities.getUuid());
  properties.setProperty(TOKEN_PROPERTY, token);
  return token;
}

/** The team token, made if there is none yet. */
export function ensureToken(properties = PropertiesService.getScriptProperties()): string {
  return properties.getProperty(TOKEN_PROPERTY) || storeNewToken(properties);
}

/** Data rows of the Kodbok tab. */
export const codebookRows = (tabs: Tabs) => readRows(tabs.codebook, 4);
