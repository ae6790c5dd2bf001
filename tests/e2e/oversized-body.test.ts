// End to end in Chromium: a body over the web app's limit, sent by the browser's fetch, gets the too_large answer and not a reset connection.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/room';
import { startTestSheet, TOKEN, type TestSheet } from '../helpers/local-sheet';
import { bodyTooLarge, MAX_BODY_BYTES } from '../../shared/protocol';

let browser: Browser;
let sheet: TestSheet;

beforeAll(async () => {
  browser = await launchBrowser();
  sheet = await startTestSheet();
});
afterAll(async () => {
  await browser?.close();
  await sheet?.stop();
});

test.each([
  ['just over the limit', MAX_BODY_BYTES + 1],
  ['15 times the limit (Chromium lost every answer when the runtime closed at once)', 15 * MAX_BODY_BYTES],
])('a POST %s, still being sent when the runtime answers, gets too_large each of 3 times', async (_name, bytes) => {
  const page = await browser.newPage();
  // A page of the runtime's own origin, so that the answer may be read.
  await page.goto(`${sheet.url}/nothing-here`);
  const answers = await page.evaluate(async ({ bytes, token }) => {
    const prefix = JSON.stringify({ v: 1, token, ops: [] }).slice(0, -1);
    const body = `${prefix},"padding":"${'x'.repeat(bytes - prefix.length - 14)}"}`;
    const results: unknown[] = [];
    for (let i = 0; i < 3; i += 1) {
      results.push(await fetch('/exec', { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=utf-8' } })
        .then((response) => response.json(), (error: unknown) => String(error)));
    }
    return { length: new TextEncoder().encode(body).length, results };
  }, { bytes, token: TOKEN });
  expect(answers.results).toEqual(Array(3).fill(bodyTooLarge(answers.length)));
  await page.close();
});
