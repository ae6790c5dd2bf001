// End to end in Chromium: select in a fixture post → tag → highlight → the local sheet; reload, edit, delete, archive copy, outages.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { startLocalSheet, type LocalSheet } from '../../apps-script/local-runtime/start';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../helpers/browser';
import { clickPhrase, highlighted, selectWithMouse, selectWithoutMouse } from '../helpers/page-actions';
import { CODE_PATH, tabValues, TOKEN } from '../helpers/local-sheet';
import { makePassage } from '../helpers/passages';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

let fixtures: FixtureServer;
let sheet: LocalSheet;
let browser: ExtensionBrowser;
let port: number;
const workbookPath = join(mkdtempSync(join(tmpdir(), 'annotera-e2e-')), 'annotera.xlsx');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: found } = probe.address() as { port: number };
      probe.close(() => resolve(found));
    });
  });

const startSheet = () => startLocalSheet({ port, workbookPath, token: TOKEN, codePath: CODE_PATH });

beforeAll(async () => {
  port = await freePort();
  sheet = await startSheet();
  fixtures = await startFixtureServer();
  const extension = buildExtension('e2e', {
    ANNOTERA_EXTRA_MATCHES: 'http://127.0.0.1/*',
    ANNOTERA_ENDPOINT: `http://127.0.0.1:${port}/exec`,
    ANNOTERA_TOKEN: TOKEN,
  });
  browser = await launchWithExtension(extension);
});

afterAll(async () => {
  await browser?.close();
  await sheet?.close();
  await fixtures?.close();
});

const NACKA = 'nacka-kommun';
const toolbar = (page: Page) => page.locator('annotera-toolbar form.toolbar');
const passager = () => tabValues(sheet, 'Passager').slice(1);
const rowWithQuote = (quote: string) => passager().find((row) => row[5] === quote);
/** A value the extension keeps in chrome.storage.local, read in its service worker. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const stored = async (key: string): Promise<any> => (await browser.worker()).evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
const unsent = async () => Object.keys((await stored('outbox')) ?? {}).length;

async function openPost(slug: string, archived = false): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(fixtures.post(slug, archived));
  await page.locator('annotera-toolbar').waitFor({ state: 'attached' });
  return page;
}

async function tag(page: Page, phrase: string, theme: string) {
  await selectWithMouse(page, phrase);
  await expect.poll(() => toolbar(page).isVisible()).toBe(true);
  await toolbar(page).getByText(theme, { exact: true }).click();
  await page.keyboard.press('Enter');
  await expect.poll(() => toolbar(page).count()).toBe(0);
}

describe('tagging a passage', () => {
  const phrase = 'Socialsekreterarna har bärbara krypterade datorer.';

  test('select with the mouse → toolbar → theme → Enter → highlight drawn → a row in Passager and the Matris count up', async () => {
    const page = await openPost(NACKA);
    await selectWithMouse(page, phrase);
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    await expect(toolbar(page).locator('.chosen').textContent()).resolves.toContain('Nacka');
    await expect(toolbar(page).locator('input[value="theme"]').isChecked()).resolves.toBe(true);
    await toolbar(page).getByText('Digitalisering och teknik', { exact: true }).click();
    await page.keyboard.press('Enter');
    await expect.poll(() => highlighted(page, 'theme')).toEqual([phrase]);
    await expect.poll(() => rowWithQuote(phrase)?.slice(0, 5), { timeout: 15_000 }).toEqual(['0182', 'Nacka', 'Stockholms län', 'Tema', 'digitalisering']);
    const matrix = tabValues(sheet, 'Matris');
    const column = (matrix[0] as string[]).indexOf('Digitalisering och teknik');
    expect(matrix.find((row) => row[1] === 'Nacka')?.[column]).toBe(1);
    await page.close();
  });

  test('a selection in a plan section is preselected as a plan item', async () => {
    const page = await openPost(NACKA);
    await selectWithMouse(page, 'Nacka behöver tid för att fundera över sin plan för handling');
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    await expect(toolbar(page).locator('input[value="plan"]').isChecked()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => toolbar(page).count()).toBe(0);
    await page.close();
  });

  test('a selection outside the post (sidebar) gets no toolbar', async () => {
    const page = await openPost(NACKA);
    const link = page.locator('.widget_recent_entries li').first();
    const box = (await link.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => getSelection()?.toString().length)).toBeGreaterThan(5);
    expect(await toolbar(page).count()).toBe(0);
    await page.close();
  });

  test('reload → the highlight comes back; the web-archive copy shows it too', async () => {
    const page = await openPost(NACKA);
    await expect.poll(() => highlighted(page, 'theme')).toEqual([phrase]);
    const archived = await openPost(NACKA, true);
    await expect.poll(() => highlighted(archived, 'theme')).toEqual([phrase]);
    await page.close();
    await archived.close();
  });

  test('clicking the highlight opens it to edit; the edit reaches the sheet', async () => {
    const page = await openPost(NACKA);
    await expect.poll(() => highlighted(page, 'theme')).toEqual([phrase]);
    await clickPhrase(page, phrase);
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    await toolbar(page).locator('input[value="plan"]').check();
    await toolbar(page).locator('textarea').fill('Följs upp nästa år');
    await page.keyboard.press('Enter');
    await expect.poll(() => highlighted(page, 'plan')).toEqual([phrase]);
    await expect.poll(() => rowWithQuote(phrase)?.[3], { timeout: 15_000 }).toBe('Plan för handling');
    expect(rowWithQuote(phrase)?.[6]).toBe('Följs upp nästa år');
    expect(rowWithQuote(phrase)?.[12]).toBe(2);
    await page.close();
  });

  test('delete from the highlight: the row stays as a tombstone and the highlight is gone', async () => {
    const page = await openPost(NACKA);
    await expect.poll(() => highlighted(page, 'plan')).toEqual([phrase]);
    await clickPhrase(page, phrase);
    await toolbar(page).getByRole('button', { name: 'Ta bort' }).click();
    await expect.poll(() => highlighted(page, 'plan')).toEqual([]);
    await expect.poll(() => rowWithQuote(phrase)?.[13], { timeout: 15_000 }).toBe(true);
    expect(passager().filter((row) => row[5] === phrase)).toHaveLength(1);
    await page.close();
  });
});

describe('the team', () => {
  test("a colleague's passage from the sheet is highlighted on the page", async () => {
    const quote = 'Det uttrycktes en vilja att kunna nå dessa barn innan de kommer till mottagningsgruppen.';
    const page0 = await openPost(NACKA);
    const text = await page0.evaluate(() => document.querySelector('.entry-content')!.textContent!);
    await page0.close();
    const start = text.indexOf(quote);
    const passage = makePassage({ quote, start, end: start + quote.length, prefix: text.slice(start - 32, start), suffix: text.slice(start + quote.length, start + quote.length + 32), kind: 'national', author: 'Kollega' });
    const answer = await fetch(`${sheet.url}/exec`, { method: 'POST', body: JSON.stringify({ v: 1, token: TOKEN, ops: [{ op: 'upsert', passage }] }) });
    expect((await answer.json()).ok).toBe(true);
    const page = await openPost(NACKA);
    await expect.poll(() => highlighted(page, 'national')).toContain(quote);
    await page.close();
  });

  test('a passage whose text is gone from the page is an orphan: listed, never drawn', async () => {
    const quote = 'En mening som redaktionen senare strök ur inlägget om Nacka.';
    const passage = makePassage({ quote, start: 100, end: 100 + quote.length, prefix: 'något helt annat', suffix: 'och mer', kind: 'plan' });
    const answer = await fetch(`${sheet.url}/exec`, { method: 'POST', body: JSON.stringify({ v: 1, token: TOKEN, ops: [{ op: 'upsert', passage }] }) });
    expect((await answer.json()).ok).toBe(true);
    const page = await openPost(NACKA);
    const pageState = () => browser.worker().then((w) => w.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return chrome.tabs.sendMessage(tab.id!, { type: 'page-state' });
    }, page.url()));
    await expect.poll(async () => (await pageState()).passages.find((p: { passage: { id: string } }) => p.passage.id === passage.id)?.anchored).toBe(false);
    expect(await highlighted(page, 'plan')).not.toContain(quote);
    expect((await highlighted(page, 'plan')).every((text) => text.length > 0)).toBe(true);
    await page.close();
  });

  test('overlapping highlights: a passage inside another is drawn too and opens on its own when clicked', async () => {
    const outer = 'I Nacka har barn och unga mycket höga skolresultat – bland de högsta i Sverige.';
    const inner = 'mycket höga skolresultat';
    const page = await openPost(NACKA);
    await tag(page, outer, 'Placerade barns skolgång');
    await tag(page, inner, 'Uppföljning och effektstudier');
    await expect.poll(() => highlighted(page, 'theme')).toEqual(expect.arrayContaining([outer, inner]));
    await clickPhrase(page, inner);
    await expect.poll(() => toolbar(page).locator('.quote').textContent()).toBe(inner);
    await page.keyboard.press('Escape');
    await clickPhrase(page, 'bland de högsta');
    await expect.poll(() => toolbar(page).locator('.quote').textContent()).toBe(outer);
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('the codebook comes from the sheet: a theme added in Kodbok is offered in the toolbar', async () => {
    const kodbok = sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Kodbok')!;
    kodbok.getRange(kodbok.getLastRow() + 1, 1, 1, 4).setValues([["'sekretess", "'Sekretess och informationsdelning", "'Confidentiality", "'#884499"]]);
    await sheet.runtime.persist();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Hämta kodboken från kalkylarket' }).click();
    await expect.poll(() => options.locator('li').allTextContents()).toContain('Sekretess och informationsdelning');
    await options.close();
    const page = await openPost(NACKA);
    await selectWithMouse(page, 'Ökad befolkning');
    await expect.poll(() => toolbar(page).getByText('Sekretess och informationsdelning', { exact: true }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('keyboard alone', () => {
  const focused = (page: Page) => page.evaluate(() => {
    const active = document.querySelector('annotera-toolbar')?.shadowRoot?.activeElement as HTMLElement | null;
    return active ? `${active.tagName.toLowerCase()}.${active.className}` : '';
  });
  const tabTo = async (page: Page, target: string) => {
    for (let i = 0; i < 40 && (await focused(page)) !== target; i += 1) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(target);
  };

  test('the shortcut opens the toolbar on a selection; arrows, typing, Tab and Enter tag it', async () => {
    const phrase = 'Att hinna med tidiga insatser och biståndsbedömda insatser';
    const page = await openPost(NACKA);
    await selectWithoutMouse(page, phrase);
    // What the background does on the "tag-selection" command or the context-menu item.
    await (await browser.worker()).evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs.sendMessage(tab.id!, { type: 'open-toolbar' });
    }, page.url());
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    expect(await focused(page)).toBe('input.');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, 'input.theme-search');
    await page.keyboard.type('förebygg');
    await page.keyboard.press('Enter');
    await tabTo(page, 'input.municipality-search');
    await page.keyboard.type('Flen');
    await page.keyboard.press('Enter');
    await tabTo(page, 'textarea.');
    await page.keyboard.type('Tagg med tangentbordet');
    await page.keyboard.press('Enter');
    await expect.poll(() => toolbar(page).count()).toBe(0);
    await expect.poll(() => highlighted(page, 'plan')).toContain(phrase);
    await expect.poll(() => rowWithQuote(phrase)?.slice(0, 5), { timeout: 15_000 }).toEqual(['0482', 'Flen', 'Södermanlands län', 'Plan för handling', 'forebyggande']);
    expect(rowWithQuote(phrase)?.[6]).toBe('Tagg med tangentbordet');
    await page.close();
  });
});

describe('nothing is lost', () => {
  // Each starts from a settled outbox: an earlier test's passage can be in the sheet before its answer reaches the extension.
  beforeEach(() => expect.poll(unsent, { timeout: 30_000 }).toBe(0));

  test('the web app down while saving → kept, and sent once it is back, with no duplicate', async () => {
    const phrase = 'Portalparagrafen i socialtjänstlagen lever i Nackas vision och värdering.';
    await sheet.close();
    const page = await openPost(NACKA);
    await tag(page, phrase, 'Styrning och budget');
    await expect.poll(() => highlighted(page, 'theme')).toContain(phrase);
    await expect.poll(unsent).toBe(1);
    await expect.poll(async () => (await stored('sync-state'))?.lastError?.code).toBe('network');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('.last-error').textContent()).toContain('could not be reached');
    await expect(popup.locator('.unsent-count').textContent()).resolves.toBe('1');
    await popup.close();
    sheet = await startSheet();
    await expect.poll(() => rowWithQuote(phrase)?.[1], { timeout: 30_000 }).toBe('Nacka');
    await expect.poll(unsent).toBe(0);
    expect(passager().filter((row) => row[5] === phrase)).toHaveLength(1);
    await page.close();
  });

  test('the service worker stopped between save and send → still sent when it starts again', async () => {
    const phrase = 'Tidigare har Nacka haft stabilitet i personalgrupperna';
    await sheet.close();
    const page = await openPost(NACKA);
    await tag(page, phrase, 'Personalförsörjning och rekrytering');
    await expect.poll(unsent).toBe(1);
    await browser.stopWorker();
    sheet = await startSheet();
    await expect.poll(() => rowWithQuote(phrase)?.[1], { timeout: 45_000 }).toBe('Nacka');
    expect(passager().filter((row) => row[5] === phrase)).toHaveLength(1);
    await page.close();
  });

  test('a wrong token: the popup says so, retrying stops until the settings change, then it is sent', async () => {
    const phrase = 'Vid besöket var 7 av 47 tjänster i arbetet med barn och unga vakanta.';
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('input[name="token"]').fill('fel-token');
    await options.getByRole('button', { name: 'Spara inställningar' }).click();
    await expect.poll(() => options.locator('.status').textContent()).toBe('Inställningarna är sparade.');
    const page = await openPost(NACKA);
    await tag(page, phrase, 'Personalförsörjning och rekrytering');
    await expect.poll(async () => (await stored('sync-state'))?.lastError?.code).toBe('unauthorized');
    const attempts = (await stored('sync-state')).attempts;
    expect((await stored('sync-state')).stoppedFor).toBeTruthy();
    await page.waitForTimeout(5_000);
    expect((await stored('sync-state')).attempts).toBe(attempts);
    expect(await unsent()).toBe(1);
    expect(rowWithQuote(phrase)).toBeUndefined();
    await options.locator('input[name="token"]').fill(TOKEN);
    await options.getByRole('button', { name: 'Testa anslutningen' }).click();
    await expect.poll(() => options.locator('.status').textContent()).toContain('Anslutningen fungerar');
    await expect.poll(() => rowWithQuote(phrase)?.[1], { timeout: 15_000 }).toBe('Nacka');
    await expect.poll(unsent).toBe(0);
    await options.close();
    await page.close();
  });
});
