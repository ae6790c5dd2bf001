// End to end in Chromium: the add-on's review items in the local room — a drill-down from a Matris cell, the filter by kind, the export download.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestSheet } from '../helpers/local-sheet';
import { chooseFromMenu, displayedColumn, displayedRows, launchBrowser, seededRoom, showTab } from '../helpers/room';

const SCHEMA = new URL('../fixtures/refi-qda/Project.xsd', import.meta.url).pathname;

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

test('a drill-down from a Matris cell lists the quotes it counts', async () => {
  ({ sheet, page } = await seededRoom(browser));
  await showTab(page, 'Matris');
  const column = (await displayedRows(page))[0].indexOf('Personalförsörjning och rekrytering');
  await page.getByRole('row').filter({ hasText: 'Flen' }).getByRole('gridcell').nth(column).click();
  await chooseFromMenu(page, 'Visa passager för markerad cell');
  const list = page.frameLocator('aside iframe[title="Visa passager för markerad cell"]').getByRole('list', { name: 'Passager' });
  await expect.poll(async () => (await list.locator('blockquote').allTextContents()).sort()).toEqual(['Flen nationellt till SKL.', 'Flen tema.']);
});

test('by kind: Passager shows only that kind and Matris counts only it', async () => {
  ({ sheet, page } = await seededRoom(browser));
  await chooseFromMenu(page, 'Filtrera på kommun…');
  const sidebar = page.frameLocator('aside iframe[title="Filtrera på kommun…"]');
  await sidebar.getByRole('region', { name: 'Typ (även Matris)' }).getByRole('button', { name: /^Plan för handling/ }).click();
  await showTab(page, 'Passager');
  await expect.poll(async () => (await displayedColumn(page, 'Citat')).sort()).toEqual(['Flen plan.', 'Nacka plan.']);
  await showTab(page, 'Matris');
  const rows = await displayedRows(page);
  const total = rows[0].indexOf('Totalt');
  const totalOf = (name: string) => rows.find((row) => row[1] === name)?.[total];
  expect([totalOf('Nacka'), totalOf('Flen')]).toEqual(['1', '1']);
});

test('Exportera… → REFI-QDA (.qdpx) downloads a zip with project.qde at its root that validates against Project.xsd', async () => {
  ({ sheet, page } = await seededRoom(browser));
  await chooseFromMenu(page, 'Exportera…');
  const dialog = page.frameLocator('dialog iframe[title="Exportera…"]');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^REFI-QDA \(\.qdpx\)/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
  const path = join(sheet.dir, 'export.qdpx');
  await download.saveAs(path);
  expect(execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n')).toContain('project.qde');
  execFileSync('unzip', ['-q', path, 'project.qde', '-d', sheet.dir]);
  expect(() => execFileSync('xmllint', ['--noout', '--schema', SCHEMA, join(sheet.dir, 'project.qde')], { stdio: 'pipe' })).not.toThrow();
});
