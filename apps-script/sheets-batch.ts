// Runs a write path (a batch of passages, a rebuild, a filter) as one Sheets API read and one Sheets API write: a
// constant number of service calls whatever the sheet holds. The derived tabs' state is developer metadata of the
// spreadsheet, so it is read and written in the same requests as the tabs it describes.
import { batchBuilders, BatchSheet, BatchSpreadsheet, BatchWriter } from './batch-sheet';
import { POST_COLUMNS } from './posts-tab';
import { isSwedish, wordsFor } from './sheet-locale';
import { openTabs, type Tabs } from './tabs';

type Spreadsheet = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type Properties = GoogleAppsScript.Properties.Properties;

/** The locale the tabs were made in: their names follow from it, so the one read can name its ranges. */
const LOCALE_PROPERTY = 'ANNOTERA_SHEET_LOCALE';
const DERIVED_KEY = 'annotera.derived';

export interface SheetsBatch {
  tabs: Tabs;
  /** The Document Properties as they were under the lock. */
  properties: Readonly<Record<string, string>>;
  /** What the derived tabs were last built from (null when never recorded). */
  derived: string | null;
  setDerived(state: string): void;
}

/** A property store over the Document Properties the batch read once (no further service call). */
export const propertiesOf = (batch: SheetsBatch) => ({ getProperty: (key: string) => batch.properties[key] ?? null }) as Properties;

const quoted = (title: string) => `'${title.replace(/'/g, "''")}'`;

/** The ranges the write paths read, by tab: whole tabs, Inlägg without its texts, Nationell nivå for its size only. */
function rangesFor(locale: string): string[] {
  const names = wordsFor(locale).tabs;
  const postsTo = String.fromCharCode(64 + POST_COLUMNS.text);
  return [
    quoted(names.passages), quoted(names.deleted), `${quoted(names.posts)}!A1:${postsTo}`, quoted(names.matrix),
    quoted(names.plan), `${quoted(names.national)}!A1`, quoted(names.codebook),
  ];
}

const FIELDS = 'properties(locale,timeZone),developerMetadata(metadataId,metadataKey,metadataValue),'
  + 'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),basicFilter,'
  + 'data(startRow,startColumn,rowData(values(userEnteredValue,effectiveValue,userEnteredFormat.numberFormat))))';

/** The enabled advanced service (appsscript.json names it). */
function sheetsApi(): GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection {
  if (!Sheets?.Spreadsheets) throw new Error('The Sheets advanced service is not enabled for this script (appsscript.json).');
  return Sheets.Spreadsheets;
}

/** One read of every tab a write path needs; null when a tab is missing or the tabs were made for another language. */
function fetchTabs(id: string, locale: string): Spreadsheet | null {
  let sheet: Spreadsheet;
  try {
    sheet = sheetsApi().get(id, { ranges: rangesFor(locale), fields: FIELDS });
  } catch {
    // A range naming a tab that is gone ("Unable to parse range"): the tabs are made again first.
    return null;
  }
  const titles = new Set((sheet.sheets ?? []).map((s) => s.properties?.title));
  const complete = Object.values(wordsFor(locale).tabs).every((title) => titles.has(title));
  return complete && isSwedish(sheet.properties?.locale ?? '') === isSwedish(locale) ? sheet : null;
}

/** Where versions before the Sheets API kept the derived tabs' state: dropped when the locale is first recorded. */
const OLD_DERIVED_PROPERTY = 'ANNOTERA_DERIVED';

/** Makes any missing tab through SpreadsheetApp (a first request, a renamed tab, a new locale), then records the locale. */
function prepareTabs(store: Properties): string {
  const locale = openTabs().language;
  // Google applies SpreadsheetApp's queued changes on flush; the Sheets API read that follows must see the new tabs.
  SpreadsheetApp.flush();
  store.setProperty(LOCALE_PROPERTY, locale);
  store.deleteProperty(OLD_DERIVED_PROPERTY);
  return locale;
}

function facade(sheet: Spreadsheet, writer: BatchWriter): BatchSpreadsheet {
  const sheets = new Map<string, BatchSheet>();
  for (const s of sheet.sheets ?? []) {
    const rows: Array<CellData[] | undefined> = [];
    for (const data of s.data ?? []) {
      (data.rowData ?? []).forEach((row, r) => {
        const line = (rows[(data.startRow ?? 0) + r] ??= []);
        (row.values ?? []).forEach((cell, c) => (line[(data.startColumn ?? 0) + c] = cell));
      });
    }
    sheets.set(s.properties?.title ?? '', new BatchSheet(writer, s.properties ?? {}, { rows }, s.basicFilter));
  }
  return new BatchSpreadsheet(sheets, sheet.properties?.locale ?? '');
}

/**
 * Runs `work` over the spreadsheet as read by one spreadsheets.get, then sends what it wrote as one batchUpdate (none
 * when it wrote nothing). Call it under the script lock, with the Document Properties read under it.
 */
export function withSheetsBatch<T>(store: Properties, work: (batch: SheetsBatch) => T): T {
  const properties = store.getProperties();
  const id = SpreadsheetApp.getActiveSpreadsheet().getId();
  let locale = properties[LOCALE_PROPERTY] || prepareTabs(store);
  let sheet = fetchTabs(id, locale);
  if (!sheet) {
    locale = prepareTabs(store);
    sheet = fetchTabs(id, locale);
    if (!sheet) throw new Error('The add-on could not read its tabs through the Sheets API.');
  }
  const writer = new BatchWriter(sheet.properties?.timeZone ?? 'Etc/UTC');
  const kept = (sheet.developerMetadata ?? []).find((m) => m.metadataKey === DERIVED_KEY);
  let derived = kept?.metadataValue ?? null;
  const tabs = openTabs(facade(sheet, writer) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, batchBuilders);
  const result = work({ tabs, properties, derived, setDerived: (state) => void (derived = state) });
  if (derived !== (kept?.metadataValue ?? null)) {
    writer.push(kept
      ? { updateDeveloperMetadata: { dataFilters: [{ developerMetadataLookup: { metadataId: kept.metadataId } }], developerMetadata: { metadataValue: derived ?? '' }, fields: 'metadataValue' } }
      : { createDeveloperMetadata: { developerMetadata: { metadataKey: DERIVED_KEY, metadataValue: derived ?? '', location: { spreadsheet: true }, visibility: 'DOCUMENT' } } });
  }
  if (writer.requests.length) sheetsApi().batchUpdate({ requests: writer.requests }, id);
  return result;
}
