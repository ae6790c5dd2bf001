// The add-on's write path over the Sheets API on the local runtime: one read and one write per POST, and the way back when
// its tabs are not where it expects them (a sheet from before, a tab deleted or renamed by hand, a new locale).
import { afterEach, expect, test } from 'vitest';
import { makePassage } from '../helpers/passages';
import { startTestSheet, tabValues, type TestSheet } from '../helpers/local-sheet';

let sheet: TestSheet;
afterEach(async () => {
  await sheet?.stop();
});

const book = () => sheet.runtime.book;
/** The id column of Passager (19th), Plan för handling (8th) and Nationell nivå (7th). */
const ID_COLUMN: Record<string, number> = { Passager: 18, 'Plan för handling': 7, 'Nationell nivå': 6 };
const ids = (name: string) => tabValues(sheet, name).slice(1).map((row) => row[ID_COLUMN[name]]);

test('a sheet written by a version before the Sheets API (no recorded locale, state in Document Properties) is taken over', async () => {
  sheet = await startTestSheet();
  const first = makePassage({ kind: 'plan' });
  await sheet.upsert(first);
  // As the previous version left it: its derived state in Document Properties, no locale recorded.
  delete sheet.runtime.documentProperties.ANNOTERA_SHEET_LOCALE;
  sheet.runtime.setDocumentProperty('ANNOTERA_DERIVED', '{"source":"old","tabs":{}}');
  const second = makePassage({ kind: 'plan', municipality: '0482' });
  expect((await sheet.upsert(second)).json.results[0].status).toBe('applied');
  expect(ids('Plan för handling')).toEqual([first.id, second.id]);
  expect(sheet.runtime.documentProperties.ANNOTERA_SHEET_LOCALE).toBe('sv_SE');
  expect(sheet.runtime.documentProperties.ANNOTERA_DERIVED).toBeUndefined();
});

test('a derived tab deleted by hand is made again and filled by the next POST', async () => {
  sheet = await startTestSheet();
  const first = makePassage({ kind: 'national' });
  await sheet.upsert(first);
  book().sheets = book().sheets.filter((s) => s.name !== 'Nationell nivå');
  const second = makePassage({ kind: 'national', municipality: '0482' });
  const reply = await sheet.upsert(second);
  expect(reply.json.results[0].status).toBe('applied');
  expect(ids('Nationell nivå').sort()).toEqual([first.id, second.id].sort());
  expect(ids('Passager')).toEqual([first.id, second.id]);
});

test('a spreadsheet whose locale changed gets its tabs in the new language, and the passages go there', async () => {
  sheet = await startTestSheet();
  await sheet.upsert(makePassage());
  book().locale = 'en_US';
  const later = makePassage({ municipality: '0482' });
  expect((await sheet.upsert(later)).json.results[0].status).toBe('applied');
  expect(book().sheet('Passages')).toBeDefined();
  expect(tabValues(sheet, 'Passages').slice(1).map((row) => row[18])).toEqual([later.id]);
  expect(sheet.runtime.documentProperties.ANNOTERA_SHEET_LOCALE).toBe('en_US');
});
