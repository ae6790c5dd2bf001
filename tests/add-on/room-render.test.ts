// The local room's grid as rendered from the runtime's workbook: escaped text, links only to web addresses, filters and hidden parts left out.
import { afterEach, expect, test } from 'vitest';
import { parseHtml } from '../helpers/fixtures';
import { startTestSheet, type TestSheet } from '../helpers/local-sheet';
import { makePassage } from '../helpers/passages';
import { renderTab } from '../../apps-script/local-runtime/room/render-tab';

let sheet: TestSheet;
afterEach(async () => {
  await sheet?.stop();
});

const grid = (name: string) => parseHtml(`<body>${renderTab(sheet.runtime.book, sheet.runtime.book.sheet(name)!)}</body>`);

test('every value is text: markup in a quote, a note or a colour stays inert; only web addresses become links', async () => {
  sheet = await startTestSheet();
  await sheet.upsert(makePassage({ quote: '<img src=x onerror=alert(1)>', note: '"><script>alert(2)</script>', url: 'http://www.socialbarnungdom.se/a/' }));
  const tab = sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Kodbok')!;
  tab.getRange(2, 2, 1, 2).setValues([["'javascript:alert(3)", "'https://example.org/x?a=1&b=<2>"]]);
  tab.getRange(2, 2, 1, 1).setBackgrounds([['red;background:url(http://evil/)']]);
  tab.getRange(2, 2, 1, 1).setNotes([['<b>note</b>']]);

  const passager = grid('Passager');
  expect(passager.querySelectorAll('img, script')).toHaveLength(0);
  expect(Array.from(passager.querySelectorAll('td')).map((td) => td.textContent)).toContain('<img src=x onerror=alert(1)>');
  expect(passager.querySelector('a')?.getAttribute('href')).toMatch(/^https?:\/\/[^"<>]*socialbarnungdom\.se\/a\//);

  const kodbok = grid('Kodbok');
  const cell = kodbok.querySelector('tr[data-row="2"] td[data-col="2"]')!;
  expect(cell.textContent).toBe('javascript:alert(3)');
  expect(cell.querySelector('a')).toBeNull();
  expect(cell.getAttribute('style')).toBeNull();
  expect(cell.getAttribute('title')).toBe('<b>note</b>');
  expect(kodbok.querySelector('tr[data-row="2"] td[data-col="3"] a')!.getAttribute('href')).toBe('https://example.org/x?a=1&b=%3C2%3E');
});

test('rows a filter or the user hid and hidden columns are not in the grid; the frozen header is; hand-kept cells are marked', async () => {
  sheet = await startTestSheet();
  await sheet.upsert(
    makePassage({ municipality: '0182', kind: 'plan', quote: 'Nacka plan.' }),
    makePassage({ municipality: '0482', kind: 'plan', quote: 'Flen plan.' }),
  );
  sheet.runtime.invoke('applyFilter', { by: 'municipality', code: '0482' });
  const plan = grid('Plan för handling');
  expect(Array.from(plan.querySelectorAll('thead tr[data-row]')).map((tr) => tr.getAttribute('data-row'))).toEqual(['1']);
  expect(Array.from(plan.querySelectorAll('tbody tr')).map((tr) => tr.querySelector('td')!.textContent)).toEqual(['Flen']);
  const editable = Array.from(plan.querySelectorAll('tbody td[data-edit]')).map((td) => td.getAttribute('data-col'));
  expect(editable).toEqual(['5', '6']);

  const passager = grid('Passager');
  const headers = Array.from(passager.querySelectorAll('thead tr[data-row="1"] td')).map((td) => td.textContent);
  expect(headers).not.toContain('id');
  expect(passager.querySelectorAll('td[data-edit]')).toHaveLength(0);
});
