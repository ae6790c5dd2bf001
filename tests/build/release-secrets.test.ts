// Secrets stay secret: a token and web app address set in the shell reach only local development builds, never npm run build's output.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { buildPresets, LOCAL_MODE } from '../../extension/build-presets';

const ROOT = new URL('../../', import.meta.url).pathname;
const TOKEN = 'f3c1a9e07b2d4c6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d';
const HOST = 'secret-sheet-host.example';
const PRESETS = { ANNOTERA_TOKEN: TOKEN, ANNOTERA_ENDPOINT: `https://${HOST}/exec`, ANNOTERA_EXTRA_MATCHES: `https://${HOST}/*` };
const dir = mkdtempSync(join(tmpdir(), 'annotera-builds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The files of a build that contain the token or the preset host. */
const leaking = (outDir: string) =>
  filesUnder(outDir).filter((file) => {
    const text = readFileSync(file, 'latin1');
    return text.includes(TOKEN) || text.includes(HOST);
  });

describe('build presets', () => {
  test('a release build gets none, whatever the shell holds', () => {
    expect(buildPresets('production', { ...PRESETS, ANNOTERA_OUT_DIR: dir })).toEqual({});
  });

  test('a local build must name its own output folder', () => {
    expect(() => buildPresets(LOCAL_MODE, PRESETS)).toThrow('ANNOTERA_OUT_DIR');
  });

  test('npm run build:extension with the token and address in the environment: no built file contains either', { timeout: 240_000 }, async () => {
    const release = join(dir, 'release');
    const local = join(dir, 'local');
    const run = promisify(execFile);
    await run('npm', ['run', '--silent', 'build:extension'], { cwd: ROOT, env: { ...process.env, ...PRESETS, ANNOTERA_OUT_DIR: release } });
    expect(filesUnder(release).some((file) => file.endsWith('manifest.json'))).toBe(true);
    expect(leaking(release)).toEqual([]);
    // The same environment in a local build does carry them: the check above can see a leak.
    await run(join(ROOT, 'node_modules/.bin/wxt'), ['build', '--mode', LOCAL_MODE], { cwd: ROOT, env: { ...process.env, ...PRESETS, ANNOTERA_OUT_DIR: local } });
    expect(leaking(local).length).toBeGreaterThan(0);
  });
});
