// Takes the README's screenshots from a real run: the toolbar on a selection, highlights on a post, the popup, the local Matris.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startLocalSheet } from '../apps-script/local-runtime/start';
import { buildExtension, launchWithExtension } from '../tests/helpers/browser';
import { selectWithMouse } from '../tests/helpers/page-actions';
import { startFixtureServer } from './fixture-server';

const OUT = resolve(new URL('../docs/screenshots/', import.meta.url).pathname);
const sheet = await startLocalSheet({ port: 0, workbookPath: join(mkdtempSync(join(tmpdir(), 'annotera-shots-')), 'a.xlsx'), token: 'screenshots' });
const fixtures = await startFixtureServer();
const extension = buildExtension('screenshots', { ANNOTERA_EXTRA_MATCHES: 'http://127.0.0.1/*', ANNOTERA_ENDPOINT: `${sheet.url}/exec`, ANNOTERA_TOKEN: sheet.token });
const browser = await launchWithExtension(extension);
const page = await browser.context.newPage();
await page.setViewportSize({ width: 1100, height: 760 });
await page.goto(fixtures.post('juvelen-i-kronan-skaraborgs-gemensamma-socialjour'));
await page.locator('annotera-toolbar').waitFor({ state: 'attached' });
const toolbar = page.locator('annotera-toolbar form.toolbar');

async function tag(target: Page, phrase: string, kind: string, themes: string[]) {
  await selectWithMouse(target, phrase);
  await toolbar.waitFor();
  await toolbar.locator(`input[value="${kind}"]`).check();
  for (const theme of themes) await toolbar.getByText(theme, { exact: true }).click();
  await target.keyboard.press('Enter');
  await toolbar.waitFor({ state: 'detached' });
}

await tag(page, 'Skövde ska ta fram åtgärder för att stötta placerade barns skolgång', 'plan', ['Placerade barns skolgång']);
await tag(page, 'Skövde efterfrågar bättre rutiner för kontakten med Migrationsverket', 'national', ['Ensamkommande barn och unga']);
await tag(page, 'Den gemensamma socialjouren', 'theme', ['Socialjour']);
await selectWithMouse(page, 'Inom den sociala barn- och ungdomssvården har Skövde byggt upp en nätverksinriktad samordningsfunktion');
await toolbar.waitFor();
await toolbar.getByText('Förebyggande arbete och tidiga insatser', { exact: true }).click();
await page.screenshot({ path: join(OUT, 'toolbar.png') });
await page.keyboard.press('Escape');
await page.evaluate(() => getSelection()?.removeAllRanges());
await page.evaluate(() => document.querySelector('h2')?.scrollIntoView({ block: 'start' }));
await page.screenshot({ path: join(OUT, 'highlights.png') });

const popup = await browser.context.newPage();
await popup.setViewportSize({ width: 420, height: 560 });
await page.bringToFront();
await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
await popup.waitForTimeout(500);
await popup.screenshot({ path: join(OUT, 'popup.png') });
const matrix = await browser.context.newPage();
await matrix.setViewportSize({ width: 1100, height: 300 });
await matrix.goto(`${sheet.url}/?token=${sheet.token}`);
await matrix.getByRole('link', { name: 'Matris', exact: true }).click();
await matrix.getByRole('grid', { name: 'Matris' }).waitFor();
await matrix.screenshot({ path: join(OUT, 'matris.png') });

await browser.close();
await sheet.close();
await fixtures.close();
console.log(`Screenshots written to ${OUT}`);
