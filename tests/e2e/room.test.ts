// End to end in Chromium: the local review room — the Annotera menu, the add-on's filter sidebar, filters as Sheets shows them, hand edits, the token.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { startTestSheet, tabValues, type TestSheet } from '../helpers/local-sheet';
import { makePassage } from '../helpers/passages';
import { chooseFromMenu, displayedColumn, displayedRows, launchBrowser, roomCorpus, seededRoom, showTab } from '../helpers/room';

/** google.script as the room's bridge gives it to the add-on's frames, as far as the tests call it. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  applyFilter(state: unknown): void;
}
interface ScriptWindow {
  google: { script: { run: ScriptRunner; host: { close(): void } } };
}

let browser: Browser;
let sheet: TestSheet;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.context().close();
  await sheet?.stop();
});

/** A room on a fresh workbook seeded through the web app. */
async function room(): Promise<Page> {
  ({ sheet, page } = await seededRoom(browser));
  return page;
}

const sidebar = (title: string) => page.frameLocator(`aside iframe[title="${title}"]`);
const quotes = async (header = 'Citat') => (await displayedColumn(page, header)).sort();

describe('filters from the Annotera menu and the add-on’s sidebar', () => {
  test('by municipality: Passager, Plan för handling and Nationell nivå show only its rows, Matris only its row; Visa allt clears', async () => {
    await room();
    await chooseFromMenu(page, 'Filtrera på kommun…');
    await sidebar('Filtrera på kommun…').getByRole('button', { name: /^Nacka/ }).click();

    await showTab(page, 'Passager');
    await expect.poll(() => quotes()).toEqual(['Nacka nationellt till Socialstyrelsen.', 'Nacka plan.', 'Nacka tema.']);
    const header = (await displayedRows(page))[0];
    expect(header).not.toContain('id');
    expect(header).not.toContain('Slut');
    await showTab(page, 'Plan för handling');
    expect(await quotes('Plan för handling')).toEqual(['Nacka plan.']);
    await showTab(page, 'Nationell nivå');
    expect(await quotes('Till nationell nivå')).toEqual(['Nacka nationellt till Socialstyrelsen.']);
    await showTab(page, 'Matris');
    expect(await displayedColumn(page, 'Kommun')).toEqual(['Nacka', '']);
    // Rows a filter hides are not in the page at all, not merely dimmed.
    await expect.poll(() => page.getByRole('gridcell', { name: 'Flen', exact: true }).count()).toBe(0);

    await chooseFromMenu(page, 'Visa allt');
    await expect.poll(() => displayedColumn(page, 'Kommun')).toEqual(['Nacka', 'Flen', 'Skövde', '']);
    await showTab(page, 'Passager');
    expect(await quotes()).toEqual(expect.arrayContaining(roomCorpus().filter((p) => !p.deleted).map((p) => p.quote)));
  });

  test('by theme: the views show only passages with it, Matris only its column', async () => {
    await room();
    await chooseFromMenu(page, 'Filtrera på tema…');
    await sidebar('Filtrera på tema…').getByRole('button', { name: /^Personalförsörjning och rekrytering/ }).click();

    await showTab(page, 'Matris');
    await expect.poll(async () => (await displayedRows(page))[0]).toEqual(['Län', 'Kommun', 'Personalförsörjning och rekrytering', 'Totalt']);
    await showTab(page, 'Passager');
    expect(await quotes()).toEqual(['Flen nationellt till SKL.', 'Flen tema.', 'Nacka plan.']);
    await showTab(page, 'Plan för handling');
    expect(await quotes('Plan för handling')).toEqual(['Nacka plan.']);
    await showTab(page, 'Nationell nivå');
    expect(await quotes('Till nationell nivå')).toEqual(['Flen nationellt till SKL.']);
  });
});

describe('hand-kept cells', () => {
  test('a Status typed in the grid is written as a user edit and survives a new batch; other cells and formulas are refused', async () => {
    await room();
    await showTab(page, 'Plan för handling');
    const nackaRow = page.getByRole('row').filter({ hasText: 'Nacka plan.' });
    const status = nackaRow.getByRole('gridcell', { name: 'Ej påbörjad' });
    await status.dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Pågår');
    await page.keyboard.press('Enter');
    await expect.poll(() => nackaRow.getByRole('gridcell', { name: 'Pågår', exact: true }).count()).toBe(1);
    const planRow = (quote: string) => tabValues(sheet, 'Plan för handling').find((row) => row[2] === quote)!;
    expect(planRow('Nacka plan.')[4]).toBe('Pågår');

    // Uppföljning: typed text is parsed as Sheets parses typed input (a date here); a formula is refused.
    const followUp = nackaRow.locator('td').nth(5);
    await followUp.click();
    await page.keyboard.type('2016-05-01');
    await page.keyboard.press('Enter');
    await expect.poll(() => followUp.textContent()).toBe('2016-05-01');
    expect((planRow('Nacka plan.')[5] as Date).toISOString()).toBe('2016-05-01T00:00:00.000Z');
    await followUp.click();
    await page.keyboard.type('=IMPORTXML("http://example.com")');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Formler stöds inte');
    expect((planRow('Nacka plan.')[5] as Date).toISOString()).toBe('2016-05-01T00:00:00.000Z');

    // A cell the team does not keep by hand opens no editor.
    await nackaRow.getByRole('gridcell', { name: 'Nacka', exact: true }).dblclick();
    await expect.poll(() => nackaRow.locator('input').count()).toBe(0);

    // A new batch rebuilds the tab (Stockholm sorts in before Nacka); the typed Status stays with its passage.
    await sheet.upsert(makePassage({ municipality: '0180', kind: 'plan', quote: 'Stockholm plan.' }));
    await expect.poll(() => quotes('Plan för handling')).toEqual(['Flen plan.', 'Nacka plan.', 'Stockholm plan.']);
    await expect.poll(() => nackaRow.getByRole('gridcell', { name: 'Pågår', exact: true }).count()).toBe(1);
    expect(planRow('Nacka plan.')[4]).toBe('Pågår');
  });

  test('a Kodbok label edited in the grid, and a theme added under the last one, are what the add-on reads', async () => {
    await room();
    await showTab(page, 'Kodbok');
    const cell = page.getByRole('gridcell', { name: 'Tolkar', exact: true });
    await cell.dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Tolkar och språkstöd');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('gridcell', { name: 'Tolkar och språkstöd', exact: true }).count()).toBe(1);

    // The row under the codebook takes a new theme, cell by cell (Tab is not needed: click, type, Enter).
    const next = tabValues(sheet, 'Kodbok').length + 1;
    for (const [column, text] of [[1, 'sekretess'], [2, 'Sekretess'], [3, 'Confidentiality'], [4, '#123456']] as const) {
      await page.locator(`tr[data-row="${next}"] td[data-col="${column}"]`).click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator(`tr[data-row="${next}"] td[data-col="${column}"]`).textContent()).toBe(text);
    }
    const codebook = (await sheet.get({ action: 'codebook', token: sheet.token })).json as { codebook: { themes: Array<{ id: string }> } };
    expect(codebook.codebook.themes.at(-1)).toMatchObject({ id: 'sekretess', label: { sv: 'Sekretess', en: 'Confidentiality' }, color: '#123456' });
    await chooseFromMenu(page, 'Bygg om matrisen');
    await showTab(page, 'Matris');
    await expect.poll(async () => (await displayedRows(page))[0]).toContain('Tolkar och språkstöd');
  });
});

describe('the selection and the add-on’s dialogs', () => {
  test('clicking a cell selects it in the runtime; the settings dialog runs the add-on’s own code and closes', async () => {
    await room();
    await showTab(page, 'Passager');
    await page.getByRole('gridcell', { name: 'Flen tema.', exact: true }).click();
    const active = () => {
      const range = sheet.runtime.spreadsheetApp.getActiveRange();
      return range && `${range.getSheet().getName()}!${range.getA1Notation()}`;
    };
    const row = tabValues(sheet, 'Passager').findIndex((r) => r[5] === 'Flen tema.') + 1;
    await expect.poll(active).toBe(`Passager!F${row}`);

    await chooseFromMenu(page, 'Inställningar');
    const dialog = page.frameLocator('dialog iframe[title="Inställningar"]');
    await expect.poll(() => dialog.getByRole('textbox').first().inputValue()).toBe(sheet.token);
    const frame = page.frames().find((f) => f.url().includes('/room/ui/'))!;
    // Only the add-on's own functions can be called; a failure comes back to the failure handler with the add-on's message.
    const failure = await frame.evaluate(() => new Promise<string>((resolve) => {
      (window as unknown as ScriptWindow).google.script.run.withSuccessHandler(() => resolve('ok')).withFailureHandler((e: Error) => resolve(e.message)).applyFilter({ by: 'municipality', code: '9999' });
    }));
    expect(failure).toBe('Unknown filter.');
    const evil = await frame.evaluate(async () => (await fetch('/room/run', { method: 'POST', headers: { 'x-annotera-room': '1' }, body: JSON.stringify({ name: 'eval', args: ['1'] }) })).status);
    expect(evil).toBe(404);
    // A dialog may hand the user a file, as the add-on's export does (a link with download, no Drive).
    const [download] = await Promise.all([page.waitForEvent('download'), frame.evaluate(() => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob(['annotera'], { type: 'text/plain' }));
      link.download = 'annotera.txt';
      document.body.appendChild(link);
      link.click();
    })]);
    expect(download.suggestedFilename()).toBe('annotera.txt');
    await frame.evaluate(() => (window as unknown as ScriptWindow).google.script.host.close());
    await expect.poll(() => page.locator('dialog').isVisible()).toBe(false);
  });
});

describe('the token and other sites', () => {
  test('without the token a page asks for it; with it a browser session opens at a clean address and remembers it until the token changes; the download needs it too', async () => {
    sheet = await startTestSheet();
    await sheet.upsert(...roomCorpus());
    const context = await browser.newContext({ locale: 'sv-SE', acceptDownloads: true });
    page = await context.newPage();
    expect((await page.goto(`${sheet.url}/`))!.status()).toBe(401);
    await page.getByRole('heading', { name: 'Ange teamets token' }).waitFor();
    expect((await context.request.get(`${sheet.url}/workbook.xlsx`)).status()).toBe(401);
    expect((await context.request.get(`${sheet.url}/room/tab?name=Passager`)).status()).toBe(401);

    await page.getByLabel('Token').fill('not-the-token');
    await page.getByRole('button', { name: 'Öppna' }).click();
    await page.getByRole('alert').filter({ hasText: 'Fel token.' }).waitFor();
    await page.getByLabel('Token').fill(sheet.token);
    await page.getByRole('button', { name: 'Öppna' }).click();
    await page.getByRole('button', { name: 'Annotera' }).waitFor();
    expect(page.url()).toBe(`${sheet.url}/`);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.reload();
    await page.getByRole('button', { name: 'Annotera' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner annotera.xlsx' }).click()]);
    expect((await readFile(await download.path())).subarray(0, 2).toString()).toBe('PK');

    // A rotated token ends the sessions the old one opened.
    sheet.runtime.invoke('rotateToken');
    expect((await page.reload())!.status()).toBe(401);
    await page.getByRole('heading', { name: 'Ange teamets token' }).waitFor();
  });

  test('a write from another site is refused and changes nothing; no answer of the room allows every origin', async () => {
    await room();
    const key = tabValues(sheet, 'Plan för handling')[1][7] as string;
    const edit = JSON.stringify({ sheet: 'Plan för handling', row: 2, column: 5, text: 'Klar', before: 'Ej påbörjad', key });
    // Another site on the same host (same-site, so the SameSite cookie goes along): a plain form post and a fetch.
    const { createServer } = await import('node:http');
    // A text/plain form sends name=value: the JSON body is split where a padding field swallows the '='.
    const [name, value] = ['{"pad":"', `",${edit.slice(1)}`];
    const evil = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<form method="post" action="${sheet.url}/room/edit" enctype="text/plain"><input type="hidden" name='${name}' value='${value}'><button>go</button></form>`);
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(evil.address() as { port: number }).port}/`);
      const blocked = await page.evaluate(async ({ url, body }) => {
        try {
          await fetch(`${url}/room/edit`, { method: 'POST', credentials: 'include', headers: { 'x-annotera-room': '1', 'content-type': 'application/json' }, body });
          return 'sent';
        } catch {
          return 'blocked';
        }
      }, { url: sheet.url, body: edit });
      expect(blocked).toBe('blocked');
      await page.getByRole('button', { name: 'go' }).click();
      await page.waitForURL(`${sheet.url}/room/edit`);
      expect((JSON.parse(await page.locator('body').innerText()) as { error: { code: string } }).error.code).toBe('forbidden_origin');
    } finally {
      evil.close();
    }
    expect(tabValues(sheet, 'Plan för handling')[1][4]).toBe('Ej påbörjad');

    const cookie = (await page.context().cookies())[0];
    const headers = { cookie: `${cookie.name}=${cookie.value}` };
    const answers = await Promise.all([
      fetch(`${sheet.url}/`, { headers }),
      fetch(`${sheet.url}/room/tab?name=Passager`, { headers }),
      fetch(`${sheet.url}/workbook.xlsx`, { headers }),
      fetch(`${sheet.url}/room/run`, { method: 'POST', headers: { ...headers, origin: sheet.url, 'x-annotera-room': '1' }, body: '{"name":"filterOptions"}' }),
      fetch(`${sheet.url}/room/ui/0`, { headers }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 404]);
    for (const answer of answers) expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});
