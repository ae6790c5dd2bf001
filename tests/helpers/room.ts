// The local review room in Chromium: a browser without extension, a room page opened with the token, and what its grid displays.
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROME, chromiumFlags } from '../../scripts/chromium';
import { startTestSheet, TOKEN, type TestSheet } from './local-sheet';
import { makePassage } from './passages';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME, headless: true, args: [...chromiumFlags(), '--disable-gpu', '--lang=sv-SE'] });
}

/** A new browser session on the room, let in with the token (the page redirects to the clean address). */
export async function openRoom(browser: Browser, sheet: TestSheet): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${sheet.url}/?token=${TOKEN}`);
  await page.getByRole('button', { name: 'Annotera' }).waitFor();
  return page;
}

/** Opens a tab by its link. */
export async function showTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Flikar' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('grid', { name, exact: true }).waitFor();
}

/** The cells the grid displays now, row by row (header row first), as text. */
export function displayedRows(page: Page): Promise<string[][]> {
  return page.locator('table.grid').evaluate((table) =>
    Array.from(table.querySelectorAll('tr[data-row]'), (row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')),
  );
}

/** The displayed values of one column, found by its header, under the header. */
export async function displayedColumn(page: Page, header: string): Promise<string[]> {
  const [head, ...rows] = await displayedRows(page);
  const at = head.indexOf(header);
  if (at === -1) throw new Error(`no column ${header} displayed`);
  return rows.map((row) => row[at]);
}

/** Chooses an item of the Annotera menu. */
export async function chooseFromMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Annotera' }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** Nacka and Flen each with a theme passage, a plan item and a national request; Skövde with one live and one deleted passage. */
export const roomCorpus = () => [
  makePassage({ municipality: '0182', themes: ['digitalisering'], quote: 'Nacka tema.' }),
  makePassage({ municipality: '0182', kind: 'plan', themes: ['personalforsorjning'], quote: 'Nacka plan.' }),
  makePassage({ municipality: '0182', kind: 'national', themes: ['tolkar'], quote: 'Nacka nationellt till Socialstyrelsen.' }),
  makePassage({ municipality: '0482', themes: ['personalforsorjning'], quote: 'Flen tema.' }),
  makePassage({ municipality: '0482', kind: 'plan', themes: ['digitalisering'], quote: 'Flen plan.' }),
  makePassage({ municipality: '0482', kind: 'national', themes: ['personalforsorjning'], quote: 'Flen nationellt till SKL.' }),
  makePassage({ municipality: '1496', themes: ['tolkar'], quote: 'Skövde tema.' }),
  makePassage({ municipality: '1496', themes: ['tolkar'], quote: 'Skövde borttagen.', deleted: true }),
];

/** A fresh workbook seeded with the corpus through the web app, and a room open on it. */
export async function seededRoom(browser: Browser): Promise<{ sheet: TestSheet; page: Page }> {
  const sheet = await startTestSheet();
  const reply = await sheet.upsert(...roomCorpus());
  if ((reply.json as { ok: boolean }).ok !== true) throw new Error(`seeding failed: ${JSON.stringify(reply.json)}`);
  return { sheet, page: await openRoom(browser, sheet) };
}
