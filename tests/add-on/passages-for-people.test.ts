// Passager for people and Inlägg, on the local runtime: theme labels, real date-times, rich-text links, tombstones out of the way, posts with coverage.
import { afterEach, describe, expect, test } from 'vitest';
import { makePassage } from '../helpers/passages';
import { startTestSheet, tabValues, TOKEN, type TestSheet } from '../helpers/local-sheet';
import { loadWorkbook } from '../../apps-script/local-runtime/workbook-file';

let sheet: TestSheet;
afterEach(async () => {
  await sheet?.stop();
});

const tab = (name: string) => sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
const NACKA = 'http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/';
const ARCHIVE = 'https://web.archive.org/web/2016/';
/** The post's text as the extension reads it: the passages' offsets point into it. */
const TEXT = `${'Inledning. '.repeat(9)}Socialsekreterarna har bärbara krypterade datorer. Resten av texten om Nacka kommun och dess arbete.`;
const START = TEXT.indexOf('Socialsekreterarna');
const QUOTE = 'Socialsekreterarna har bärbara krypterade datorer.';

describe('Passager for people', () => {
  test('themes as labels (ids in a hidden column), times as date-times, the link as rich text to the passage in the archived post', async () => {
    sheet = await startTestSheet();
    const p = makePassage({ themes: ['tolkar', 'digitalisering'], createdAt: '2026-03-01T08:15:30.250Z', updatedAt: '2026-03-02T17:00:00+01:00' });
    await sheet.upsert(p);
    const row = tabValues(sheet, 'Passager')[1];
    expect(row[4]).toBe('Tolkar, Digitalisering och teknik');
    expect(row[19]).toBe('tolkar, digitalisering');
    expect(Object.prototype.toString.call(row[10])).toBe('[object Date]');
    expect((row[10] as Date).toISOString()).toBe('2026-03-01T08:15:30.250Z');
    expect((row[11] as Date).toISOString()).toBe('2026-03-02T16:00:00.000Z');
    const link = tab('Passager').getRange(2, 8, 1, 1).getRichTextValues()[0][0];
    expect(link.getText()).toBe(NACKA);
    expect(link.getLinkUrl()).toBe(`${ARCHIVE}${NACKA}#annotera=${p.id}`);
    expect(tab('Passager').getRange(2, 1, 1, 20).getFormulas()[0].every((f) => f === '')).toBe(true);
    const hidden = Array.from({ length: 20 }, (_, j) => j + 1).filter((c) => tab('Passager').isColumnHiddenByUser(c));
    expect(hidden).toEqual([14, 15, 16, 17, 18, 19, 20]);
    const listed = await sheet.get({ action: 'passages', url: NACKA, token: TOKEN });
    expect(listed.json.passages[0]).toMatchObject({ id: p.id, themes: ['tolkar', 'digitalisering'], createdAt: '2026-03-01T08:15:30.250Z' });
  });

  test('the link setting switches every link to the original address; the workbook keeps links and the hidden tab', async () => {
    sheet = await startTestSheet();
    const p = makePassage();
    await sheet.send([{ op: 'upsert', passage: p, post: { title: 'Nacka kommun', text: TEXT } }]);
    expect(sheet.runtime.invoke('linkTarget').result).toBe('archive');
    const { log } = sheet.runtime.invoke('setLinkTarget', 'original');
    expect(log.indexOf('SpreadsheetApp.flush')).toBeGreaterThan(log.indexOf('LockService.getScriptLock'));
    expect(log.indexOf('SpreadsheetApp.flush')).toBeLessThan(log.findLastIndex((name) => name.endsWith('.releaseLock')));
    expect(sheet.runtime.invoke('linkTarget').result).toBe('original');
    expect(tab('Passager').getRange(2, 8, 1, 1).getRichTextValues()[0][0].getLinkUrl()).toBe(`${NACKA}#annotera=${p.id}`);
    expect(tab('Inlägg').getRange(2, 2, 1, 1).getRichTextValues()[0][0].getLinkUrl()).toBe(NACKA);
    expect(() => sheet.runtime.invoke('setLinkTarget', 'javascript:alert(1)')).toThrow(/Unknown link target/);
    expect(sheet.runtime.invoke('linkTarget').result).toBe('original');
    await sheet.runtime.persist();
    const { book } = await loadWorkbook(sheet.workbookPath, 'sv_SE');
    expect(book.sheet('Passager')!.get(2, 8)).toMatchObject({ value: NACKA, link: `${NACKA}#annotera=${p.id}` });
    expect(book.sheet('Borttagna passager')!.hidden).toBe(true);
    expect(book.sheet('Passager')!.hidden).toBe(false);
  });

  test('deleted passages leave Passager for the hidden tab, in order; the live rows close up; reading back sees both', async () => {
    sheet = await startTestSheet();
    const [a, b, c] = [makePassage({ quote: 'A' }), makePassage({ quote: 'B' }), makePassage({ quote: 'C' })];
    await sheet.upsert(a, b, c);
    await sheet.send([{ op: 'delete', id: a.id, rev: 2 }]);
    expect(tabValues(sheet, 'Passager').slice(1).map((row) => row[5])).toEqual(['B', 'C']);
    const links = tab('Passager').getRange(2, 8, 2, 1).getRichTextValues().map(([v]) => v.getLinkUrl());
    expect(links).toEqual([`${ARCHIVE}${NACKA}#annotera=${b.id}`, `${ARCHIVE}${NACKA}#annotera=${c.id}`]);
    expect(tab('Passager').getLastRow()).toBe(3);
    expect(tabValues(sheet, 'Borttagna passager').slice(1).map((row) => row[18])).toEqual([a.id]);
    expect((await sheet.upsert({ ...a, rev: 2 })).json.results[0].status).toBe('duplicate');
    expect((await sheet.upsert({ ...b, rev: 3, deleted: true })).json.results[0].status).toBe('applied');
    expect(tabValues(sheet, 'Passager').slice(1).map((row) => row[5])).toEqual(['C']);
    expect(tabValues(sheet, 'Borttagna passager').slice(1).map((row) => row[18])).toEqual([a.id, b.id]);
    const matrix = tabValues(sheet, 'Matris');
    expect(matrix[1].at(-1)).toBe(1);
  });
});

describe('a sheet from the older version', () => {
  test('a tombstone row still on Passager moves to the hidden tab with the next batch; theme ids are read from the theme column', async () => {
    sheet = await startTestSheet();
    const [a, b] = [makePassage({ quote: 'A' }), makePassage({ quote: 'B' })];
    await sheet.upsert(a, b);
    const old = makePassage({ quote: 'Gammal' });
    const row = [...tabValues(sheet, 'Passager')[2]].map((cell) => (typeof cell === 'string' ? `'${cell}` : cell));
    row[4] = "'tolkar";
    row[5] = `'${old.quote}`;
    row[13] = true;
    row[18] = `'${old.id}`;
    row[19] = '';
    tab('Passager').getRange(4, 1, 1, 20).setValues([row]);
    const listed = await sheet.get({ action: 'passages', url: NACKA, token: TOKEN });
    expect(listed.json.passages.map((p: { quote: string }) => p.quote)).toEqual(['A', 'B']);
    expect((await sheet.upsert({ ...old, rev: 1 })).json.results[0].status).toBe('duplicate');
    await sheet.upsert(makePassage({ quote: 'C' }));
    expect(tabValues(sheet, 'Passager').slice(1).map((r) => r[5])).toEqual(['A', 'B', 'C']);
    expect(tabValues(sheet, 'Borttagna passager').slice(1).map((r) => [r[5], r[19]])).toEqual([['Gammal', 'tolkar']]);
  });
});

describe('Inlägg', () => {
  test('the first passage brings the post text; the row has title, link, municipality, date, coders, counts and coverage', async () => {
    sheet = await startTestSheet();
    const first = makePassage({ start: START, end: START + QUOTE.length, quote: QUOTE, author: 'Bo' });
    const reply = await sheet.send([{ op: 'upsert', passage: first, post: { title: 'Nacka kommun', text: TEXT, published: '2016-03-01' } }]);
    expect(reply.json.ok).toBe(true);
    await sheet.upsert(
      makePassage({ start: START, end: START + 20, kind: 'plan', author: 'Ann' }),
      makePassage({ start: 0, end: 11, kind: 'national', author: 'Bo' }),
      makePassage({ start: 20, end: 30, deleted: true, rev: 2 }),
    );
    const posts = tabValues(sheet, 'Inlägg');
    expect(posts[0]).toEqual(['Titel', 'Länk', 'Kommun', 'Datum', 'Kodat av', 'Passager: tema', 'Passager: plan', 'Passager: nationell', 'Täckning', 'Tecken', 'Text']);
    const covered = QUOTE.length + 11;
    expect(posts.slice(1)).toEqual([
      ['Nacka kommun', NACKA, 'Nacka', '2016-03-01', 'Ann, Bo', 1, 1, 1, Math.round((covered / TEXT.length) * 1000) / 10, TEXT.length, TEXT],
    ]);
    expect(tab('Inlägg').getRange(2, 2, 1, 1).getRichTextValues()[0][0].getLinkUrl()).toBe(`${ARCHIVE}${NACKA}`);
  });

  test('a post coded before its text was sent gets a row at once and its text when it comes', async () => {
    sheet = await startTestSheet();
    await sheet.upsert(makePassage({ start: START, end: START + QUOTE.length }));
    expect(tabValues(sheet, 'Inlägg').slice(1)).toEqual([['Nacka kommun', NACKA, 'Nacka', '', 'Testaren', 1, 0, 0, '', '', '']]);
    await sheet.send([{ op: 'upsert', passage: makePassage({ start: 0, end: 10 }), post: { title: 'Nacka', text: TEXT } }]);
    const row = tabValues(sheet, 'Inlägg')[1];
    expect(row.slice(5)).toEqual([2, 0, 0, Math.round(((QUOTE.length + 10) / TEXT.length) * 1000) / 10, TEXT.length, TEXT]);
    await sheet.send([{ op: 'upsert', passage: makePassage({ start: 0, end: 10 }), post: { title: 'Nacka', text: 'En annan text.' } }]);
    expect(tabValues(sheet, 'Inlägg')[1][10]).toBe(TEXT);
  });

  test('a post whose text is too long, or a passage outside the text, is refused and changes nothing', async () => {
    sheet = await startTestSheet();
    const before = sheet.bytes();
    const long = await sheet.send([{ op: 'upsert', passage: makePassage(), post: { title: 'x', text: 'a'.repeat(50_001) } }]);
    expect(long.json.error.code).toBe('invalid_request');
    const outside = await sheet.send([{ op: 'upsert', passage: makePassage({ start: 5, end: 500 }), post: { title: 'x', text: 'kort' } }]);
    expect(outside.json.error.code).toBe('invalid_request');
    expect(outside.json.error.details[0].path).toBe('ops.0.post.text');
    const badDate = await sheet.send([{ op: 'upsert', passage: makePassage(), post: { title: 'x', text: TEXT, published: '=NOW()' } }]);
    expect(badDate.json.error.code).toBe('invalid_request');
    expect(sheet.bytes().equals(before)).toBe(true);
  });
});
