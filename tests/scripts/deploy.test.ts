// npm run deploy with clasp stubbed at the process boundary: the commands and arguments it runs, first deploy and redeploy, and its errors.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deploy, DEPLOYMENT_FILE, type DeployOptions } from '../../scripts/deploy';

const FAKE_CLASP = new URL('../fixtures/fake-clasp/clasp', import.meta.url).pathname;
const SCRIPT_ID = '1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdefghijklmnopqr';

let root: string;
let builds: number;
let lines: string[];
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'annotera-deploy-'));
  builds = 0;
  lines = [];
  process.env.FAKE_CLASP_LOG = join(root, 'clasp-calls.log');
  process.env.FAKE_CLASP_SCENARIO = 'ok';
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const options = (extra: Partial<DeployOptions> = {}): DeployOptions => ({
  root, clasp: FAKE_CLASP, build: () => void (builds += 1), version: '0.1.0', log: (line) => lines.push(line), ...extra,
});
const calls = (): string[][] =>
  existsSync(process.env.FAKE_CLASP_LOG!) ? readFileSync(process.env.FAKE_CLASP_LOG!, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]) : [];

describe('npm run deploy', () => {
  test('first deploy: writes .clasp.json, checks the login, builds, pushes, creates the deployment and keeps its id', async () => {
    const deployed = await deploy(options({ scriptId: SCRIPT_ID }));
    expect(JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8'))).toEqual({ scriptId: SCRIPT_ID, rootDir: 'dist/apps-script' });
    expect(calls()).toEqual([
      ['--json', 'show-authorized-user'],
      ['push', '--force'],
      ['--json', 'create-deployment', '--description', expect.stringMatching(/^Annotera 0\.1\.0, \d{4}-\d\d-\d\d \d\d:\d\d UTC$/)],
    ]);
    expect(builds).toBe(1);
    expect(deployed).toEqual({ url: 'https://script.google.com/macros/s/AKfycbFirstDeployment0123456789/exec', deploymentId: 'AKfycbFirstDeployment0123456789', created: true });
    expect(JSON.parse(readFileSync(join(root, DEPLOYMENT_FILE), 'utf8'))).toEqual({ scriptId: SCRIPT_ID, deploymentId: 'AKfycbFirstDeployment0123456789' });
  });

  test('redeploy: the kept deployment moves to a new version, so the /exec address stays the same', async () => {
    const first = await deploy(options({ scriptId: SCRIPT_ID }));
    writeFileSync(process.env.FAKE_CLASP_LOG!, '');
    const second = await deploy(options());
    expect(calls()).toEqual([
      ['--json', 'show-authorized-user'],
      ['push', '--force'],
      ['--json', 'update-deployment', 'AKfycbFirstDeployment0123456789', '--description', expect.stringMatching(/^Annotera 0\.1\.0, /)],
    ]);
    expect(second.url).toBe(first.url);
    expect(second.created).toBe(false);
    expect(builds).toBe(2);
  });

  test('a deployment kept for another script is not reused', async () => {
    writeFileSync(join(root, DEPLOYMENT_FILE), JSON.stringify({ scriptId: 'another-script-id-0123456789', deploymentId: 'AKfycbOther' }));
    await deploy(options({ scriptId: SCRIPT_ID }));
    expect(calls().at(-1)).toEqual(['--json', 'create-deployment', '--description', expect.any(String)]);
  });

  test('not logged in: says to run npx clasp login, and neither builds nor pushes', async () => {
    process.env.FAKE_CLASP_SCENARIO = 'logged-out';
    await expect(deploy(options({ scriptId: SCRIPT_ID }))).rejects.toThrow(/not logged in.*npx clasp login/);
    expect(calls()).toEqual([['--json', 'show-authorized-user']]);
    expect(builds).toBe(0);
    expect(existsSync(join(root, DEPLOYMENT_FILE))).toBe(false);
  });

  test('the Apps Script API off: says where to turn it on, and keeps no deployment', async () => {
    process.env.FAKE_CLASP_SCENARIO = 'api-off';
    await expect(deploy(options({ scriptId: SCRIPT_ID }))).rejects.toThrow('Turn it on at https://script.google.com/home/usersettings');
    expect(calls().map((args) => args.filter((a) => !a.startsWith('-'))[0])).toEqual(['show-authorized-user', 'push']);
    expect(existsSync(join(root, DEPLOYMENT_FILE))).toBe(false);
  });

  test('the kept deployment was removed: says so, and that a new one means a new address', async () => {
    await deploy(options({ scriptId: SCRIPT_ID }));
    process.env.FAKE_CLASP_SCENARIO = 'deployment-gone';
    await expect(deploy(options())).rejects.toThrow(/no longer exists.*new \/exec address/);
    expect(JSON.parse(readFileSync(join(root, DEPLOYMENT_FILE), 'utf8'))).toMatchObject({ deploymentId: 'AKfycbFirstDeployment0123456789' });
  });

  test('with the real clasp 3 and no login: the same plain message, nothing built', async () => {
    process.env.clasp_config_auth = join(root, 'no-login', '.clasprc.json');
    try {
      const real = new URL('../../node_modules/.bin/clasp', import.meta.url).pathname;
      await expect(deploy(options({ scriptId: SCRIPT_ID, clasp: real }))).rejects.toThrow(/not logged in.*npx clasp login/);
    } finally {
      delete process.env.clasp_config_auth;
    }
    expect(builds).toBe(0);
  });

  test('no .clasp.json and no Script ID: says how to give it, and runs no clasp command', async () => {
    await expect(deploy(options())).rejects.toThrow('npm run deploy -- --script-id <Script ID>');
    expect(calls()).toEqual([]);
  });

  test('a Script ID that is not one is refused', async () => {
    await expect(deploy(options({ scriptId: 'https://docs.google.com/x' }))).rejects.toThrow('is not a Script ID');
    expect(existsSync(join(root, '.clasp.json'))).toBe(false);
  });
});
