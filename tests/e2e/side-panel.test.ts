// End to end in Chromium: the side panel (sidepanel.html?tab=<id>) — suggestions accepted into the sheet, passages in reading
// order, a click that scrolls the post, delete and undo, orphans re-attached, filters and the outbox; the shortcuts Chrome
// assigns; the panel and the toolbar in Swedish and in English from _locales. Each test starts from its own sheet.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { passager, postPassage, rowWithQuote, seedSheet, tombstoneWithQuote, startHarness, type Harness } from '../helpers/extension-harness';
import { highlighted, phraseTop, selectWithMouse, selectWithoutMouse } from '../helpers/page-actions';
import type { TestSheet } from '../helpers/local-sheet';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('e2e-panel');
});
afterAll(async () => {
  await h?.close();
});

const NACKA = 'nacka-kommun';
const FLEN = 'flen-ska-i-den-sociala-barn-och-ungdomsvarden-ha-alla-tjanster-tillsatta-inom-ett-ar';
const STORUMAN = 'helheten-ett-vinnande-koncept-i-storuman';
const suggestions = (panel: Page) => panel.locator('li.suggestion');
const listed = (panel: Page) => panel.locator('ul.anchored li.passage .quote');

async function seed(sheet: TestSheet, slug: string, quotes: string[]) {
  const passages = quotes.map((quote) => postPassage(slug, quote));
  await seedSheet(sheet, ...passages);
  return passages;
}

describe('suggestions from the post’s structure', () => {
  test('"Acceptera alla" on a post with 3 plan items and 2 national requests puts those 5 passages in the sheet', async () => {
    const sheet = await h.freshSheet();
    const post = await h.openPost(FLEN);
    const panel = await h.openPanel(post);
    await expect.poll(() => suggestions(panel).count()).toBe(5);
    await panel.getByRole('button', { name: 'Acceptera alla', exact: true }).click();
    await expect.poll(() => passager(sheet).map((row) => `${String(row[1])} ${String(row[3])}`).sort()).toEqual([
      'Flen Nationell nivå', 'Flen Nationell nivå', 'Flen Plan för handling', 'Flen Plan för handling', 'Flen Plan för handling',
    ]);
    await expect.poll(() => suggestions(panel).count()).toBe(0);
    await expect.poll(() => listed(panel).count()).toBe(5);
    // Listed in reading order: the post has Medskick (national) before Plan för handling.
    const kinds = await panel.locator('ul.anchored li.passage .kind-name').allTextContents();
    expect(kinds).toEqual(['Nationell nivå', 'Nationell nivå', 'Plan för handling', 'Plan för handling', 'Plan för handling']);
    await expect.poll(() => highlighted(post, 'plan').then((texts) => texts.length)).toBe(3);
    await expect.poll(() => h.unsent()).toBe(0);
  });

  test('"Acceptera" makes one passage; "Avvisa" hides a suggestion for this post from then on', async () => {
    const sheet = await h.freshSheet();
    const post = await h.openPost(STORUMAN);
    const panel = await h.openPanel(post);
    await expect.poll(() => suggestions(panel).count()).toBe(5);
    const first = (await suggestions(panel).first().locator('.quote').textContent())!;
    await suggestions(panel).first().getByRole('button', { name: 'Acceptera', exact: true }).click();
    await expect.poll(() => passager(sheet).map((row) => row[5])).toEqual([first]);
    await expect.poll(() => suggestions(panel).count()).toBe(4);
    const dismissed = (await suggestions(panel).first().locator('.quote').textContent())!;
    await suggestions(panel).first().getByRole('button', { name: 'Avvisa', exact: true }).click();
    await expect.poll(() => suggestions(panel).count()).toBe(3);
    await panel.reload();
    await expect.poll(() => suggestions(panel).count()).toBe(3);
    expect(await suggestions(panel).locator('.quote').allTextContents()).not.toContain(dismissed);
  });
});

describe('the post’s passages', () => {
  test('clicking a passage in the panel scrolls the post to it and makes it flash', async () => {
    const sheet = await h.freshSheet();
    const quote = 'De många regler som finns i stadsbidragen är ofta kortsiktiga.';
    await seed(sheet, NACKA, ['Socialsekreterarna har bärbara krypterade datorer.', quote]);
    const post = await h.openPost(NACKA);
    await expect.poll(() => highlighted(post, 'theme').then((texts) => texts.length)).toBe(2);
    expect((await phraseTop(post, quote)).top).toBeGreaterThan((await phraseTop(post, quote)).viewport);
    const panel = await h.openPanel(post);
    await panel.locator('li.passage', { hasText: quote }).locator('button.goto').click();
    await expect.poll(async () => {
      const { top, bottom, viewport } = await phraseTop(post, quote);
      return top >= 0 && bottom <= viewport;
    }).toBe(true);
    await expect.poll(() => post.evaluate(() => CSS.highlights.has('annotera-flash'))).toBe(true);
  });

  test('delete in the panel shows "Borttagen — Ångra"; undo restores the passage one revision later', async () => {
    const sheet = await h.freshSheet();
    const quote = 'Socialsekreterarna har bärbara krypterade datorer.';
    await seed(sheet, NACKA, [quote]);
    const post = await h.openPost(NACKA);
    const panel = await h.openPanel(post);
    await panel.locator('li.passage', { hasText: quote }).getByRole('button', { name: 'Ta bort', exact: true }).click();
    await expect.poll(() => tombstoneWithQuote(sheet, quote)?.[13]).toBe(true);
    expect(rowWithQuote(sheet, quote)).toBeUndefined();
    await expect.poll(() => highlighted(post, 'theme')).toEqual([]);
    await expect.poll(() => panel.locator('.undo').textContent()).toContain('Borttagen —');
    await panel.getByRole('button', { name: 'Ångra', exact: true }).click();
    await expect.poll(() => rowWithQuote(sheet, quote)?.slice(12, 14)).toEqual([3, false]);
    await expect.poll(() => highlighted(post, 'theme')).toEqual([quote]);
    await expect.poll(() => listed(panel).allTextContents()).toEqual([quote]);
  });

  test('edit in the panel: the change reaches the sheet', async () => {
    const sheet = await h.freshSheet();
    const quote = 'Socialsekreterarna har bärbara krypterade datorer.';
    await seed(sheet, NACKA, [quote]);
    const post = await h.openPost(NACKA);
    const panel = await h.openPanel(post);
    await panel.locator('li.passage', { hasText: quote }).getByRole('button', { name: 'Ändra' }).click();
    await panel.getByRole('radio', { name: 'Nationell nivå' }).check();
    await panel.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => rowWithQuote(sheet, quote)?.[3]).toBe('Nationell nivå');
    await expect.poll(() => highlighted(post, 'national')).toEqual([quote]);
  });

  test('an orphan is listed apart; "Fäst igen" attaches it to newly selected text with the same id, rev + 1', async () => {
    const sheet = await h.freshSheet();
    const orphan = postPassage(NACKA, 'Socialsekreterarna har bärbara krypterade datorer.', {
      quote: 'En mening som redaktionen senare strök ur inlägget om Nacka.', prefix: 'något helt annat', suffix: 'och mer', kind: 'plan',
    });
    await seedSheet(sheet, orphan);
    const post = await h.openPost(NACKA);
    const panel = await h.openPanel(post);
    const row = panel.locator('section.orphans li.passage');
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: 'Fäst igen' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toBe('Markera först texten i inlägget.');
    const replacement = 'Nacka behöver tid för att fundera över sin plan för handling';
    await selectWithoutMouse(post, replacement);
    await row.getByRole('button', { name: 'Fäst igen' }).click();
    await expect.poll(() => passager(sheet).map((r) => [r[5], r[12], r[18]])).toEqual([[replacement, 2, orphan.id]]);
    await expect.poll(() => highlighted(post, 'plan')).toEqual([replacement]);
    await expect.poll(() => panel.locator('section.orphans').count()).toBe(0);
  });

  test('filters by kind, theme and author; totals per kind; the outbox with "Skicka nu"', async () => {
    const sheet = await h.freshSheet();
    const [a, b] = ['Socialsekreterarna har bärbara krypterade datorer.', 'De många regler som finns i stadsbidragen är ofta kortsiktiga.'];
    await seedSheet(sheet, 
      postPassage(NACKA, a, { themes: ['digitalisering'], author: 'Anna' }),
      postPassage(NACKA, b, { kind: 'national', themes: ['statsbidrag'], author: 'Bo' }),
    );
    const post = await h.openPost(NACKA);
    const panel = await h.openPanel(post);
    await expect.poll(() => listed(panel).allTextContents()).toEqual([a, b]);
    expect(await panel.locator('.count-national').textContent()).toBe('Nationell nivå: 1');
    await panel.getByRole('combobox', { name: 'Typ' }).selectOption('national');
    await expect.poll(() => listed(panel).allTextContents()).toEqual([b]);
    await panel.getByRole('combobox', { name: 'Typ' }).selectOption('');
    await panel.getByRole('combobox', { name: 'Teman' }).selectOption('digitalisering');
    await expect.poll(() => listed(panel).allTextContents()).toEqual([a]);
    await panel.getByRole('combobox', { name: 'Teman' }).selectOption('');
    await panel.getByRole('combobox', { name: 'Ditt namn' }).selectOption('Bo');
    await expect.poll(() => listed(panel).allTextContents()).toEqual([b]);
    await sheet.close();
    await panel.locator('li.passage', { hasText: b }).getByRole('button', { name: 'Ta bort', exact: true }).click();
    await expect.poll(() => panel.locator('.unsent-count').textContent()).toBe('1');
    await expect.poll(() => panel.locator('.last-error').textContent()).toBe('Senaste fel: Kalkylarket svarar inte just nu. Passagen är sparad och skickas automatiskt.');
    const restarted = await h.restart(sheet);
    await panel.getByRole('button', { name: 'Skicka nu' }).click();
    await expect.poll(() => panel.locator('.unsent-count').textContent()).toBe('0');
    expect(tombstoneWithQuote(restarted, b)?.[13]).toBe(true);
  });
});

describe('shortcuts and words', () => {
  test('chrome://extensions/shortcuts shows both shortcuts set', async () => {
    await h.freshSheet();
    const page = await h.browser.context.newPage();
    await page.goto('chrome://extensions/shortcuts');
    const shortcut = (command: string) => page.locator(`cr-shortcut-input:has(cr-input[aria-label*="${command}"])`).evaluate((el) => (el as HTMLElement & { shortcut: string }).shortcut);
    await expect.poll(() => shortcut('Tagga markerad text')).toBe('Alt+Skift+K');
    await expect.poll(() => shortcut('Öppna Annoteras sidopanel')).toBe('Alt+Skift+L');
  });

  test('a Swedish browser: the panel and the toolbar speak Swedish, theme labels too, and say lang="sv"', async () => {
    await h.freshSheet();
    const post = await h.openPost(NACKA);
    const panel = await h.openPanel(post);
    await expect.poll(() => panel.locator('#suggestions-title').textContent()).toContain('Förslag');
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await panel.getByRole('combobox', { name: 'Teman' }).locator('option').allTextContents()).toContain('Digitalisering och teknik');
    await selectWithMouse(post, 'Socialsekreterarna har bärbara krypterade datorer.');
    const toolbar = post.locator('annotera-toolbar form.toolbar');
    await expect.poll(() => toolbar.getAttribute('lang')).toBe('sv');
    expect(await toolbar.getByRole('button', { name: 'Spara' }).count()).toBe(1);
    expect(await toolbar.locator('.chip').textContent()).toContain('Digitalisering och teknik');
  });
});

describe('an English browser', () => {
  test('the panel and the toolbar speak English from _locales/en, theme labels too, and say lang="en"', async () => {
    const en = await startHarness('e2e-panel-en', 'en-US');
    try {
      await en.freshSheet();
      const post = await en.openPost(FLEN);
      const panel = await en.openPanel(post);
      await expect.poll(() => panel.locator('#suggestions-title').textContent()).toContain('Suggestions');
      expect(await panel.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await panel.getByRole('button', { name: 'Accept all' }).count()).toBe(1);
      expect(await panel.getByRole('combobox', { name: 'Themes' }).locator('option').allTextContents()).toContain('Digitalisation and technology');
      await selectWithMouse(post, 'De ska också ha en samlad ”efter sex”-skola');
      const toolbar = post.locator('annotera-toolbar form.toolbar');
      await expect.poll(() => toolbar.getAttribute('lang')).toBe('en');
      expect(await toolbar.getByRole('radio', { name: 'Plan for action' }).isChecked()).toBe(true);
      expect(await toolbar.getByRole('button', { name: 'Save' }).count()).toBe(1);
      await toolbar.getByRole('combobox', { name: 'Themes' }).fill('teknik');
      await expect.poll(() => toolbar.getByRole('option').allTextContents()).toEqual(['Digitalisation and technology']);
    } finally {
      await en.close();
    }
  });
});
