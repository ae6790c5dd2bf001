// Testa anslutningen in Chromium: the options page says in plain Swedish what is wrong, against the local runtime and Google's pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GooglePageName } from '../../apps-script/local-runtime/google-pages';
import { startLocalSheet, type LocalSheet } from '../../apps-script/local-runtime/start';
import { buildExtension, launchWithExtension, type ExtensionBrowser } from '../helpers/browser';
import { CODE_PATH, TOKEN } from '../helpers/local-sheet';

const dir = mkdtempSync(join(tmpdir(), 'annotera-doctor-e2e-'));
const sheets: Partial<Record<GooglePageName | 'add-on', LocalSheet>> = {};
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  for (const name of ['add-on', 'sign-in', 'authorisation', 'script-error'] as const) {
    sheets[name] = await startLocalSheet({
      port: 0, workbookPath: join(dir, `${name}.xlsx`), token: TOKEN, codePath: CODE_PATH, googlePage: name === 'add-on' ? undefined : name,
    });
  }
  // Preset only so that the build has permission for 127.0.0.1, as a real build has for script.google.com (not for localhost,
  // which stands in for accounts.google.com).
  const extension = buildExtension('doctor', { ANNOTERA_ENDPOINT: `${sheets['add-on']!.url}/exec`, ANNOTERA_TOKEN: TOKEN });
  browser = await launchWithExtension(extension);
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(sheets).map((sheet) => sheet.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** Fills in the address and token, presses Testa anslutningen and waits for the finding to say what is expected. */
async function check(endpoint: string, expected: string, token = TOKEN): Promise<void> {
  await options.locator('input[name="endpoint"]').fill(endpoint);
  await options.locator('input[name="token"]').fill(token);
  await options.getByRole('button', { name: 'Testa anslutningen' }).click();
  await expect.poll(async () => options.locator('.diagnosis').textContent(), { timeout: 30_000 }).toContain(expected);
}

describe('Testa anslutningen', () => {
  test('a working sheet', async () => {
    await check(`${sheets['add-on']!.url}/exec`, 'Anslutningen fungerar');
  });

  test('a /dev address: says to use the /exec address npm run deploy prints', async () => {
    await check(`${sheets['add-on']!.url}/dev`, 'slutar på /dev');
  });

  test('a wrong token: says where to copy the right one', async () => {
    await check(`${sheets['add-on']!.url}/exec`, 'token stämmer inte', 'fel-token-0123456789abcdef0123456789');
  });

  test("Google's sign-in page on another host: says the access is not Anyone", async () => {
    await check(`${sheets['sign-in']!.url}/exec`, 'inloggningssida');
  });

  test('authorisation needed: says who must authorise and where', async () => {
    await check(`${sheets.authorisation!.url}/exec`, 'inte godkänts');
  });

  test("a script error: shows Google's message", async () => {
    await check(`${sheets['script-error']!.url}/exec`, "TypeError: Cannot read properties of null (reading 'getRange')");
  });
});
