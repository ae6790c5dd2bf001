// The sheet the team works in, on the local runtime: matrix, plan and national views, Kodbok, filters, menu, English locale.
import { afterEach, describe, expect, test } from 'vitest';
import { makePassage } from '../helpers/passages';
import type { Codebook } from '../../shared/codebook';
import { startTestSheet, tabValues, TOKEN, type TestSheet } from '../helpers/local-sheet';

let sheet: TestSheet;
afterEach(async () => {
  await sheet?.stop();
});

const tab = (name: string) => sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;

/** Three municipalities in two counties, several themes, a plan item, a national request and a deleted passage. */
function corpus() {
  return [
    makePassage({ municipality: '0182', themes: ['digitalisering'] }),
    makePassage({ municipality: '0182', themes: ['digitalisering', 'personalforsorjning'] }),
    makePassage({ municipality: '0182', kind: 'plan', themes: ['samverkan-skola'], quote: 'Samverkan mellan skola och socialtjänst.' }),
    makePassage({ municipality: '0482', kind: 'national', themes: ['ensamkommande'], quote: 'Flen önskar att SKL tar en mer aktiv roll, inte bara Migrationsverket.' }),
    makePassage({ municipality: '0482', themes: ['personalforsorjning'] }),
    makePassage({ municipality: '1496', kind: 'plan', themes: ['placerade-barns-skolgang'], quote: 'Skövde ska ta fram åtgärder.' }),
    makePassage({ municipality: '1496', themes: ['tolkar'], deleted: true }),
  ];
}

describe('derived tabs', () => {
  test('Matris: municipalities with passages, grouped by county, × themes in codebook order, with totals and heat', async () => {
    sheet = await startTestSheet();
    await sheet.upsert(...corpus());
    const matrix = tabValues(sheet, 'Matris');
    const header = matrix[0] as string[];
    expect(header.slice(0, 3)).toEqual(['Län', 'Kommun', 'Samverkan skola–socialtjänst']);
    expect(header[header.length - 1]).toBe('Totalt');
    expect(matrix.map((row) => row[1])).toEqual(['Kommun', 'Nacka', 'Flen', 'Skövde', '']);
    expect(matrix.map((row) => row[0])).toEqual(['Län', 'Stockholms län', 'Södermanlands län', 'Västra Götalands län', 'Totalt']);
    const column = (label: string) => header.indexOf(label);
    expect(matrix[1][column('Digitalisering och teknik')]).toBe(2);
    expect(matrix[1][column('Personalförsörjning och rekrytering')]).toBe(1);
    expect(matrix[2][column('Personalförsörjning och rekrytering')]).toBe(1);
    expect(matrix[3][column('Tolkar')]).toBe(0);
    expect(matrix[1][header.length - 1]).toBe(3);
    expect(matrix[4][column('Personalförsörjning och rekrytering')]).toBe(2);
    expect(matrix[4][header.length - 1]).toBe(6);
    const range = tab('Matris').getRange(2, column('Digitalisering och teknik') + 1, 1, 1);
    expect(range.getNotes()[0][0]).toContain('Socialsekreterarna har bärbara krypterade datorer.');
    expect(range.getBackgrounds()[0][0]).not.toBe('#ffffff');
  });

  test('Plan för handling and Nationell nivå list their passages; the national body is named', async () => {
    sheet = await startTestSheet();
    await sheet.upsert(...corpus());
    const plan = tabValues(sheet, 'Plan för handling');
    expect(plan[0]).toEqual(['Kommun', 'Län', 'Plan för handling', 'Teman', 'Status', 'Uppföljning', 'Länk', 'id']);
    expect(plan.slice(1).map((row) => [row[0], row[2], row[4]])).toEqual([
      ['Nacka', 'Samverkan mellan skola och socialtjänst.', 'Ej påbörjad'],
      ['Skövde', 'Skövde ska ta fram åtgärder.', 'Ej påbörjad'],
    ]);
    const national = tabValues(sheet, 'Nationell nivå');
    expect(national.slice(1).map((row) => [row[0], row[3], row[4]])).toEqual([['Flen', 'SKL, Migrationsverket', 'Ensamkommande barn och unga']]);
  });

  test('Status and Uppföljning typed by the team survive new batches and a rebuild from the menu', async () => {
    sheet = await startTestSheet();
    const passages = corpus();
    await sheet.upsert(...passages);
    const plan = tab('Plan för handling');
    const skovdeRow = tabValues(sheet, 'Plan för handling').findIndex((row) => row[0] === 'Skövde') + 1;
    plan.getRange(skovdeRow, 5, 1, 2).setValues([['Pågår', new Date(Date.UTC(2026, 1, 28))]]);
    await sheet.upsert(makePassage({ municipality: '0180', kind: 'plan', quote: 'Stockholm planerar.' }));
    sheet.runtime.invoke('menuRebuild');
    const rows = tabValues(sheet, 'Plan för handling').slice(1);
    const skovde = rows.find((row) => row[0] === 'Skövde')!;
    expect(skovde[4]).toBe('Pågår');
    expect((skovde[5] as Date).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(rows.find((row) => row[0] === 'Stockholm')![4]).toBe('Ej påbörjad');
    expect(rows).toHaveLength(3);
  });

  test('a Kodbok edit is served to the extension and used in the matrix', async () => {
    sheet = await startTestSheet();
    tab('Kodbok').getRange(20, 1, 1, 4).setValues([["'sekretess", "'Sekretess och informationsdelning", "'Confidentiality", "'#123456"]]);
    tab('Kodbok').getRange(2, 2, 1, 1).setValues([["'Skola och socialtjänst"]]);
    const codebook = (await sheet.get({ action: 'codebook', token: TOKEN })).json.codebook;
    expect(codebook.themes[0].label.sv).toBe('Skola och socialtjänst');
    expect(codebook.themes.at(-1)).toEqual({ id: 'sekretess', label: { sv: 'Sekretess och informationsdelning', en: 'Confidentiality' }, color: '#123456' });
    await sheet.upsert(makePassage({ themes: ['sekretess'] }));
    const header = tabValues(sheet, 'Matris')[0];
    expect(header).toContain('Sekretess och informationsdelning');
    expect(header[2]).toBe('Skola och socialtjänst');
  });

  test('Kodbok keeps Sökord: the default themes start with Swedish keywords, edits are served as an optional keywords list', async () => {
    sheet = await startTestSheet();
    expect(tabValues(sheet, 'Kodbok')[0]).toEqual(['id', 'Etikett (svenska)', 'Etikett (engelska)', 'Färg', 'Sökord']);
    const codebook = async () => ((await sheet.get({ action: 'codebook', token: TOKEN })).json as { codebook: Codebook }).codebook;
    expect((await codebook()).themes.find((t) => t.id === 'tolkar')?.keywords).toEqual(['tolk']);
    tab('Kodbok').getRange(20, 1, 1, 5).setValues([["'sekretess", "'Sekretess", "'Confidentiality", "'#123456", "'sekretess; tystnadsplikt,  x"]]);
    tab('Kodbok').getRange(19, 5, 1, 1).setValues([["'"]]);
    const after = await codebook();
    expect(after.themes.at(-1)).toEqual({ id: 'sekretess', label: { sv: 'Sekretess', en: 'Confidentiality' }, color: '#123456', keywords: ['sekretess', 'tystnadsplikt'] });
    expect(after.themes.at(-2)).not.toHaveProperty('keywords');
  });
});

describe('filters', () => {
  test('by municipality: Passager, the views and Matris show only that municipality; "show everything" clears', async () => {
    sheet = await startTestSheet();
    await sheet.upsert(...corpus());
    sheet.runtime.invoke('applyFilter', { by: 'municipality', code: '0482' });
    const visible = (name: string, column: number) => {
      const values = tabValues(sheet, name);
      return values.slice(1).filter((_, i) => !tab(name).isRowHiddenByFilter(i + 2) && !tab(name).isRowHiddenByUser(i + 2)).map((row) => row[column]);
    };
    expect(new Set(visible('Passager', 1))).toEqual(new Set(['Flen']));
    expect(visible('Passager', 1)).toHaveLength(2);
    expect(visible('Nationell nivå', 0)).toEqual(['Flen']);
    expect(visible('Plan för handling', 0)).toEqual([]);
    expect(visible('Matris', 1)).toEqual(['Flen', '']);
    await sheet.upsert(makePassage({ municipality: '0482', themes: ['tolkar'] }));
    expect(visible('Matris', 1)).toEqual(['Flen', '']);
    expect(visible('Passager', 1)).toHaveLength(3);
    sheet.runtime.invoke('menuShowEverything');
    expect(visible('Passager', 1)).toHaveLength(7);
    expect(visible('Matris', 1)).toEqual(['Nacka', 'Flen', 'Skövde', '']);
  });

  test('by theme: Passager and the views are filtered, Matris shows only that column', async () => {
    sheet = await startTestSheet();
    await sheet.upsert(...corpus());
    sheet.runtime.invoke('applyFilter', { by: 'theme', id: 'personalforsorjning' });
    const passager = tabValues(sheet, 'Passager');
    const shown = passager.slice(1).filter((_, i) => !tab('Passager').isRowHiddenByFilter(i + 2));
    expect(shown.map((row) => row[1])).toEqual(['Nacka', 'Flen']);
    const header = tabValues(sheet, 'Matris')[0] as string[];
    const visibleColumns = header.filter((_, j) => !tab('Matris').isColumnHiddenByUser(j + 1));
    expect(visibleColumns).toEqual(['Län', 'Kommun', 'Personalförsörjning och rekrytering', 'Totalt']);
  });

  test('the sidebar lists municipalities and themes with their counts; a bad filter is refused', async () => {
    sheet = await startTestSheet();
    await sheet.upsert(...corpus());
    const { result } = sheet.runtime.invoke<{ municipalities: unknown[]; themes: Array<{ value: string; count: number }> }>('filterOptions');
    expect(result.municipalities).toEqual([
      { value: '0482', label: 'Flen', count: 2 },
      { value: '0182', label: 'Nacka', count: 3 },
      { value: '1496', label: 'Skövde', count: 1 },
    ]);
    expect(result.themes.find((t) => t.value === 'personalforsorjning')!.count).toBe(2);
    expect(() => sheet.runtime.invoke('applyFilter', { by: 'municipality', code: '9999' })).toThrow(/Unknown filter/);
    sheet.runtime.invoke('menuFilterByMunicipality');
    const sidebar = sheet.runtime.shown.at(-1)!;
    expect(sidebar.kind).toBe('sidebar');
    expect(sidebar.html).toContain('var BY = "municipality";');
    expect(sidebar.html).not.toMatch(/innerHTML/);
  });
});

describe('first run and settings', () => {
  test('the first open makes the tabs, seeds Kodbok, makes a token of at least 128 bits and adds the menu', async () => {
    sheet = await startTestSheet();
    const fresh = await import('../../apps-script/local-runtime/runtime').then((m) =>
      m.LocalRuntime.open({ codePath: sheet.runtime.options.codePath, workbookPath: `${sheet.dir}/fresh.xlsx` }),
    );
    fresh.invoke('onOpen');
    const names = fresh.book.sheets.map((s) => s.name);
    expect(names).toEqual(['Passager', 'Inlägg', 'Matris', 'Plan för handling', 'Nationell nivå', 'Kodbok', 'Borttagna passager']);
    expect(fresh.book.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(['Borttagna passager']);
    expect(fresh.documentProperties.ANNOTERA_TOKEN).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh.book.sheet('Kodbok')!.extent().rows).toBeGreaterThan(18);
    expect(fresh.spreadsheetApp.ui.menus.get('Annotera')!.items).toContainEqual({ caption: 'Bygg om matrisen', functionName: 'menuRebuild' });
    const old = fresh.documentProperties.ANNOTERA_TOKEN;
    const rotated = fresh.invoke<string>('rotateToken').result;
    expect(rotated).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated).not.toBe(old);
    expect(fresh.documentProperties.ANNOTERA_TOKEN).toBe(rotated);
  });

  test('a spreadsheet in English gets English tabs and headers', async () => {
    sheet = await startTestSheet({ locale: 'en_GB' });
    await sheet.upsert(makePassage({ kind: 'plan' }));
    expect(sheet.runtime.book.sheets.map((s) => s.name)).toEqual(['Passages', 'Posts', 'Matrix', 'Plan for action', 'National level', 'Codebook', 'Deleted passages']);
    expect(tabValues(sheet, 'Passages')[1][3]).toBe('Plan for action');
    expect(tabValues(sheet, 'Plan for action')[1][4]).toBe('Not started');
  });
});
