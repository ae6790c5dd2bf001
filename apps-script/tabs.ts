// The sheet's tabs: finds them, creates the missing ones (headers, frozen row, Kodbok seeded); and the team token in Document Properties.
import { codebookToRows } from './codebook-rows';
import { HIDDEN_COLUMNS } from './passage-rows';
import { readRows, writeRows } from './sheet-access';
import { wordsFor, type SheetWords } from './sheet-locale';
import { newToken } from './team-token';
import { appBuilders, type SheetBuilders } from './sheet-builders';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const TOKEN_PROPERTY = 'ANNOTERA_TOKEN';

export interface Tabs {
  words: SheetWords;
  language: string;
  passages: Sheet;
  /** One row per post: its text and coverage. */
  posts: Sheet;
  matrix: Sheet;
  plan: Sheet;
  national: Sheet;
  codebook: Sheet;
  /** Tombstones of deleted passages, hidden: the machine needs them, the reader does not. */
  deleted: Sheet;
  /** Builders for what the tabs take: links, dropdown rules, filter criteria. */
  make: SheetBuilders;
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
export function openTabs(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(), make: SheetBuilders = appBuilders): Tabs {
  const language = ss.getSpreadsheetLocale();
  const words = wordsFor(language);
  const names = words.tabs;
  // Created in this order, so the tabs stand in this order in a new spreadsheet.
  const passages = tab(ss, names.passages, words.passageHeaders, (sheet) =>
    sheet.hideColumns(HIDDEN_COLUMNS.first + 1, HIDDEN_COLUMNS.count),
  );
  const posts = tab(ss, names.posts, words.postHeaders);
  const matrix = tab(ss, names.matrix, [words.matrix.county, words.matrix.municipality]);
  const plan = tab(ss, names.plan, words.planHeaders);
  const national = tab(ss, names.national, words.nationalHeaders);
  const codebook = tab(ss, names.codebook, words.codebookHeaders, (sheet) => writeRows(sheet, 2, codebookToRows()));
  const deleted = tab(ss, names.deleted, words.passageHeaders, (sheet) => sheet.hideSheet());
  return { words, language, passages, posts, matrix, plan, national, codebook, deleted, make };
}

type Properties = GoogleAppsScript.Properties.Properties;

/** Makes and stores a new team token (at least 128 random bits); the old one stops working at once. */
export function storeNewToken(properties: Properties = PropertiesService.getDocumentProperties()): string {
  const token = newToken(() => Utilities.getUuid());
  properties.setProperty(TOKEN_PROPERTY, token);
  return token;
}

/**
 * The spreadsheet's team token, kept in its Document Properties; empty when there is none yet. A token that an earlier
 * version kept in Script Properties moves here first: copied before it is deleted, so a concurrent reader finds it in one
 * place or the other, never in neither. (Where Google makes the two stores one — a bound script that is not an add-on —
 * the first read already finds it, so nothing is deleted.)
 */
export function readToken(
  document: Properties = PropertiesService.getDocumentProperties(),
  script: () => Properties = () => PropertiesService.getScriptProperties(),
): string {
  const kept = document.getProperty(TOKEN_PROPERTY);
  if (kept) return kept;
  const old = script().getProperty(TOKEN_PROPERTY);
  if (!old) return document.getProperty(TOKEN_PROPERTY) ?? '';
  document.setProperty(TOKEN_PROPERTY, old);
  script().deleteProperty(TOKEN_PROPERTY);
  return old;
}

/** The team token, made if there is none yet. */
export function ensureToken(document: Properties = PropertiesService.getDocumentProperties()): string {
  return readToken(document) || storeNewToken(document);
}

/** Data rows of the Kodbok tab. */
export const codebookRows = (tabs: Tabs) => readRows(tabs.codebook, tabs.words.codebookHeaders.length);
