// Takes the README's screenshots from a real run in a Swedish browser: the toolbar on a selection, highlights on a post,
// the side panel after accepting the post's suggestions, and the local sheet's Matris.
import { join, resolve } from 'node:path';
import { startHarness } from '../tests/helpers/extension-harness';
import { selectWithMouse } from '../tests/helpers/page-actions';

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

await harness.close();
console.log(`Screenshots written to ${OUT}`);
