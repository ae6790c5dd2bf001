// The prestart/pretest step: npm ci only when node_modules is missing or behind the lockfile; missing Debian packages
// installed with apt when root. npm and apt-get are stubbed on PATH and record what they were asked.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const SCRIPT = new URL('../../scripts/ensure-setup.mjs', import.meta.url).pathname;
let root: string;
let bin: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'annotera-setup-'));
  bin = join(root, 'bin');
  mkdirSync(join(root, 'scripts'));
  mkdirSync(bin);
  copyFileSync(SCRIPT, join(root, 'scripts/ensure-setup.mjs'));
  for (const command of ['npm', 'apt-get']) {
    writeFileSync(join(bin, command), `#!/bin/sh\necho "${command} $*" >> "${join(root, 'calls.log')}"\n`, { mode: 0o755 });
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const lock = (version: string) => JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, 'node_modules/preact': { version }, 'node_modules/@esbuild/win32-x64': { version: '1.0.0', optional: true } } });

/** node_modules as npm leaves it: preact at the given version, the other platform's optional package absent. */
function installedPreact(version: string) {
  mkdirSync(join(root, 'node_modules/preact'), { recursive: true });
  writeFileSync(join(root, 'node_modules/preact/package.json'), JSON.stringify({ name: 'preact', version }));
}

/** Runs the step with only the stubs (and the commands named in `alsoOnPath`) on PATH; what npm and apt-get were asked. */
async function ensure(purpose: 'start' | 'test', alsoOnPath: string[] = []): Promise<{ calls: string[]; code: number; out: string }> {
  for (const command of alsoOnPath) writeFileSync(join(bin, command), '#!/bin/sh\n', { mode: 0o755 });
  const ran = await promisify(execFile)(process.execPath, [join(root, 'scripts/ensure-setup.mjs'), purpose], { env: { PATH: bin } })
    .then((result) => ({ code: 0, out: result.stdout + result.stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }));
  const log = join(root, 'calls.log');
  return { calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [], ...ran };
}

const ALL_TOOLS = ['stress-ng', 'xmllint'];

describe('node_modules', () => {
  test('absent: npm ci', async () => {
    writeFileSync(join(root, 'package-lock.json'), lock('10.0.0'));
    expect((await ensure('test', ALL_TOOLS)).calls).toEqual(['npm ci --no-audit --no-fund']);
  });

  test('every package the lockfile asks for is there: nothing to do', async () => {
    writeFileSync(join(root, 'package-lock.json'), lock('10.0.0'));
    installedPreact('10.0.0');
    expect((await ensure('test', ALL_TOOLS)).calls).toEqual([]);
  });

  test('the lockfile asks for another version (a pull): npm ci', async () => {
    writeFileSync(join(root, 'package-lock.json'), lock('10.1.0'));
    installedPreact('10.0.0');
    expect((await ensure('start')).calls).toEqual(['npm ci --no-audit --no-fund']);
  });

  test('a package the lockfile asks for is missing: npm ci', async () => {
    writeFileSync(join(root, 'package-lock.json'), lock('10.0.0'));
    mkdirSync(join(root, 'node_modules'));
    expect((await ensure('start')).calls).toEqual(['npm ci --no-audit --no-fund']);
  });
});

describe('Debian packages', () => {
  const asRoot = process.getuid?.() === 0;

  test('what the tests need and the machine lacks: installed with apt as root, else one line naming the packages and a failing exit', async () => {
    writeFileSync(join(root, 'package-lock.json'), lock('10.0.0'));
    installedPreact('10.0.0');
    const { calls, code, out } = await ensure('test', ['xmllint']);
    if (asRoot) {
      expect(calls).toEqual(['apt-get update -qq', 'apt-get install -y -qq stress-ng']);
      expect(code).toBe(0);
    } else {
      expect(out).toContain('sudo apt-get install stress-ng');
      expect(code).toBe(1);
    }
  });

  test('npm start needs neither stress-ng nor xmllint', async () => {
    writeFileSync(join(root, 'package-lock.json'), lock('10.0.0'));
    installedPreact('10.0.0');
    expect((await ensure('start')).calls).toEqual([]);
  });
});
