// Where the local runtime follows Google so that bugs show: AuthMode of simple triggers, getUrl, filter criteria, typed values.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { LocalRuntime } from '../../apps-script/local-runtime/runtime';
import { CODE_PATH, startTestSheet, type TestSheet } from '../helpers/local-sheet';

let sheet: TestSheet | undefined;
afterEach(async () => {
  await sheet?.stop();
  sheet = undefined;
});
const dir = mkdtempSync(join(tmpdir(), 'annotera-fidelity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Test-only bundle code: an onOpen-like probe of what a simple trigger may do in its mode. */
const PROBE = `function probe(e) {
  var out = { mode: String(e.authMode), isNone: e.authMode === ScriptApp.AuthMode.NONE };
  try { PropertiesService.getDocumentProperties().getProperty('x'); out.properties = 'ok'; } catch (error) { out.properties = error.message; }
  try { SpreadsheetApp.getActiveSpreadsheet().getSheets(); out.sheets = 'ok'; } catch (error) { out.sheets = error.message; }
  SpreadsheetApp.getUi().createAddonMenu().addItem('Öppna', 'menuSettings').addToUi();
  return out;
}`;

const PERMISSION = (call: string): unknown => expect.stringMatching(new RegExp(`^You do not have permission to call ${call}`));

describe('AuthMode of simple triggers', () => {
  test('under NONE, Properties and the spreadsheet throw with Google\'s permission message; the menu can still be built', async () => {
    sheet = await startTestSheet({ extraCode: PROBE });
    const { result } = await sheet.runtime.trigger('probe', 'NONE');
    expect(result).toEqual({
      mode: 'NONE',
      isNone: true,
      properties: PERMISSION('PropertiesService\\.getDocumentProperties'),
      sheets: PERMISSION('SpreadsheetApp\\.getActiveSpreadsheet'),
    });
    expect(sheet.runtime.spreadsheetApp.ui.menus.get('Annotera')!.items).toEqual([{ caption: 'Öppna', functionName: 'menuSettings' }]);
  });

  test('under LIMITED (a bound script\'s onOpen) both are allowed', async () => {
    sheet = await startTestSheet({ extraCode: PROBE });
    const { result } = await sheet.runtime.trigger('probe', 'LIMITED');
    expect(result).toMatchObject({ mode: 'LIMITED', isNone: false, properties: 'ok', sheets: 'ok' });
  });
});

describe('ScriptApp.getService().getUrl()', () => {
  test('the /exec address once deployed; the /dev address while the script has no deployment (which settings must not offer)', async () => {
    const URL_PROBE = 'function webAppAddress() { return ScriptApp.getService().getUrl(); }';
    sheet = await startTestSheet({ extraCode: URL_PROBE });
    expect((await sheet.runtime.execute('webAppAddress')).result).toBe(`${sheet.url}/exec`);
    expect((await sheet.runtime.execute<{ url: string }>('settingsInfo')).result.url).toBe(`${sheet.url}/exec`);
    await sheet.stop();
    sheet = await startTestSheet({ extraCode: URL_PROBE, deployed: false });
    expect((await sheet.runtime.execute('webAppAddress')).result).toBe(`${sheet.url}/dev`);
    expect((await sheet.runtime.execute<{ url: string }>('settingsInfo')).result.url).toBe('');
  });
});

let books = 0;

/** A new workbook in the locale; its tab T and its SpreadsheetApp, driven as a user would by hand. */
async function book(locale: string) {
  const runtime = await LocalRuntime.open({ codePath: CODE_PATH, workbookPath: join(dir, `${locale}-${(books += 1)}.xlsx`), locale });
  return { app: runtime.spreadsheetApp, tab: runtime.spreadsheetApp.getActiveSpreadsheet().insertSheet('T') };
}

describe('filter criteria', () => {
  test('text conditions ignore case, as Sheets applies them', async () => {
    const { app, tab } = await book('sv_SE');
    tab.getRange(1, 1, 5, 1).setValues([['Kommun'], ['Flen'], ['FLEN'], ['Flenninge'], ['Nacka']]);
    const filter = tab.getRange(1, 1, 5, 1).createFilter();
    const shown = () => [2, 3, 4, 5].filter((row) => !tab.isRowHiddenByFilter(row));
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().whenTextEqualTo('flen').build());
    expect(shown()).toEqual([2, 3]);
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().whenTextContains('fLeN').build());
    expect(shown()).toEqual([2, 3, 4]);
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().whenTextStartsWith('NAC').build());
    expect(shown()).toEqual([5]);
  });
});

describe('values typed in the spreadsheet\'s locale', () => {
  test('sv_SE: decimal comma and space-grouped thousands are numbers, a decimal point is text, ISO dates are dates, impossible dates text', async () => {
    const { tab } = await book('sv_SE');
    const typed = ['3,5', '-0,25', '1 000', '3.5', '007', '2016-05-01', '2016-05-01 14:30', '2016-02-30', '2016-05-01T24:00', "'007", 'sant'];
    tab.getRange(1, 1, 1, typed.length).setValues([typed]);
    const values = tab.getRange(1, 1, 1, typed.length).getValues()[0];
    expect(values.slice(0, 5)).toEqual([3.5, -0.25, 1000, '3.5', 7]);
    expect((values[5] as Date).toISOString()).toBe('2016-05-01T00:00:00.000Z');
    expect((values[6] as Date).toISOString()).toBe('2016-05-01T14:30:00.000Z');
    expect(values.slice(7)).toEqual(['2016-02-30', '2016-05-01T24:00', '007', 'sant']);
  });

  test('en_US and en_GB: decimal point and comma-grouped thousands; slashed dates month-first in the US, day-first in the UK', async () => {
    const { tab: us } = await book('en_US');
    us.getRange(1, 1, 1, 4).setValues([['3.5', '1,000', '3,5', '5/1/2016']]);
    const usValues = us.getRange(1, 1, 1, 4).getValues()[0];
    expect(usValues.slice(0, 3)).toEqual([3.5, 1000, '3,5']);
    expect((usValues[3] as Date).toISOString()).toBe('2016-05-01T00:00:00.000Z');
    const { tab: uk } = await book('en_GB');
    uk.getRange(1, 1).setValue('5/1/2016');
    expect((uk.getRange(1, 1).getValue() as Date).toISOString()).toBe('2016-01-05T00:00:00.000Z');
  });
});
