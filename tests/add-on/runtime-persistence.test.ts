// What the add-on writes reads back identically after the runtime saves and reopens the workbook, for any text (fast-check).
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { LocalRuntime } from '../../apps-script/local-runtime/runtime';
import { CODE_PATH } from '../helpers/local-sheet';

const dir = mkdtempSync(join(tmpdir(), 'annotera-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Characters that have broken .xlsx round trips: XML-illegal controls, CR, non-characters, lone surrogates, escapes. */
const TRICKY = ['_x0041_', '_x005F_', '_X000D_', '\r', '\r\n', '\n', '\t', '\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\u2028',
  '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\uFEFF', '\u200B', ' ', '  ', 'e\u0301', '\u05e9\u05dc\u05d5\u05dd', '\u0627\u0644', '😀', '👩🏽‍💻',
  '<', '&', ']]>', '"', "'", '=', '+', '-', '0', '1,5', '2016-05-01', 'TRUE'];

const unit = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((point) => String.fromCodePoint(point)),
);
const text = fc.string({ unit, maxLength: 40 });
/** As the add-on writes user text (quote prefix), and raw, as a hand edit or a typed value would be. */
const typed = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.integer().map(String),
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ noInvalidDate: true, min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') }).map((d) => d.toISOString().slice(0, 19).replace('T', ' ')),
);
const cell = fc.oneof(text.map((t) => (t === '' ? '' : `'${t}`)), text, typed);

let round = 0;

async function roundTrip(values: string[][], notes: string[][]) {
  const workbookPath = join(dir, `w${(round += 1)}.xlsx`);
  const runtime = await LocalRuntime.open({ codePath: CODE_PATH, workbookPath });
  const sheet = runtime.spreadsheetApp.getActiveSpreadsheet().insertSheet('Tab');
  const range = sheet.getRange(1, 1, values.length, values[0].length);
  range.setValues(values);
  range.setNotes(notes);
  const written = { values: range.getValues(), formulas: range.getFormulas(), notes: range.getNotes() };
  await runtime.persist();
  const reopened = await LocalRuntime.open({ codePath: CODE_PATH, workbookPath });
  const again = reopened.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Tab')!.getRange(1, 1, values.length, values[0].length);
  return { written, read: { values: again.getValues(), formulas: again.getFormulas(), notes: again.getNotes() } };
}

describe('persistence', () => {
  test('any text written with setValues and setNotes reads back identically after a save and a reopen', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.tuple(cell, text), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), async (grid) => {
        const { written, read } = await roundTrip(grid.map((row) => row.map(([v]) => v)), grid.map((row) => row.map(([, n]) => n)));
        expect(read).toEqual(written);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  test.each(TRICKY)('%j as quoted text comes back as exactly that text', async (tricky) => {
    const { written, read } = await roundTrip([[`'a${tricky}b`]], [[`a${tricky}b`]]);
    expect(read).toEqual(written);
    expect(read.values[0][0]).toBe(`a${tricky}b`);
    expect(read.notes[0][0]).toBe(`a${tricky}b`);
  });
});
