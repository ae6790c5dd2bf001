// The review menu on the local runtime: drill-down from a Matris cell or selected rows, the combined filter sidebar,
// Kommunprofil, the menu's names, and the lock and flush around every menu write.
import { afterEach, describe, expect, test } from 'vitest';
import { makePassage } from '../helpers/passages';
import { startTestSheet, tabValues, type TestSheet } from '../helpers/local-sheet';

let sheet: TestSheet;
afterEach(async () => {
  await sheet?.stop();
});

const spreadsheet = () => sheet.runtime.spreadsheetApp.getActiveSpreadsheet();
const tab = (name: string) => spreadsheet().getSheetByName(name)!;
const select = (name: string, row: number, column: number, rows = 1) => spreadsheet().setActiveRange(tab(name).getRange(row, column, rows, 1));
const NACKA = 'http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/';
const FLEN = 'http://www.socialbarnungdom.se/kommunbesok/flen/';

interface Drill { title: string; passages: Array<{ id: string; quote: string; kind: string; themes: string[]; note: string; author: string; municipality: string; link: string }> }
const drill = () => sheet.runtime.invoke<Drill>('passagesForSelection').result;
const quotes = (d: Drill) => d.passages.map((p) => p.quote).sort();

function corpus() {
  return {
    digital: makePassage({ quote: 'Bärbara datorer.', themes: ['digitalisering'], author: 'Ann', note: 'Bra exempel' }),
    both: makePassage({ quote: 'Datorer och rekrytering.', themes: ['digitalisering', 'personalforsorjning'], author: 'Bo' }),
    plan: makePassage({ quote: 'Samverkan ska stärkas.', kind: 'plan', themes: ['samverkan-skola'], author: 'Ann' }),
    planDigital: makePassage({ quote: 'Plan: fler datorer.', kind: 'plan', themes: ['digitalisering'], author: 'Bo' }),
    flen: makePassage({ url: FLEN, municipality: '0482', quote: 'Flen rekryterar.', themes: ['personalforsorjning'], author: 'Ann' }),
    national: makePassage({ url: FLEN, municipality: '0482', kind: 'national', quote: 'SKL bör stödja.', themes: ['ensamkommande'], author: 'Bo' }),
    gone: makePassage({ quote: 'Borttagen.', themes: ['digitalisering'], deleted: true }),
  };
}

async function upsertCorpus() {
  const c = corpus();
  await sheet.upsert(...Object.values(c));
  return c;
}

const matrixCell = (municipality: string, header: string) => {
  const values = tabValues(sheet, 'Matris');
  return [values.findIndex((row) => row[1] === municipality) + 1, (values[0] as string[]).indexOf(header) + 1] as const;
};

describe('Visa passager för markerad cell', () => {
  test('a Matris cell lists the passages it counts: quote, kind, themes, note, author, link', async () => {
    sheet = await startTestSheet();
    const c = await upsertCorpus();
    const [row, column] = matrixCell('Nacka', 'Digitalisering och teknik');
    expect(tabValues(sheet, 'Matris')[row - 1][column - 1]).toBe(3);
    select('Matris', row, column);
    const result = drill();
    expect(result.title).toBe('Nacka × Digitalisering och teknik');
    expect(quotes(result)).toEqual([c.both.quote, c.digital.quote, c.planDigital.quote].sort());
    expect(result.passages.find((p) => p.id === c.digital.id)).toEqual({
      id: c.digital.id, quote: c.digital.quote, kind: 'Tema', themes: ['Digitalisering och teknik'], municipality: 'Nacka',
      note: 'Bra exempel', author: 'Ann', link: `https://web.archive.org/web/2016/${NACKA}#annotera=${c.digital.id}`,
    });
    const totals = tabValues(sheet, 'Matris')[0].length;
    select('Matris', row, totals);
    expect(drill().passages).toHaveLength(4);
    const last = tabValues(sheet, 'Matris').length;
    select('Matris', last, matrixCell('Flen', 'Personalförsörjning och rekrytering')[1]);
    expect(quotes(drill())).toEqual([c.both.quote, c.flen.quote].sort());
  });

  test('selected rows of Passager, Plan för handling and Inlägg list their passages; the sidebar shows them', async () => {
    sheet = await startTestSheet();
    const c = await upsertCorpus();
    select('Passager', 2, 3, 2);
    expect(quotes(drill())).toEqual([c.digital.quote, c.both.quote].sort());
    const planRow = tabValues(sheet, 'Plan för handling').findIndex((row) => row[2] === c.plan.quote) + 1;
    select('Plan för handling', planRow, 1);
    expect(quotes(drill())).toEqual([c.plan.quote]);
    const flenRow = tabValues(sheet, 'Inlägg').findIndex((row) => row[1] === FLEN) + 1;
    select('Inlägg', flenRow, 5);
    expect(quotes(drill())).toEqual([c.flen.quote, c.national.quote].sort());
    select('Passager', 1, 1);
    expect(drill().passages).toEqual([]);
    select('Passager', 2, 3, 2);
    sheet.runtime.invoke('menuShowPassagesForCell');
    const sidebar = sheet.runtime.shown.at(-1)!;
    expect(sidebar).toMatchObject({ kind: 'sidebar', title: 'Visa passager för markerad cell' });
    expect(sidebar.html).toContain(JSON.stringify(c.digital.quote));
    expect(sidebar.html).toContain('.passagesForSelection()');
    expect(sidebar.html).not.toMatch(/innerHTML/);
  });
});

describe('the filter sidebar', () => {
  const visible = (name: string, column: number) => {
    const values = tabValues(sheet, name);
    return values.slice(1).filter((_, i) => !tab(name).isRowHiddenByFilter(i + 2) && !tab(name).isRowHiddenByUser(i + 2)).map((row) => row[column]);
  };

  test('municipality, kind and author combine; Matris counts the kind; counts are for the other choices; Visa allt clears', async () => {
    sheet = await startTestSheet();
    const c = await upsertCorpus();
    const { result, log } = sheet.runtime.invoke<{ current: object; kinds: Array<{ value: string; count: number }>; authors: Array<{ value: string; count: number }> }>(
      'applyFilter', { municipality: '0182', kind: 'plan' });
    expect(log.indexOf('SpreadsheetApp.flush')).toBeGreaterThan(log.indexOf('LockService.getScriptLock'));
    expect(result.current).toEqual({ municipality: '0182', kind: 'plan' });
    expect(result.kinds.map((k) => [k.value, k.count])).toEqual([['theme', 2], ['plan', 2], ['national', 0]]);
    expect(result.authors.map((a) => [a.value, a.count])).toEqual([['Ann', 1], ['Bo', 1]]);
    expect(visible('Passager', 5).sort()).toEqual([c.plan.quote, c.planDigital.quote].sort());
    expect(visible('Plan för handling', 2).sort()).toEqual([c.plan.quote, c.planDigital.quote].sort());
    expect(visible('Nationell nivå', 2)).toEqual([]);
    expect(visible('Matris', 1)).toEqual(['Nacka', '']);
    const [row, column] = matrixCell('Nacka', 'Digitalisering och teknik');
    expect(tabValues(sheet, 'Matris')[row - 1][column - 1]).toBe(1);
    select('Matris', row, column);
    expect(quotes(drill())).toEqual([c.planDigital.quote]);
    sheet.runtime.invoke('applyFilter', { municipality: '0182', kind: 'plan', author: 'Bo' });
    expect(visible('Passager', 5)).toEqual([c.planDigital.quote]);
    sheet.runtime.invoke('menuShowEverything');
    expect(visible('Passager', 5)).toHaveLength(6);
    expect(visible('Matris', 1)).toEqual(['Nacka', 'Flen', '']);
    expect(tabValues(sheet, 'Matris')[row - 1][column - 1]).toBe(3);
  });

  test('by county and by theme; a new batch keeps the filter; unknown values are refused and change nothing', async () => {
    sheet = await startTestSheet();
    const c = await upsertCorpus();
    sheet.runtime.invoke('applyFilter', { county: '04', theme: 'personalforsorjning' });
    expect(visible('Passager', 5)).toEqual([c.flen.quote]);
    expect(visible('Matris', 1)).toEqual(['Flen', '']);
    await sheet.upsert(makePassage({ municipality: '0180', themes: ['personalforsorjning'], quote: 'Stockholm.' }));
    expect(visible('Passager', 5)).toEqual([c.flen.quote]);
    expect(visible('Matris', 1)).toEqual(['Flen', '']);
    for (const bad of [{ county: '99' }, { kind: 'other' }, { author: 7 }, { colour: 'red' }, 'Nacka']) {
      expect(() => sheet.runtime.invoke('applyFilter', bad)).toThrow(/Unknown filter/);
    }
    expect(sheet.runtime.invoke<{ current: object }>('filterOptions').result.current).toEqual({ county: '04', theme: 'personalforsorjning' });
  });

  test('the sidebar offers every dimension as buttons with counts (no drop-down); a filter saved by the older version still applies', async () => {
    sheet = await startTestSheet();
    await upsertCorpus();
    sheet.runtime.invoke('menuFilterByTheme');
    const html = sheet.runtime.shown.at(-1)!.html;
    expect(html).toContain('var BY = "theme";');
    expect(html).not.toMatch(/<select|innerHTML/);
    expect(html).toContain(".applyFilter(state)");
    const options = sheet.runtime.invoke<Record<string, Array<{ label: string; count: number }>>>('filterOptions').result;
    expect(options.counties.map((o) => [o.label, o.count])).toEqual([['Stockholms län', 4], ['Södermanlands län', 2]]);
    expect(options.authors.map((o) => [o.label, o.count])).toEqual([['Ann', 3], ['Bo', 3]]);
    sheet.runtime.invoke('applyFilter', { by: 'municipality', code: '0482' });
    expect(visible('Passager', 1)).toEqual(['Flen', 'Flen']);
  });
});

describe('Kommunprofil', () => {
  test("builds a tab of the municipality's passages by kind, then theme, with plan items' Status and Uppföljning; refreshes it", async () => {
    sheet = await startTestSheet();
    const c = await upsertCorpus();
    const planRow = tabValues(sheet, 'Plan för handling').findIndex((row) => row[2] === c.plan.quote) + 1;
    tab('Plan för handling').getRange(planRow, 5, 1, 2).setValues([['Pågår', "'Följs upp i maj"]]);
    const { result, log } = sheet.runtime.invoke<{ tab: string; rows: number }>('buildMunicipalityProfile', '0182');
    expect(log.indexOf('SpreadsheetApp.flush')).toBeGreaterThan(log.indexOf('LockService.getScriptLock'));
    expect(result).toEqual({ tab: 'Kommunprofil Nacka', rows: 5 });
    const rows = tabValues(sheet, 'Kommunprofil Nacka');
    expect(rows[0]).toEqual(['Typ', 'Tema', 'Citat', 'Anteckning', 'Författare', 'Status', 'Uppföljning', 'Länk', 'id']);
    expect(rows.slice(1).map((row) => [row[1], row[2], row[5], row[6]])).toEqual([
      ['Personalförsörjning och rekrytering', c.both.quote, '', ''],
      ['Digitalisering och teknik', c.digital.quote, '', ''],
      ['', c.both.quote, '', ''],
      ['Samverkan skola–socialtjänst', c.plan.quote, 'Pågår', 'Följs upp i maj'],
      ['Digitalisering och teknik', c.planDigital.quote, 'Ej påbörjad', ''],
    ]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['Tema', '', '', 'Plan för handling', '']);
    expect(tab('Kommunprofil Nacka').getRange(2, 8, 1, 1).getRichTextValues()[0][0].getLinkUrl()).toContain(`#annotera=${c.both.id}`);
    expect(spreadsheet().getActiveSheet()!.getName()).toBe('Kommunprofil Nacka');
    await sheet.upsert(makePassage({ quote: 'Ny passage.', themes: [], kind: 'national' }));
    sheet.runtime.invoke('buildMunicipalityProfile', '0182');
    expect(tabValues(sheet, 'Kommunprofil Nacka').at(-1)!.slice(0, 3)).toEqual(['Nationell nivå', '(utan tema)', 'Ny passage.']);
    expect(sheet.runtime.book.sheets.filter((s) => s.name === 'Kommunprofil Nacka')).toHaveLength(1);
    expect(() => sheet.runtime.invoke('buildMunicipalityProfile', '9999')).toThrow(/Unknown municipality/);
    sheet.runtime.invoke('menuMunicipalityProfile');
    expect(sheet.runtime.shown.at(-1)!.html).toContain('.buildMunicipalityProfile(o.value)');
  });
});

describe('the menu', () => {
  test('carries the review items by their Swedish names, and English ones in an English spreadsheet', async () => {
    sheet = await startTestSheet();
    const names = (sheet.runtime.spreadsheetApp.ui.menus.get('Annotera')?.items ?? []).flatMap((item) => ('caption' in item ? [item.caption] : []));
    expect(names).toEqual(expect.arrayContaining(['Filtrera på kommun…', 'Filtrera på tema…', 'Visa allt', 'Visa passager för markerad cell', 'Kommunprofil…', 'Exportera…']));
    await sheet.stop();
    sheet = await startTestSheet({ locale: 'en_GB' });
    const english = (sheet.runtime.spreadsheetApp.ui.menus.get('Annotera')?.items ?? []).flatMap((item) => ('caption' in item ? [item.caption] : []));
    expect(english).toEqual(expect.arrayContaining(['Show passages for the selected cell', 'Municipality profile…', 'Export…']));
  });
});
