// Derived tabs on the local runtime: wide matrices build, stale tabs are rebuilt by the next request, hand-kept cells keep
// exactly what the team typed, and Passager hides the right technical columns.
import { afterEach, describe, expect, test } from 'vitest';
import { makePassage } from '../helpers/passages';
import { startTestSheet, tabValues, type TestSheet } from '../helpers/local-sheet';
import { MUNICIPALITIES } from '../../shared/municipalities';

let sheet: TestSheet;
afterEach(async () => {
  await sheet?.stop();
});

const tab = (name: string) => sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
type Answer = { ok: boolean; results: Array<{ status: string }>; error: { code: string } };
const answer = (reply: { json: unknown }) => reply.json as Answer;
const statuses = (reply: { json: unknown }) => answer(reply).results.map((r) => r.status);

describe('wide matrices', () => {
  test('a codebook of 500 themes with passages in all 290 municipalities builds', async () => {
    sheet = await startTestSheet();
    const themes = Array.from({ length: 500 }, (_, i) => `tema-${i}`);
    tab('Kodbok').getRange(2, 1, 500, 4).setValues(themes.map((id, i) => [`'${id}`, `'Tema ${i}`, `'Theme ${i}`, "'#336699"]));
    const passages = MUNICIPALITIES.map((m, i) => makePassage({ municipality: m.code, themes: themes.slice((i * 20) % 500, (i * 20) % 500 + 20) }));
    expect(passages).toHaveLength(290);
    const reply = await sheet.upsert(...passages);
    expect(answer(reply).ok).toBe(true);
    const matrix = tabValues(sheet, 'Matris');
    expect(matrix).toHaveLength(292);
    expect(matrix[0]).toHaveLength(503);
    expect(matrix.at(-1)!.at(-1)).toBe(290);
    expect(matrix.at(-1)!.slice(2, -1).reduce((sum: number, n) => sum + (n as number), 0)).toBe(290 * 20);
  }, 120_000);

  test('10,000 theme ids the codebook lacks build, each its own column', async () => {
    sheet = await startTestSheet();
    const passages = Array.from({ length: 500 }, (_, i) =>
      makePassage({ municipality: MUNICIPALITIES[i % 5].code, themes: Array.from({ length: 20 }, (_, k) => `okand-${i * 20 + k}`) }));
    const reply = await sheet.upsert(...passages);
    expect(answer(reply).ok).toBe(true);
    const header = tabValues(sheet, 'Matris')[0];
    expect(header.filter((cell) => String(cell).startsWith('okand-'))).toHaveLength(10_000);
  }, 120_000);
});

describe('stale derived tabs are rebuilt by the next request', () => {
  const planIds = () => tabValues(sheet, 'Plan för handling').slice(1).map((row) => row[7]);

  test('a write that fails while rebuilding changes nothing (Passager included); the retry applies it and rebuilds', async () => {
    sheet = await startTestSheet();
    const first = makePassage({ kind: 'plan' });
    await sheet.upsert(first);
    // A cell no write can take (Sheets holds at most 50,000 characters) makes the next rebuild of the plan tab fail.
    tab('Plan för handling').model.set(2, 6, { value: 'x'.repeat(50_001) });
    const second = makePassage({ kind: 'plan', municipality: '0482' });
    const failed = await sheet.upsert(second);
    expect(answer(failed).error.code).toBe('internal');
    // One batchUpdate holds every write of a request: it is applied whole or not at all.
    expect(tabValues(sheet, 'Passager').slice(1).map((row) => row[18])).toEqual([first.id]);
    expect(planIds()).toEqual([first.id]);
    tab('Plan för handling').model.set(2, 6, { value: 'kort' });
    const retry = await sheet.upsert(second);
    expect(statuses(retry)).toEqual(['applied']);
    expect(planIds()).toEqual([first.id, second.id]);
    expect(tabValues(sheet, 'Plan för handling')[1][5]).toBe('kort');
  });

  test('after a hand edit of Passager, the next request rebuilds them', async () => {
    sheet = await startTestSheet();
    const p = makePassage({ municipality: '0182' });
    await sheet.upsert(p);
    expect(tabValues(sheet, 'Matris').map((row) => row[1])).toEqual(['Kommun', 'Nacka', '']);
    tab('Passager').getRange(2, 1, 1, 1).setValues([["'0482"]]);
    const again = await sheet.upsert(p);
    expect(statuses(again)).toEqual(['duplicate']);
    expect(tabValues(sheet, 'Matris').map((row) => row[1])).toEqual(['Kommun', 'Flen', '']);
  });

  test('a retry answered duplicate when nothing is stale writes nothing', async () => {
    sheet = await startTestSheet();
    const p = makePassage({ kind: 'national' });
    await sheet.upsert(p);
    const before = sheet.bytes();
    const version = sheet.runtime.book.version;
    const again = await sheet.upsert(p);
    expect(statuses(again)).toEqual(['duplicate']);
    expect(sheet.runtime.book.version).toBe(version);
    expect(sheet.bytes().equals(before)).toBe(true);
  });

  test('a hand edit of a derived tab itself is not watched; the menu rebuild restores it', async () => {
    sheet = await startTestSheet();
    const p = makePassage({ kind: 'plan' });
    await sheet.upsert(p);
    tab('Plan för handling').getRange(1, 1, 2, 8).setValues([['', '', '', '', '', '', '', ''], ['', '', '', '', '', '', '', '']]);
    await sheet.upsert(p);
    expect(planIds()).toEqual([]);
    sheet.runtime.invoke('menuRebuild');
    expect(planIds()).toEqual([p.id]);
  });
});

describe('hand-kept cells keep exactly what the team typed', () => {
  /** [typed into the cell, what getValues gives back, what getFormulas gives back]. */
  const typed: Array<[string, unknown, string]> = [
    ["'=IMPORTXML(\"http://evil.example/\",\"//a\")", '=IMPORTXML("http://evil.example/","//a")', ''],
    ["'+46 70 123 45 67", '+46 70 123 45 67', ''],
    ["'007", '007', ''],
    ["'2016-05-01", '2016-05-01', ''],
    ["'TRUE", 'TRUE', ''],
    ["'-", '-', ''],
    ['Pågår', 'Pågår', ''],
    ['7', 7, ''],
    ['TRUE', true, ''],
    ['=1+1', '', '=1+1'],
  ];

  test.each(typed)('%s in Status and Uppföljning survives batches, a rebuild and a restart', async (input, value, formula) => {
    sheet = await startTestSheet();
    const p = makePassage({ kind: 'plan' });
    await sheet.upsert(p);
    tab('Plan för handling').getRange(2, 5, 1, 2).setValues([[input, input]]);
    // A new plan item of an earlier municipality sorts before it: the kept cells follow their passage, not their row.
    const earlier = makePassage({ kind: 'plan', municipality: '0114' });
    await sheet.upsert(earlier, makePassage({ kind: 'plan', municipality: '2584' }));
    expect(tabValues(sheet, 'Plan för handling')[1][7]).toBe(earlier.id);
    tab('Plan för handling').getRange(2, 5, 1, 2).setValues([['Klar', '']]);
    sheet.runtime.invoke('menuRebuild');
    const row = tabValues(sheet, 'Plan för handling').findIndex((cells) => cells[7] === p.id) + 1;
    const range = tab('Plan för handling').getRange(row, 5, 1, 2);
    expect(range.getValues()[0]).toEqual([value, value]);
    expect(range.getFormulas()[0]).toEqual([formula, formula]);
    sheet = await sheet.restart();
    const reopened = tab('Plan för handling').getRange(row, 5, 1, 2);
    expect(reopened.getValues()[0]).toEqual([value, value]);
    expect(reopened.getFormulas()[0]).toEqual([formula, formula]);
  });

  test('real numbers, dates and booleans stay numbers, dates and booleans', async () => {
    sheet = await startTestSheet();
    const p = makePassage({ kind: 'plan' });
    await sheet.upsert(p);
    const date = new Date(Date.UTC(2026, 1, 28));
    tab('Plan för handling').getRange(2, 5, 1, 2).setValues([[3.5, date]]);
    tab('Plan för handling').getRange(2, 5, 1, 1).setValues([[false]]);
    await sheet.upsert(makePassage({ kind: 'plan', municipality: '2584' }));
    sheet.runtime.invoke('menuRebuild');
    const [status, followUp] = tabValues(sheet, 'Plan för handling')[1].slice(4, 6);
    expect(status).toBe(false);
    expect((followUp as Date).toISOString()).toBe(date.toISOString());
  });
});

test('Passager hides exactly the machine columns: Borttagen, Före, Efter, Start, Slut, id and Tema-id', async () => {
  sheet = await startTestSheet();
  const header = tabValues(sheet, 'Passager')[0];
  const hidden = header.map((_, j) => j + 1).filter((column) => tab('Passager').isColumnHiddenByUser(column));
  expect(hidden.map((column) => header[column - 1])).toEqual(['Borttagen', 'Före', 'Efter', 'Start', 'Slut', 'id', 'Tema-id']);
  expect(tab('Passager').isColumnHiddenByUser(21)).toBe(false);
});
