// End to end in Chromium: the connection doctor in the side panel's outbox. A passage that could not be sent shows the error;
// Testa anslutningen (mouse or keyboard) says in Swedish what is wrong, against the local sheet and Google's pages, and links
// to the options; with nothing set up the doctor is there too, its button disabled while the check runs.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { GooglePageName } from '../../apps-script/local-runtime/google-pages';
import { startLocalSheet } from '../../apps-script/local-runtime/start';
import { postPassage, startHarness, type Harness } from '../helpers/extension-harness';
import { CODE_PATH, TOKEN } from '../helpers/local-sheet';

const NACKA = 'nacka-kommun';
const QUOTE = 'Socialsekreterarna har bärbara krypterade datorer.';
const TEST = 'Testa anslutningen';

let h: Harness;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  h = await startHarness('e2e-panel-doctor');
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});
afterAll(async () => {
  await h?.close();
});

/** A local sheet whose /exec answers as Google does when the platform fails (closed after the test). */
async function googlePage(name: GooglePageName): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-panel-doctor-'));
  const sheet = await startLocalSheet({ port: 0, workbookPath: join(dir, 'annotera.xlsx'), token: TOKEN, codePath: CODE_PATH, googlePage: name });
  cleanups.push(async () => {
    await sheet.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return `${sheet.url}/exec`;
}

/** Saves a passage of the Nacka post (it waits in the outbox) and opens the post's panel once the sending has failed. */
async function panelAfterFailedSend(): Promise<Page> {
  const post = await h.openPost(NACKA);
  await h.send({ type: 'save-passage', passage: postPassage(NACKA, QUOTE) });
  const panel = await h.openPanel(post);
  await expect.poll(() => panel.locator('.last-error').count()).toBe(1);
  expect(await h.unsent()).toBe(1);
  return panel;
}

const lastError = (panel: Page) => panel.locator('.last-error').textContent();
const finding = (panel: Page) => panel.getByRole('status').textContent();

describe('the connection doctor in the side panel', () => {
  test('a wrong token: the error, then Testa anslutningen (mouse) says the token does not match and links to the options', async () => {
    await h.freshSheet();
    await h.useSettings({ token: 'fel-token-0123456789abcdef0123456789' });
    const panel = await panelAfterFailedSend();
    expect(await lastError(panel)).toBe('Senaste fel: Teamets token godtogs inte. Inget skickas förrän du ändrar den under Inställningar.');
    expect(await finding(panel)).toBe('');
    await panel.getByRole('button', { name: TEST }).click();
    await expect.poll(() => finding(panel)).toBe('Webbappen svarar, men token stämmer inte. Kopiera token från kalkylarket: Tillägg → Annotera → Inställningar.');
    const [options] = await Promise.all([
      h.browser.context.waitForEvent('page'),
      panel.getByRole('link', { name: 'Öppna inställningarna' }).click(),
    ]);
    await options.locator('input[name="token"]').waitFor();
    expect(options.url()).toBe(`chrome-extension://${h.browser.extensionId}/options.html`);
  });

  test('authorisation needed: Tab from "Skicka nu" reaches Testa anslutningen, Enter says who must authorise', async () => {
    await h.freshSheet();
    await h.useSettings({ endpoint: await googlePage('authorisation') });
    const panel = await panelAfterFailedSend();
    expect(await lastError(panel)).toContain('Webbappen svarade på ett sätt som tillägget inte känner igen.');
    await panel.getByRole('button', { name: 'Skicka nu' }).focus();
    await panel.keyboard.press('Tab');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe(TEST);
    await panel.keyboard.press('Enter');
    await expect.poll(() => finding(panel)).toContain('Skriptet har inte godkänts för det det behöver göra.');
  });

  test("Google's sign-in page: the outbox says the sheet does not answer, the doctor (Space) says why", async () => {
    await h.freshSheet();
    await h.useSettings({ endpoint: await googlePage('sign-in') });
    const panel = await panelAfterFailedSend();
    expect(await lastError(panel)).toBe('Senaste fel: Kalkylarket svarar inte just nu. Passagen är sparad och skickas automatiskt.');
    await panel.getByRole('button', { name: TEST }).focus();
    await panel.keyboard.press('Space');
    await expect.poll(() => finding(panel)).toContain('Google visar sin inloggningssida: webbappen är inte öppen för alla.');
  });

  test('nothing set up (no token): the doctor is there, its button disabled while the check runs', async () => {
    const sheet = await h.freshSheet();
    const gate = await heldProxy(sheet.url);
    await h.useSettings({ endpoint: `${gate.url}/exec`, token: '' });
    const panel = await h.openPanel(await h.openPost(NACKA));
    await expect.poll(() => panel.locator('.sync .error').first().textContent()).toBe('Ange webbappens adress och token under Inställningar.');
    const button = panel.getByRole('button', { name: TEST });
    await button.click();
    await expect.poll(() => button.isDisabled()).toBe(true);
    expect(await finding(panel)).toBe('Testar anslutningen…');
    await gate.requested;
    gate.release();
    await expect.poll(() => finding(panel)).toContain('token stämmer inte');
    expect(await button.isDisabled()).toBe(false);
  });
});

/** A server that holds each request until release(), then answers it with what the sheet at `target` answers. */
async function heldProxy(target: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  let requested = () => {};
  const first = new Promise<void>((resolve) => { requested = resolve; });
  const server: Server = createServer((request, response) => {
    requested();
    void released.then(async () => {
      const answer = await fetch(`${target}${request.url}`);
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
      response.end(await answer.text());
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, requested: first, release };
}
