// Before npm start / npm test (plain Node, nothing installed needed): npm ci when node_modules is missing or behind the
// lockfile; the Debian packages the run needs, installed with apt when root, else one line saying what to install.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const purpose = process.argv[2] === 'start' ? 'start' : 'test';

/** The one list of what the machine needs besides node_modules: Debian package, how to find it, and for what. */
const SYSTEM_PACKAGES = [
  { name: 'chromium', present: () => existsSync('/usr/bin/chromium') || Boolean(process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)), for: ['start', 'test'], why: 'the browser the extension runs in' },
  { name: 'stress-ng', present: () => onPath('stress-ng'), for: ['test'], why: 'loads the CPUs in the soak and concurrency tests' },
  { name: 'libxml2-utils', present: () => onPath('xmllint'), for: ['test'], why: 'xmllint, to check the workbook XML' },
];

function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, command)));
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** True when node_modules holds what package-lock.json asks for (npm's own record of it, node_modules/.package-lock.json). */
function installed() {
  const lockPath = join(ROOT, 'package-lock.json');
  const recordPath = join(ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(recordPath)) return false;
  if (statSync(recordPath).mtimeMs >= statSync(lockPath).mtimeMs) return true;
  // The lockfile is newer (a pull, a checkout): reinstall only if what it asks for differs from what is there.
  const wanted = readJson(lockPath).packages ?? {};
  const have = readJson(recordPath).packages ?? {};
  return Object.entries(wanted).every(([path, entry]) => path === '' || (have[path] ? have[path].version === entry.version : Boolean(entry.optional)));
}

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

if (!installed()) run('npm', ['ci', '--no-audit', '--no-fund']);

const missing = SYSTEM_PACKAGES.filter((p) => p.for.includes(purpose) && !p.present());
if (missing.length > 0) {
  const names = missing.map((p) => p.name);
  if (process.getuid?.() === 0 && onPath('apt-get')) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names]);
  } else {
    console.error(`Missing: ${missing.map((p) => `${p.name} (${p.why})`).join(', ')}. Install with: sudo apt-get install ${names.join(' ')}${names.includes('chromium') ? ' (or set CHROME_PATH to a Chromium)' : ''}`);
    if (purpose === 'test') process.exit(1);
  }
}
