// End to end in Chromium: select in a fixture post → tag → highlight → the local sheet; reload, edit, delete and undo, archive copy,
// the team's passages, keyboard-only tagging, the toolbar's size and place, selections as a reader means them, outages.
// Every test starts from its own sheet (fresh workbook) and an emptied extension storage; none depends on another.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { passager, postPassage, rowWithQuote, seedSheet, startHarness, tombstoneWithQuote, type Harness } from '../helpers/extension-harness';
import {
  blockText, clickPhrase, focusedInToolbar, highlighted, selectIntoNextBlock, selectionRects, selectWithMouse, selectWithoutMouse, tripleClick,
} from '../helpers/page-actions';
import { tabValues, TOKEN, type TestSheet } from '../helpers/local-sheet';
import { CLIENT_TIMEOUT_MS } from '../../shared/protocol';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('e2e');
});
afterAll(async () => {
  await h?.close();
});

const NACKA = 'nacka-kommun';
const FLEN = 'flen-ska-i-den-sociala-barn-och-ungdomsvarden-ha-alla-tjanster-tillsatta-inom-ett-ar';
const toolbar = (page: Page) => page.locator('annotera-toolbar form.toolbar');

/** Selects a phrase with the mouse, adds a theme through the search and saves with Ctrl+Enter. */
async function tag(page: Page, phrase: string, theme: string) {
  await selectWithMouse(page, phrase);
  await expect.poll(() => toolbar(page).isVisible()).toBe(true);
  await toolbar(page).getByRole('combobox', { name: 'Teman' }).fill(theme);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => toolbar(page).count()).toBe(0);
}

/** Seeds a passage in the sheet and waits until the page draws it. */
async function seeded(sheet: TestSheet, slug: string, quote: string, kind: 'theme' | 'plan' | 'national' = 'theme') {
  const passage = postPassage(slug, quote, { kind });
  await seedSheet(sheet, passage);
  const page = await h.openPost(slug);
  await expect.poll(() => highlighted(page, kind)).toContain(quote);
  return { passage, page };
}

/** A web app that holds every request for a post's passages unanswered (others are refused), counting those dropped. */
async function holdingPulls() {
  const held = new Set<ServerResponse>();
  const counts = { waiting: 0, dropped: 0 };
  const server = createServer((request, response) => {
    if (!request.url?.includes('action=passages')) return void response.end(JSON.stringify({ ok: false, error: { code: 'internal', message: 'not here' } }));
    counts.waiting += 1;
    held.add(response);
    response.on('close', () => void (counts.dropped += response.writableEnded ? 0 : 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    counts,
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/exec`,
    close: () => {
      for (const response of held) response.destroy();
      server.close();
    },
  };
}

describe('every test starts clean', () => {
  test("a pull of the last test still waiting for its sheet is dropped with the worker: nothing of it reaches the next test's storage", async () => {
    await h.freshSheet();
    const pulls = await holdingPulls();
    try {
      const options = await h.browser.context.newPage();
      await options.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
      await options.evaluate(([e, t]) => chrome.storage.local.set({ settings: { endpoint: e, token: t, author: 'Testaren', sheetUrl: '' } }), [pulls.endpoint, TOKEN]);
      await h.openPost(NACKA);
      await expect.poll(() => pulls.counts.waiting).toBeGreaterThan(0);
      await h.freshSheet();
      // Dropped as the worker stops, well before the request's own timeout (30 s) would drop it in a worker left running.
      await expect.poll(() => pulls.counts.dropped, { timeout: CLIENT_TIMEOUT_MS / 2 }).toBe(pulls.counts.waiting);
      expect(await h.send({ type: 'page-passages', url: postPassage(NACKA, 'Socialsekreterarna').url })).toEqual([]);
    } finally {
      pulls.close();
    }
  });
});

describe('tagging a passage', () => {
  const phrase = 'Socialsekreterarna har bärbara krypterade datorer.';

  test('select with the mouse → toolbar → theme → Ctrl+Enter → highlight drawn → a row in Passager and the Matris count up', async () => {
    const sheet = await h.freshSheet();
    const page = await h.openPost(NACKA);
    await selectWithMouse(page, phrase);
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    await expect(toolbar(page).locator('.chosen').textContent()).resolves.toContain('Nacka');
    await expect(toolbar(page).getByRole('radio', { name: 'Tema' }).isChecked()).resolves.toBe(true);
    // "datorer" is a Sökord of Digitalisering och teknik: pre-chosen, marked as suggested.
    await expect.poll(() => toolbar(page).locator('.chip.suggested').getAttribute('data-theme')).toBe('digitalisering');
    await toolbar(page).getByRole('combobox', { name: 'Teman' }).fill('tolk');
    await toolbar(page).getByRole('option', { name: 'Tolkar' }).click();
    await toolbar(page).locator('.chip[data-theme="tolkar"] button').click();
    await toolbar(page).getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => highlighted(page, 'theme')).toEqual([phrase]);
    await expect.poll(() => rowWithQuote(sheet, phrase)?.slice(0, 5)).toEqual(['0182', 'Nacka', 'Stockholms län', 'Tema', 'Digitalisering och teknik']);
    // The post's text came along with its first passage, and the passage's offsets point into it.
    const [start, end] = rowWithQuote(sheet, phrase)!.slice(16, 18) as number[];
    const post = tabValues(sheet, 'Inlägg').find((row) => String(row[1]).endsWith(`/${NACKA}/`))!;
    expect(String(post[10]).slice(start, end)).toBe(phrase);
    expect(post[3]).toBe('2015-10-26');
    const matrix = tabValues(sheet, 'Matris');
    const column = (matrix[0] as string[]).indexOf('Digitalisering och teknik');
    expect(matrix.find((row) => row[1] === 'Nacka')?.[column]).toBe(1);
  });

  test('a selection in a plan section is preselected as a plan item', async () => {
    await h.freshSheet();
    const page = await h.openPost(NACKA);
    await selectWithMouse(page, 'Nacka behöver tid för att fundera över sin plan för handling');
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    await expect(toolbar(page).getByRole('radio', { name: 'Plan för handling' }).isChecked()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => toolbar(page).count()).toBe(0);
  });

  test('a selection outside the post (sidebar) opens no toolbar', async () => {
    await h.freshSheet();
    const page = await h.openPost(NACKA);
    const link = page.locator('.widget_recent_entries li').first();
    const box = (await link.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    expect(await page.evaluate(() => getSelection()?.toString().length)).toBeGreaterThan(5);
    // The same check the mouse-up runs, asked for directly: the selection is not in the post.
    await expect(h.sendToPage(page, { type: 'open-toolbar' })).resolves.toEqual({ opened: false });
    expect(await toolbar(page).count()).toBe(0);
  });

  test('a passage comes back on reload and on the web-archive copy', async () => {
    const sheet = await h.freshSheet();
    const { page } = await seeded(sheet, NACKA, phrase);
    await page.reload();
    await expect.poll(() => highlighted(page, 'theme')).toEqual([phrase]);
    const archived = await h.openPost(NACKA, { archived: true });
    await expect.poll(() => highlighted(archived, 'theme')).toEqual([phrase]);
  });

  test('clicking a highlight opens it to edit; the edit reaches the sheet', async () => {
    const sheet = await h.freshSheet();
    const { page } = await seeded(sheet, NACKA, phrase);
    await clickPhrase(page, phrase);
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    await toolbar(page).getByRole('radio', { name: 'Plan för handling' }).check();
    await toolbar(page).getByRole('textbox', { name: 'Anteckning' }).fill('Följs upp nästa år');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => highlighted(page, 'plan')).toEqual([phrase]);
    await expect.poll(() => rowWithQuote(sheet, phrase)?.[3]).toBe('Plan för handling');
    expect(rowWithQuote(sheet, phrase)?.[6]).toBe('Följs upp nästa år');
    expect(rowWithQuote(sheet, phrase)?.[12]).toBe(2);
  });

  test('delete from the highlight: the row moves to the hidden tab, "Borttagen — Ångra"; undo brings it back one revision later', async () => {
    const sheet = await h.freshSheet();
    const { page } = await seeded(sheet, NACKA, phrase);
    await clickPhrase(page, phrase);
    await toolbar(page).getByRole('button', { name: 'Ta bort', exact: true }).click();
    await expect.poll(() => highlighted(page, 'theme')).toEqual([]);
    // The row leaves Passager for the hidden tab of deleted passages.
    await expect.poll(() => tombstoneWithQuote(sheet, phrase)?.[13]).toBe(true);
    expect(rowWithQuote(sheet, phrase)).toBeUndefined();
    const undo = page.locator('annotera-toolbar .undo');
    await expect.poll(() => undo.textContent()).toContain('Borttagen —');
    await undo.getByRole('button', { name: 'Ångra' }).click();
    await expect.poll(() => highlighted(page, 'theme')).toEqual([phrase]);
    await expect.poll(() => rowWithQuote(sheet, phrase)?.slice(12, 14)).toEqual([3, false]);
    expect(passager(sheet).filter((row) => row[5] === phrase)).toHaveLength(1);
  });
});

describe('selections as a reader means them', () => {
  test('a triple-click on a list item tags exactly that item’s text', async () => {
    const sheet = await h.freshSheet();
    const page = await h.openPost(FLEN);
    const item = await blockText(page, 'samlad ”efter sex”-skola');
    await tripleClick(page, 'samlad ”efter sex”-skola');
    await expect.poll(() => toolbar(page).locator('.quote').textContent()).toBe(item);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => toolbar(page).count()).toBe(0);
    await expect.poll(() => passager(sheet).map((row) => row[5])).toEqual([item]);
  });

  test('a selection spilling a few characters into the next paragraph is clipped to the one it covers', async () => {
    const sheet = await h.freshSheet();
    const page = await h.openPost(NACKA);
    const first = await blockText(page, 'Socialsekreterarna har bärbara krypterade datorer.');
    await selectIntoNextBlock(page, 'Socialsekreterarna har bärbara krypterade datorer.', 6);
    await expect.poll(() => toolbar(page).locator('.quote').textContent()).toBe(first);
    await expect.poll(() => page.evaluate(() => getSelection()!.toString().trim())).toBe(first);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => passager(sheet).map((row) => row[5])).toEqual([first]);
  });
});

describe('the toolbar stays out of the way', () => {
  test('at 1366×650 its box is at most 340 px wide and 360 px tall and covers none of the selected text', async () => {
    await h.freshSheet();
    const page = await h.openPost(NACKA);
    await page.setViewportSize({ width: 1366, height: 650 });
    for (const phrase of ['Socialsekreterarna har bärbara krypterade datorer.', 'Nacka behöver tid för att fundera över sin plan för handling']) {
      await selectWithMouse(page, phrase);
      await expect.poll(() => toolbar(page).isVisible()).toBe(true);
      const overlap = async () => {
        const box = (await toolbar(page).boundingBox())!;
        const rects = await selectionRects(page);
        const hits = rects.some((r) => r.left < box.x + box.width && r.right > box.x && r.top < box.y + box.height && r.bottom > box.y);
        return { width: box.width <= 340, height: box.height <= 360, inView: box.y >= 0 && box.y + box.height <= 650, hits };
      };
      await expect.poll(overlap).toEqual({ width: true, height: true, inView: true, hits: false });
      await page.keyboard.press('Escape');
      await expect.poll(() => toolbar(page).count()).toBe(0);
    }
  });

  test('it collapses and expands', async () => {
    await h.freshSheet();
    const page = await h.openPost(NACKA);
    await selectWithMouse(page, 'Socialsekreterarna har bärbara krypterade datorer.');
    await toolbar(page).getByRole('button', { name: 'Fäll ihop' }).click();
    await expect.poll(() => toolbar(page).getByRole('combobox', { name: 'Teman' }).isVisible()).toBe(false);
    await toolbar(page).getByRole('button', { name: 'Fäll ut' }).click();
    await expect.poll(() => toolbar(page).getByRole('combobox', { name: 'Teman' }).isVisible()).toBe(true);
  });
});

describe('the team', () => {
  test("a colleague's passage from the sheet is highlighted on the page", async () => {
    const sheet = await h.freshSheet();
    const quote = 'Det uttrycktes en vilja att kunna nå dessa barn innan de kommer till mottagningsgruppen.';
    await seeded(sheet, NACKA, quote, 'national');
  });

  test('a passage whose text is gone from the page is an orphan: listed, never drawn', async () => {
    const sheet = await h.freshSheet();
    const orphan = postPassage(NACKA, 'Socialsekreterarna har bärbara krypterade datorer.', {
      quote: 'En mening som redaktionen senare strök ur inlägget om Nacka.', prefix: 'något helt annat', suffix: 'och mer', kind: 'plan',
    });
    await seedSheet(sheet, orphan);
    const page = await h.openPost(NACKA);
    const state = async () => (await h.sendToPage(page, { type: 'page-state' }))?.passages.find((p) => p.passage.id === orphan.id);
    await expect.poll(async () => (await state())?.anchored).toBe(false);
    expect(await highlighted(page, 'plan')).toEqual([]);
  });

  test('overlapping highlights: a passage inside another is drawn too and opens on its own when clicked', async () => {
    await h.freshSheet();
    const outer = 'I Nacka har barn och unga mycket höga skolresultat – bland de högsta i Sverige.';
    const inner = 'mycket höga skolresultat';
    const page = await h.openPost(NACKA);
    await tag(page, outer, 'skolgång');
    await tag(page, inner, 'uppföljning');
    await expect.poll(() => highlighted(page, 'theme')).toEqual(expect.arrayContaining([outer, inner]));
    await clickPhrase(page, inner);
    await expect.poll(() => toolbar(page).locator('.quote').textContent()).toBe(inner);
    await page.keyboard.press('Escape');
    await clickPhrase(page, 'bland de högsta');
    await expect.poll(() => toolbar(page).locator('.quote').textContent()).toBe(outer);
    await page.keyboard.press('Escape');
  });

  test('the codebook comes from the sheet: a theme added in Kodbok with a keyword is suggested in the toolbar', async () => {
    const sheet = await h.freshSheet();
    const kodbok = sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Kodbok')!;
    kodbok.getRange(kodbok.getLastRow() + 1, 1, 1, 5).setValues([["'sekretess", "'Sekretess och informationsdelning", "'Confidentiality", "'#884499", "'krypterade"]]);
    await sheet.runtime.persist();
    const options = await h.browser.context.newPage();
    await options.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Hämta kodboken från kalkylarket' }).click();
    await expect.poll(() => options.locator('li').allTextContents()).toContain('Sekretess och informationsdelning');
    const page = await h.openPost(NACKA);
    await selectWithMouse(page, 'Socialsekreterarna har bärbara krypterade datorer.');
    const chip = toolbar(page).locator('.chip.suggested[data-theme="sekretess"]');
    await expect.poll(() => chip.textContent()).toContain('föreslaget');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => rowWithQuote(sheet, 'Socialsekreterarna har bärbara krypterade datorer.')?.[4]).toContain('Sekretess och informationsdelning');
  });
});

describe('keyboard alone', () => {
  test('shortcut → kind with arrows → theme search (Enter adds, never saves) → municipality → note → "Spara" within 6 Tabs', async () => {
    const sheet = await h.freshSheet();
    const phrase = 'Att hinna med tidiga insatser och biståndsbedömda insatser';
    const page = await h.openPost(NACKA);
    await selectWithoutMouse(page, phrase);
    // What the background does on the "tag-selection" command or the context-menu item.
    await expect(h.sendToPage(page, { type: 'open-toolbar' })).resolves.toEqual({ opened: true });
    await expect.poll(() => focusedInToolbar(page)).toBe('input.');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await focusedInToolbar(page)).toBe('input.theme-search');
    // "tidiga insatser" is a Sökord of Förebyggande arbete: it is pre-chosen and marked as suggested.
    await expect.poll(() => toolbar(page).locator('.chip.suggested').getAttribute('data-theme')).toBe('forebyggande');
    await page.keyboard.type('skolgang');
    await page.keyboard.press('Enter');
    await page.keyboard.type('TEKNIK');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => toolbar(page).locator('.chip').evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-theme'))))
      .toEqual(['forebyggande', 'placerade-barns-skolgang', 'digitalisering']);
    expect(await toolbar(page).isVisible()).toBe(true);
    let tabs = 1;
    await page.keyboard.press('Tab');
    tabs += 1;
    expect(await focusedInToolbar(page)).toBe('input.municipality-search');
    await page.keyboard.type('Flen');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    tabs += 1;
    expect(await focusedInToolbar(page)).toBe('textarea.note');
    await page.keyboard.type('Tagg med tangentbordet');
    while ((await focusedInToolbar(page)) !== 'button.save' && tabs < 10) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    expect(tabs).toBeLessThanOrEqual(6);
    await page.keyboard.press('Enter');
    await expect.poll(() => toolbar(page).count()).toBe(0);
    await expect.poll(() => highlighted(page, 'plan')).toContain(phrase);
    await expect.poll(() => rowWithQuote(sheet, phrase)?.slice(0, 5)).toEqual(['0482', 'Flen', 'Södermanlands län', 'Plan för handling', 'Förebyggande arbete och tidiga insatser, Placerade barns skolgång, Digitalisering och teknik']);
    expect(rowWithQuote(sheet, phrase)?.[6]).toBe('Tagg med tangentbordet');
  });
});

describe('deep links', () => {
  test('#annotera=<id> on the original and on the web-archive copy scrolls to the passage and flashes it', async () => {
    const sheet = await h.freshSheet();
    const quote = 'De många regler som finns i stadsbidragen är ofta kortsiktiga.';
    const passage = postPassage(NACKA, quote, { kind: 'national' });
    await seedSheet(sheet, passage);
    for (const archived of [false, true]) {
      const page = await h.openPost(NACKA, { archived, hash: `#annotera=${passage.id}` });
      const flashed = () => page.evaluate(() => Array.from((CSS.highlights.get('annotera-flash') ?? []) as Iterable<Range>, (r) => {
        const rect = r.getBoundingClientRect();
        return { text: r.toString(), inView: rect.top >= 0 && rect.bottom <= innerHeight };
      }));
      await expect.poll(flashed).toEqual([{ text: quote, inView: true }]);
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    }
  });
});

describe('nothing is lost', () => {
  test('the web app down while saving → kept, the error in plain words, and sent once it is back, with no duplicate', async () => {
    let sheet = await h.freshSheet();
    const phrase = 'Portalparagrafen i socialtjänstlagen lever i Nackas vision och värdering.';
    await sheet.close();
    const page = await h.openPost(NACKA);
    await tag(page, phrase, 'Styrning');
    await expect.poll(() => highlighted(page, 'theme')).toContain(phrase);
    await expect.poll(() => h.unsent()).toBe(1);
    await expect.poll(async () => (await h.send({ type: 'sync-summary' })).state.lastError?.code).toBe('network');
    const popup = await h.browser.context.newPage();
    await popup.goto(`chrome-extension://${h.browser.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('.last-error').textContent()).toBe('Kalkylarket svarar inte just nu. Passagen är sparad och skickas automatiskt.');
    await expect(popup.locator('.unsent-count').textContent()).resolves.toBe('1');
    expect(await popup.getByRole('button', { name: 'Öppna sidopanelen' }).count()).toBe(1);
    sheet = await h.restart(sheet);
    await expect.poll(() => rowWithQuote(sheet, phrase)?.[1], { timeout: 30_000 }).toBe('Nacka');
    await expect.poll(() => h.unsent()).toBe(0);
    expect(passager(sheet).filter((row) => row[5] === phrase)).toHaveLength(1);
  });

  test('the service worker stopped between save and send → still sent when it starts again', async () => {
    let sheet = await h.freshSheet();
    const phrase = 'Tidigare har Nacka haft stabilitet i personalgrupperna';
    await sheet.close();
    const page = await h.openPost(NACKA);
    await tag(page, phrase, 'Personalförsörjning');
    await expect.poll(() => h.unsent()).toBe(1);
    await h.browser.stopWorker();
    sheet = await h.restart(sheet);
    await expect.poll(() => rowWithQuote(sheet, phrase)?.[1], { timeout: 45_000 }).toBe('Nacka');
    expect(passager(sheet).filter((row) => row[5] === phrase)).toHaveLength(1);
  });

  test('a wrong token: sending stops until the settings change, then it is sent', async () => {
    const sheet = await h.freshSheet();
    const phrase = 'Vid besöket var 7 av 47 tjänster i arbetet med barn och unga vakanta.';
    const options = await h.browser.context.newPage();
    await options.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
    const token = await options.locator('input[name="token"]').inputValue();
    await options.locator('input[name="token"]').fill('fel-token');
    await options.getByRole('button', { name: 'Spara inställningar' }).click();
    await expect.poll(() => options.locator('.status').textContent()).toBe('Inställningarna är sparade.');
    const page = await h.openPost(NACKA);
    await tag(page, phrase, 'Personalförsörjning');
    const summary = () => h.send({ type: 'sync-summary' });
    await expect.poll(async () => (await summary()).state.lastError?.code).toBe('unauthorized');
    const { attempts, stoppedFor } = (await summary()).state;
    expect(stoppedFor).toBeTruthy();
    // "Skicka nu" while stopped does not try again.
    await h.send({ type: 'sync-now' });
    expect((await summary()).state.attempts).toBe(attempts);
    expect(await h.unsent()).toBe(1);
    expect(rowWithQuote(sheet, phrase)).toBeUndefined();
    await options.locator('input[name="token"]').fill(token);
    await options.getByRole('button', { name: 'Testa anslutningen' }).click();
    await expect.poll(() => options.locator('.diagnosis').textContent()).toContain('Anslutningen fungerar');
    await expect.poll(() => rowWithQuote(sheet, phrase)?.[1]).toBe('Nacka');
    await expect.poll(() => h.unsent()).toBe(0);
  });
});
