// The add-on as Google runs it as an add-on: onOpen under AuthMode.NONE, onInstall, the token in Document Properties
// (migrated from Script Properties), templates that print strings and a settings dialog that shows only an /exec address.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { LocalRuntime } from '../../apps-script/local-runtime/runtime';
import { startLocalSheet, type LocalSheet } from '../../apps-script/local-runtime/start';
import { CODE_PATH } from '../helpers/local-sheet';

const dirs: string[] = [];
const sheets: LocalSheet[] = [];
afterEach(async () => {
  await Promise.all(sheets.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workbookPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-addon-'));
  dirs.push(dir);
  return join(dir, 'annotera.xlsx');
}

const open = (options: { locale?: string; url?: string } = {}) => LocalRuntime.open({ codePath: CODE_PATH, workbookPath: workbookPath(), ...options });

const MENU_SV = [
  'Bygg om matrisen → menuRebuild',
  'Filtrera på kommun… → menuFilterByMunicipality',
  'Filtrera på tema… → menuFilterByTheme',
  'Visa allt → menuShowEverything',
];

/** The add-on menu's items as "caption → function". */
const menuLines = (runtime: LocalRuntime) =>
  runtime.spreadsheetApp.ui.menus.get('Annotera')!.items.flatMap((item) => ('functionName' in item ? [`${item.caption} → ${item.functionName}`] : []));

describe('onOpen and onInstall', () => {
  test('under AuthMode.NONE onOpen builds the add-on menu and touches nothing else: no Properties, no sheet, no tab made', async () => {
    const runtime = await open();
    const { log } = runtime.invoke('onOpen', { authMode: 'NONE' });
    expect(menuLines(runtime)).toEqual(expect.arrayContaining(MENU_SV));
    expect(log.filter((call) => !/^(Ui|Menu)\.|^SpreadsheetApp\.getUi$/.test(call))).toEqual([]);
    expect(log).toContain('Ui.createAddonMenu');
    expect(runtime.book.sheets).toEqual([]);
    expect(runtime.documentProperties).toEqual({});
    expect(runtime.scriptProperties).toEqual({});
    expect(runtime.dirty).toBe(false);
  });

  test('under AuthMode.LIMITED (a bound script opening) onOpen also makes the tabs and the token, in Document Properties', async () => {
    const runtime = await open({ locale: 'en_GB' });
    runtime.invoke('onOpen', { authMode: 'LIMITED' });
    expect(runtime.book.sheets.map((s) => s.name)).toContain('Passages');
    expect(runtime.documentProperties.ANNOTERA_TOKEN).toMatch(/^[0-9a-f]{64}$/);
    expect(runtime.scriptProperties).toEqual({});
    expect(menuLines(runtime)).toContain('Rebuild the matrix → menuRebuild');
  });

  test('onInstall (AuthMode.FULL) sets the spreadsheet up and adds the menu', async () => {
    const runtime = await open();
    runtime.invoke('onInstall', { authMode: 'FULL' });
    expect(runtime.book.sheets.map((s) => s.name)).toEqual(['Passager', 'Inlägg', 'Matris', 'Plan för handling', 'Nationell nivå', 'Kodbok', 'Borttagna passager']);
    expect(runtime.documentProperties.ANNOTERA_TOKEN).toMatch(/^[0-9a-f]{64}$/);
    expect(menuLines(runtime)).toEqual(expect.arrayContaining(MENU_SV));
  });
});

/** The web app's answer to ping, called as Google calls doGet. */
const ping = (runtime: LocalRuntime, token: string): unknown =>
  JSON.parse(runtime.invoke<{ getContent(): string }>('doGet', { parameter: { action: 'ping', token } }).result.getContent());

describe('the team token moves from Script Properties to Document Properties', () => {
  const OLD = 'a0'.repeat(32);

  test('the first open after the update moves it and keeps it: the same token still works', async () => {
    const runtime = await open();
    runtime.setScriptProperty('ANNOTERA_TOKEN', OLD);
    runtime.invoke('onOpen', { authMode: 'LIMITED' });
    expect(runtime.documentProperties.ANNOTERA_TOKEN).toBe(OLD);
    expect(runtime.scriptProperties.ANNOTERA_TOKEN).toBeUndefined();
    expect(runtime.invoke<{ token: string }>('settingsInfo').result.token).toBe(OLD);
  });

  test('a web-app request that comes before any open is answered with the old token, which it moves', async () => {
    const runtime = await open();
    runtime.setScriptProperty('ANNOTERA_TOKEN', OLD);
    expect(ping(runtime, OLD)).toMatchObject({ ok: true });
    expect(runtime.documentProperties.ANNOTERA_TOKEN).toBe(OLD);
    expect(runtime.scriptProperties.ANNOTERA_TOKEN).toBeUndefined();
    expect(ping(runtime, OLD)).toMatchObject({ ok: true });
  });

  test('the local sheet started on a workbook whose token sits in Script Properties serves that token', async () => {
    const path = workbookPath();
    const setup = await LocalRuntime.open({ codePath: CODE_PATH, workbookPath: path });
    setup.setScriptProperty('ANNOTERA_TOKEN', OLD);
    await setup.persist();
    const sheet = await startLocalSheet({ port: 0, workbookPath: path, codePath: CODE_PATH });
    sheets.push(sheet);
    expect(sheet.token).toBe(OLD);
    const answer = await fetch(`${sheet.url}/exec?action=ping&token=${OLD}`);
    expect(await answer.json()).toMatchObject({ ok: true });
  });

  test('rotating writes the new token to Document Properties and the old one stops working', async () => {
    const runtime = await open();
    runtime.setScriptProperty('ANNOTERA_TOKEN', OLD);
    const rotated = runtime.invoke<string>('rotateToken').result;
    expect(runtime.documentProperties.ANNOTERA_TOKEN).toBe(rotated);
    expect(ping(runtime, OLD)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(ping(runtime, rotated)).toMatchObject({ ok: true });
  });
});

/** The value a template printed for SV, evaluated as the dialog's script would. */
function printedLanguage(html: string): boolean {
  const printed = /var SV = (.+) === 'sv';/.exec(html)![1];
  return (JSON.parse(printed) as unknown) === 'sv';
}

describe('templates print strings', () => {
  test.each([
    ['sv_SE', true],
    ['en_GB', false],
  ])('in a %s spreadsheet the sidebar and the settings dialog are Swedish: %s', async (locale, swedish) => {
    const runtime = await open({ locale });
    runtime.invoke('onOpen', { authMode: 'LIMITED' });
    runtime.invoke('menuFilterByTheme');
    runtime.invoke('menuSettings');
    const [sidebar, dialog] = runtime.shown;
    expect(sidebar.html).toContain('var BY = "theme";');
    expect(typeof JSON.parse(/var SV = (.+) === 'sv';/.exec(sidebar.html)![1])).toBe('string');
    expect(printedLanguage(sidebar.html)).toBe(swedish);
    expect(printedLanguage(dialog.html)).toBe(swedish);
  });
});

describe('the settings dialog offers only an /exec address', () => {
  test.each([
    ['no deployment (getUrl gives null or nothing)', ''],
    ['only the editor test deployment', 'https://script.google.com/macros/s/AKfycbTest/dev'],
  ])('%s: no address, and the dialog says to run npm run deploy', async (_case, url) => {
    const runtime = await open({ url });
    runtime.invoke('onOpen', { authMode: 'LIMITED' });
    expect(runtime.invoke<{ url: string }>('settingsInfo').result.url).toBe('');
    runtime.invoke('menuSettings');
    expect(runtime.shown[0].html).toContain('npm run deploy');
  });

  test('a deployment: its /exec address', async () => {
    const url = 'https://script.google.com/macros/s/AKfycbTest/exec';
    const runtime = await open({ url });
    runtime.invoke('onOpen', { authMode: 'LIMITED' });
    expect(runtime.invoke<{ url: string }>('settingsInfo').result.url).toBe(url);
  });
});
