// Takes the README's screenshots from a real run in a Swedish browser: the toolbar on a selection, highlights on a post,
// the side panel after accepting the post's suggestions, the local sheet's Matris, and the add-on's review items in the local
// room (Passager, Matris with the filter sidebar, a drill-down from a Matris cell, the export dialog).
import { join, resolve } from 'node:path';
import { seedSheet, startHarness } from '../tests/helpers/extension-harness';
import { selectWithMouse } from '../tests/helpers/page-actions';
import { makePassage } from '../tests/helpers/passages';
import { chooseFromMenu, displayedRows, showTab } from '../tests/helpers/room';

const OUT = resolve(new URL('../docs/screenshots/', import.meta.url).pathname);
const SKOVDE = 'juvelen-i-kronan-skaraborgs-gemensamma-socialjour';
const harness = await startHarness('screenshots', 'sv-SE');
const sheet = await harness.freshSheet();
const page = await harness.openPost(SKOVDE);
await page.setViewportSize({ width: 1100, height: 760 });
const toolbar = page.locator('annotera-toolbar form.toolbar');

// Open the post, accept the suggestions from its structure.
const panel = await harness.openPanel(page);
await panel.setViewportSize({ width: 420, height: 900 });
await panel.getByRole('button', { name: 'Acceptera alla', exact: true }).click();
await panel.locator('li.suggestion').first().waitFor({ state: 'detached' });
await page.bringToFront();

// Tag the rest: a theme passage, saved; then one more with the toolbar left open for the picture.
await selectWithMouse(page, 'Den gemensamma socialjouren');
await toolbar.waitFor();
await toolbar.getByRole('combobox', { name: 'Teman' }).fill('socialjour');
await page.keyboard.press('Enter');
await page.keyboard.press('Control+Enter');
await toolbar.waitFor({ state: 'detached' });
await selectWithMouse(page, 'Inom den sociala barn- och ungdomssvården har Skövde byggt upp en nätverksinriktad samordningsfunktion');
await toolbar.waitFor();
await toolbar.getByRole('combobox', { name: 'Teman' }).fill('förebygg');
await page.screenshot({ path: join(OUT, 'toolbar.png') });
await page.keyboard.press('Escape');
await page.keyboard.press('Escape');
await toolbar.waitFor({ state: 'detached' });
await page.evaluate(() => getSelection()?.removeAllRanges());
await page.evaluate(() => document.querySelector('h2')?.scrollIntoView({ block: 'start' }));
await page.screenshot({ path: join(OUT, 'highlights.png') });

await panel.locator('ul.anchored li.passage').nth(3).waitFor();
await harness.send({ type: 'sync-now' });
await panel.locator('.unsent-count', { hasText: /^0$/ }).waitFor();
await panel.screenshot({ path: join(OUT, 'panel.png'), fullPage: true });

const matrix = await harness.browser.context.newPage();
await matrix.setViewportSize({ width: 1100, height: 300 });
await matrix.goto(`${sheet.url}/?token=${sheet.token}`);
await matrix.getByRole('link', { name: 'Matris', exact: true }).click();
await matrix.getByRole('grid', { name: 'Matris' }).waitFor();
await matrix.screenshot({ path: join(OUT, 'matris.png') });

// The review room: two more municipalities beside Skövde, so the filter and the drill-down have something to choose from.
const NACKA = { url: 'http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/', pageTitle: 'Nacka kommun', municipality: '0182' };
const FLEN = { url: 'http://www.socialbarnungdom.se/kommunbesok/flen/', pageTitle: 'Flen', municipality: '0482' };
await seedSheet(
  sheet,
  makePassage({ ...NACKA, themes: ['digitalisering'], quote: 'Socialsekreterarna har bärbara krypterade datorer.' }),
  makePassage({ ...NACKA, kind: 'plan', themes: ['personalforsorjning'], quote: 'Nacka vill minska personalomsättningen genom mentorskap för nyanställda.' }),
  makePassage({ ...FLEN, themes: ['personalforsorjning'], quote: 'Alla tjänster inom den sociala barn- och ungdomsvården ska vara tillsatta inom ett år.' }),
  makePassage({ ...FLEN, kind: 'national', themes: ['personalforsorjning'], quote: 'Staten bör finansiera en introduktionstjänst för nyexaminerade socionomer.' }),
);
const room = matrix;
await room.setViewportSize({ width: 1200, height: 700 });
await room.reload();
await room.getByRole('button', { name: 'Annotera' }).waitFor();
await showTab(room, 'Passager');
await room.screenshot({ path: join(OUT, 'room-passager.png') });

await showTab(room, 'Matris');
await chooseFromMenu(room, 'Filtrera på kommun…');
const filter = room.frameLocator('aside iframe[title="Filtrera på kommun…"]');
await filter.getByRole('button', { name: /^Skövde/ }).click();
await room.getByRole('row').filter({ hasText: 'Flen' }).waitFor({ state: 'detached' });
await room.getByRole('row').filter({ hasText: 'Skövde' }).waitFor();
await room.screenshot({ path: join(OUT, 'room-filter.png') });

await chooseFromMenu(room, 'Visa allt');
const flen = room.getByRole('row').filter({ hasText: 'Flen' });
await flen.waitFor();
const [header] = await displayedRows(room);
await flen.getByRole('gridcell').nth(header.indexOf('Personalförsörjning och rekrytering')).click();
await chooseFromMenu(room, 'Visa passager för markerad cell');
await room.frameLocator('aside iframe[title="Visa passager för markerad cell"]').getByRole('list', { name: 'Passager' }).locator('blockquote').nth(1).waitFor();
await room.screenshot({ path: join(OUT, 'room-drill-down.png') });

await chooseFromMenu(room, 'Exportera…');
await room.frameLocator('dialog iframe[title="Exportera…"]').getByRole('button', { name: /^REFI-QDA \(\.qdpx\)/ }).waitFor();
await room.screenshot({ path: join(OUT, 'room-export.png') });

await harness.close();
console.log(`Screenshots written to ${OUT}`);
