// npm run smoke against the local runtime: every step passes on a working sheet; a failure stops it with plain words and exit code 1.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import type { GooglePageName } from '../../apps-script/local-runtime/google-pages';
import { startLocalSheet, type LocalSheet } from '../../apps-script/local-runtime/start';
import { CODE_PATH, tabValues, TOKEN } from '../helpers/local-sheet';

const ROOT = new URL('../../', import.meta.url).pathname;
const running: { sheet: LocalSheet; dir: string }[] = [];
afterEach(async () => {
  for (const { sheet, dir } of running.splice(0)) {
    await sheet.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function start(googlePage?: GooglePageName): Promise<LocalSheet> {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-smoke-'));
  const sheet = await startLocalSheet({ port: 0, workbookPath: join(dir, 'annotera.xlsx'), token: TOKEN, codePath: CODE_PATH, googlePage });
  running.push({ sheet, dir });
  return sheet;
}

/** Runs `npm run smoke -- <url> <token>` as a user would (through tsx), with its exit code and output. */
async function runSmoke(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/smoke.ts', ...args], { cwd: ROOT });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: `${failed.stdout}${failed.stderr}` };
  }
}

describe('npm run smoke', () => {
  test('a working sheet: ping, send, read back, delete, codebook — each timed — and exit code 0; the passage stays as a tombstone', async () => {
    const sheet = await start();
    const { code, out } = await runSmoke(`${sheet.url}/exec`, TOKEN);
    expect(out).toMatch(/✓ ping: the add-on answers, version 0\.1\.0 \(\d+ ms\)/);
    expect(out).toMatch(/✓ send: a test passage was stored \(id [0-9a-f-]{36}\) \(\d+ ms\)/);
    expect(out).toMatch(/✓ read back: passages\?url= returns it unchanged \(\d+ ms\)/);
    expect(out).toMatch(/✓ delete: it is now a tombstone and no longer listed \(\d+ ms\)/);
    expect(out).toMatch(/✓ codebook: \d+ themes \(\d+ ms\)/);
    expect(out).toMatch(/All 5 steps passed in \d+ ms\./);
    expect(code).toBe(0);
    // The tombstone is kept on the hidden tab of deleted passages, out of the readers' way.
    expect(tabValues(sheet, 'Passager').slice(1)).toHaveLength(0);
    const rows = tabValues(sheet, 'Borttagna passager').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('npm run smoke');
  });

  test('a wrong token: stops at ping, says so, exit code 1, nothing written', async () => {
    const sheet = await start();
    const { code, out } = await runSmoke(`${sheet.url}/exec`, 'not-the-team-token-0123456789abcdef');
    expect(out).toContain('✗ ping: the web app answers but refuses this token');
    expect(out).toContain('Stopped at "ping".');
    expect(out).not.toContain('send:');
    expect(code).toBe(1);
    expect(tabValues(sheet, 'Passager')).toHaveLength(1);
  });

  test("Google's sign-in page instead of the web app: says the access is not Anyone, exit code 1", async () => {
    const sheet = await start('sign-in');
    const { code, out } = await runSmoke(`${sheet.url}/exec`, TOKEN);
    expect(out).toContain('Google answered with its sign-in page');
    expect(code).toBe(1);
  });

  test('no arguments: the usage line and exit code 2', async () => {
    const { code, out } = await runSmoke();
    expect(out).toContain('Usage: npm run smoke -- <web app /exec address> <team token>');
    expect(code).toBe(2);
  });
});
