// npm start: builds everything, runs the local sheet and the fixture posts, and opens Chromium with the extension on a post.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalSheet } from '../apps-script/local-runtime/start';
import { LOCAL_MODE } from '../extension/build-presets';
import { CHROME, chromiumFlags } from './chromium';
import { startFixtureServer } from './fixture-server';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });

run('npm', ['run', '--silent', 'build:apps-script']);
const sheet = await startLocalSheet({
  port: Number(process.env.ANNOTERA_PORT ?? 8787),
  token: process.env.ANNOTERA_TOKEN,
  workbookPath: resolve(ROOT, process.env.ANNOTERA_WORKBOOK ?? 'data/annotera.xlsx'),
  locale: process.env.ANNOTERA_LOCALE,
});
const fixtures = await startFixtureServer(Number(process.env.ANNOTERA_FIXTURE_PORT ?? 8080));
const extensionDir = join(ROOT, '.output/local/chrome-mv3');
run('npx', ['wxt', 'build', '--mode', LOCAL_MODE], {
  ANNOTERA_OUT_DIR: join(ROOT, '.output/local'),
  ANNOTERA_EXTRA_MATCHES: 'http://127.0.0.1/*',
  ANNOTERA_ENDPOINT: `${sheet.url}/exec`,
  ANNOTERA_TOKEN: sheet.token,
});

const firstPost = fixtures.post('nacka-kommun');
console.log(`
Annotera is running locally.
  posts        ${fixtures.url}/   (first: ${firstPost})
  web app      ${sheet.url}/exec   token ${sheet.token}
  sheet view   ${sheet.url}/?token=${sheet.token}
  workbook     ${sheet.workbookPath}
  extension    ${extensionDir}   (set to the local web app; runs on http://127.0.0.1/*)
`);

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No display here, so no browser is opened. Load the extension above in Chrome (chrome://extensions → Developer mode → Load unpacked)');
  console.log('on a machine with a screen, or use the servers above. Press Ctrl+C to stop.');
} else if (!existsSync(CHROME)) {
  console.log(`No Chromium at ${CHROME} (set CHROME_PATH). The servers keep running; press Ctrl+C to stop.`);
} else {
  const profile = mkdtempSync(join(tmpdir(), 'annotera-profile-'));
  const browser = spawn(CHROME, [`--user-data-dir=${profile}`, ...chromiumFlags(extensionDir), firstPost, `${sheet.url}/?token=${sheet.token}`], { stdio: 'ignore' });
  browser.on('exit', () => console.log('Chromium closed. The servers keep running; press Ctrl+C to stop.'));
}

const stop = async () => {
  await Promise.all([sheet.close(), fixtures.close()]);
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
