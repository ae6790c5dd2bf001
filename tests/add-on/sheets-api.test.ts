// The local runtime's Sheets advanced service: spreadsheets.get of ranges with grid data, and batchUpdate applied whole
// or not at all, over the same workbook SpreadsheetApp sees — text kept as text, date-times as serials, filters, metadata.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { LocalRuntime } from '../../apps-script/local-runtime/runtime';
import { LOCAL_SPREADSHEET_ID } from '../../apps-script/local-runtime/spreadsheet-service';
import { serialFromInstant } from '../../apps-script/serial-time';
import { CODE_PATH } from '../helpers/local-sheet';

const dir = mkdtempSync(join(tmpdir(), 'annotera-sheets-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let made = 0;

/** A runtime over a new workbook with a tab "Data" (and one whose name needs quoting), and the tab's sheet id. */
async function workbook(path = join(dir, `w${(made += 1)}.xlsx`)) {
  const runtime = await LocalRuntime.open({ codePath: CODE_PATH, workbookPath: path });
  const app = runtime.spreadsheetApp.getActiveSpreadsheet();
  const data = app.getSheetByName('Data') ?? app.insertSheet('Data');
  if (!app.getSheetByName("Kim's")) app.insertSheet("Kim's");
  const api = runtime.sheetsApi;
  return { runtime, path, data, api, id: api.sheetId(data.model) };
}

const cellsAt = (id: number, row: number, values: object[]) => ({ updateCells: { start: { sheetId: id, rowIndex: row, columnIndex: 0 }, rows: [{ values }], fields: 'userEnteredValue,userEnteredFormat.numberFormat' } });

describe('spreadsheets.get', () => {
  test('gives the ranges asked for, trimmed of empty trailing rows and cells, and only the sheets they touch', async () => {
    const { data, api } = await workbook();
    data.getRange(1, 1, 2, 3).setValues([["'a", 2, true], ['', '', '']]);
    const got = api.get(LOCAL_SPREADSHEET_ID, { ranges: ['Data!A1:J'], includeGridData: true });
    expect(got.sheets.map((s) => s.properties.title)).toEqual(['Data']);
    expect(got.properties).toMatchObject({ locale: 'sv_SE', timeZone: 'Europe/Stockholm' });
    expect(got.sheets[0].data![0].rowData).toEqual([{ values: [
      { userEnteredValue: { stringValue: 'a' }, effectiveValue: { stringValue: 'a' } },
      { userEnteredValue: { numberValue: 2 }, effectiveValue: { numberValue: 2 } },
      { userEnteredValue: { boolValue: true }, effectiveValue: { boolValue: true } },
    ] }]);
    expect(api.get(LOCAL_SPREADSHEET_ID, { ranges: ["'Kim''s'"], includeGridData: true }).sheets.map((s) => s.properties.title)).toEqual(["Kim's"]);
  });

  test('a range naming no sheet, or another spreadsheet, is refused with Google\'s words', async () => {
    const { api } = await workbook();
    expect(() => api.get(LOCAL_SPREADSHEET_ID, { ranges: ['Saknas!A1'] })).toThrow(/Unable to parse range: Saknas!A1/);
    expect(() => api.get('another-spreadsheet')).toThrow(/Requested entity was not found/);
  });
});

describe('spreadsheets.batchUpdate', () => {
  test('a string is kept as text, never a formula, number, date or boolean — also after a save and a reopen', async () => {
    const { runtime, path, api, id } = await workbook();
    const texts = ['=1+1', '+46 70 123 45 67', '007', '2016-05-01', 'TRUE', 'vanlig text'];
    api.batchUpdate({ requests: [cellsAt(id, 0, texts.map((text) => ({ userEnteredValue: { stringValue: text } })))] }, LOCAL_SPREADSHEET_ID);
    await runtime.persist();
    const reopened = await workbook(path);
    const range = reopened.data.getRange(1, 1, 1, texts.length);
    expect(range.getValues()[0]).toEqual(texts);
    expect(range.getFormulas()[0]).toEqual(texts.map(() => ''));
  });

  test('a date-time is a serial in the spreadsheet\'s zone: winter and summer instants read back exactly', async () => {
    const { api, id, data } = await workbook();
    const instants = ['2016-01-15T08:30:00.000Z', '2016-07-15T08:30:00.123Z', '2016-10-30T00:59:59.000Z'];
    const values = instants.map((iso) => ({ userEnteredValue: { numberValue: serialFromInstant(Date.parse(iso), 'Europe/Stockholm') }, userEnteredFormat: { numberFormat: { type: 'DATE_TIME' } } }));
    api.batchUpdate({ requests: [cellsAt(id, 0, values)] }, LOCAL_SPREADSHEET_ID);
    expect(data.getRange(1, 1, 1, 3).getValues()[0].map((d) => (d as Date).toISOString())).toEqual(instants);
    const read = api.get(LOCAL_SPREADSHEET_ID, { ranges: ['Data!A1:C1'], includeGridData: true }).sheets[0].data![0].rowData[0].values!;
    expect(read.map((cell) => cell.effectiveValue?.numberValue)).toEqual(values.map((v) => v.userEnteredValue.numberValue));
  });

  test('one request that does not fit makes the whole batch change nothing', async () => {
    const { runtime, api, id, data } = await workbook();
    const version = runtime.book.version;
    const requests = [
      cellsAt(id, 0, [{ userEnteredValue: { stringValue: 'first' } }]),
      { appendDimension: { sheetId: id, dimension: 'ROWS' as const, length: 10 } },
      cellsAt(id, 1010, [{ userEnteredValue: { stringValue: 'beyond the grid' } }]),
    ];
    expect(() => api.batchUpdate({ requests }, LOCAL_SPREADSHEET_ID)).toThrow(/requests\[2\]\.updateCells: the cells reach beyond the grid/);
    expect(data.getRange(1, 1).getValue()).toBe('');
    expect(data.getMaxRows()).toBe(1000);
    expect(runtime.book.version).toBe(version);
  });

  test('a basic filter hides the rows its text condition leaves out (case-insensitive), and clearing it shows them', async () => {
    const { api, id, data } = await workbook();
    data.getRange(1, 1, 4, 1).setValues([['Kommun'], ['Flen'], ['Nacka'], ['flen']]);
    const filter = { range: { sheetId: id, startRowIndex: 0, endRowIndex: 1000, startColumnIndex: 0, endColumnIndex: 2 }, filterSpecs: [{ columnIndex: 0, filterCriteria: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'Flen' }] } } }] };
    api.batchUpdate({ requests: [{ setBasicFilter: { filter } }] }, LOCAL_SPREADSHEET_ID);
    expect([2, 3, 4].map((row) => data.isRowHiddenByFilter(row))).toEqual([false, true, false]);
    expect(api.get(LOCAL_SPREADSHEET_ID, { ranges: ['Data!A1'] }).sheets[0].basicFilter).toEqual(filter);
    api.batchUpdate({ requests: [{ clearBasicFilter: { sheetId: id } }] }, LOCAL_SPREADSHEET_ID);
    expect(data.isRowHiddenByFilter(3)).toBe(false);
  });

  test('developer metadata is made once per key, updated in place, and kept with the workbook', async () => {
    const { runtime, path, api } = await workbook();
    const make = { createDeveloperMetadata: { developerMetadata: { metadataKey: 'annotera.derived', metadataValue: 'v1', location: { spreadsheet: true }, visibility: 'DOCUMENT' } } };
    api.batchUpdate({ requests: [make] }, LOCAL_SPREADSHEET_ID);
    expect(() => api.batchUpdate({ requests: [make] }, LOCAL_SPREADSHEET_ID)).toThrow(/one entry per key/);
    const [kept] = api.get(LOCAL_SPREADSHEET_ID).developerMetadata;
    api.batchUpdate({ requests: [{ updateDeveloperMetadata: { dataFilters: [{ developerMetadataLookup: { metadataId: kept.metadataId } }], developerMetadata: { metadataValue: 'v2' }, fields: 'metadataValue' } }] }, LOCAL_SPREADSHEET_ID);
    await runtime.persist();
    const reopened = await workbook(path);
    expect(reopened.api.get(LOCAL_SPREADSHEET_ID).developerMetadata.map((m) => [m.metadataKey, m.metadataValue])).toEqual([['annotera.derived', 'v2']]);
  });
});
