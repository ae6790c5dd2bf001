// The connection doctor end to end: the extension's check against the local runtime serving each kind of answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { GooglePageName } from '../../apps-script/local-runtime/google-pages';
import { startLocalSheet, type LocalSheet } from '../../apps-script/local-runtime/start';
import { checkConnection, sendBatch, WebAppError } from '../../extension/lib/web-app-client';
import { CODE_PATH, TOKEN } from '../helpers/local-sheet';

const running: { sheet: LocalSheet; dir: string }[] = [];
afterEach(async () => {
  for (const { sheet, dir } of running.splice(0)) {
    await sheet.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function start(googlePage?: GooglePageName): Promise<LocalSheet> {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-doctor-'));
  const sheet = await startLocalSheet({ port: 0, workbookPath: join(dir, 'annotera.xlsx'), token: TOKEN, codePath: CODE_PATH, googlePage });
  running.push({ sheet, dir });
  return sheet;
}

describe('what the add-on itself answers', () => {
  test('it works: the add-on version and the spreadsheet address', async () => {
    const sheet = await start();
    expect(await checkConnection(`${sheet.url}/exec`, TOKEN)).toMatchObject({ kind: 'ok', version: '0.1.0' });
  });

  test('a wrong token', async () => {
    const sheet = await start();
    expect(await checkConnection(`${sheet.url}/exec`, 'wrong-token-0123456789abcdef0123456789')).toEqual({ kind: 'wrong_token' });
  });

  test('an add-on older than the extension needs', async () => {
    const sheet = await start();
    expect(await checkConnection(`${sheet.url}/exec`, TOKEN, '9.0.0')).toEqual({ kind: 'old_version', version: '0.1.0', needed: '9.0.0' });
  });

  test('a /dev address is refused before anything is sent', async () => {
    const sheet = await start();
    expect(await checkConnection(`${sheet.url}/dev`, TOKEN)).toEqual({ kind: 'not_exec', urlKind: 'dev' });
  });

  test('nothing listening', async () => {
    const sheet = await start();
    const address = `${sheet.url}/exec`;
    await sheet.close();
    running.splice(0, 1).forEach(({ dir }) => rmSync(dir, { recursive: true, force: true }));
    expect(await checkConnection(address, TOKEN)).toMatchObject({ kind: 'network' });
  });
});

describe("what Google's servers answer instead (recorded pages served by the local runtime)", () => {
  test.each<[GooglePageName, Record<string, unknown>]>([
    ['sign-in', { kind: 'sign_in' }],
    ['authorisation', { kind: 'authorisation' }],
    ['script-error', { kind: 'script_error', message: 'TypeError: Cannot read properties of null (reading \'getRange\') (line 212, file "Code")' }],
    ['quota', { kind: 'quota', message: expect.stringContaining('Service invoked too many times for one day') }],
    ['not-found', { kind: 'not_found' }],
  ])('%s', async (name, expected) => {
    const sheet = await start(name);
    expect(await checkConnection(`${sheet.url}/exec`, TOKEN)).toEqual(expected);
  });
});

describe('sending meets one of those pages', () => {
  test('the error the outbox records says which (still bad_answer, so retries go on as before)', async () => {
    const sheet = await start('quota');
    const error = await sendBatch(`${sheet.url}/exec`, TOKEN, []).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(WebAppError);
    expect((error as WebAppError).code).toBe('bad_answer');
    expect((error as WebAppError).message).toContain('a Google quota is used up: Exception: Service invoked too many times');
  });
});
