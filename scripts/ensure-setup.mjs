// Before npm start / npm test (plain Node, nothing installed needed): npm ci when node_modules is missing or behind the
// lockfile (a package absent or at another version); the Debian packages the run needs, installed with apt when root, else one line saying what to install.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const purpose = process.argv[2] === 'start' ? 'start' : 'test';

/** The one list of what the machine needs besides node_modules: Debian package, how to find it, and for what. */
const SYSTEM_PACKAGES = [
  { name: 'chromium', present: () => existsSync('/usr/bin/chromium') || Boolean(process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)), for: ['start', 'test'], why: 'the browser the extension runs in' },
  { name: 'chromium-l10n', present: () => existsSync('/usr/lib/chromium/locales/sv.pak') || Boolean(process.env.CHROME_PATH), for: ['start', 'test'], why: "Chromium's Swedish locale, so the extension speaks Swedish in a Swedish browser" },
  { name: 'stress-ng', present: () => onPath('stress-ng'), for: ['test'], why: 'loads the CPUs in npm run test:soak' },
  { name: 'libxml2-utils', present: () => onPath('xmllint'), for: ['test'], why: 'xmllint, to validate exported REFI-QDA projects against their schema' },
];

function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, command)));
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** True when node_modules holds every package package-lock.json asks for, at its version (optional ones may be absent). */
function installed() {
  const wanted = readJson(join(ROOT, 'package-lock.json')).packages ?? {};
  return Object.entries(wanted).every(([path, entry]) => {
    if (path === '' || entry.link) return true;
    const manifest = join(ROOT, path, 'package.json');
    return existsSync(manifest) ? readJson(manifest).version === entry.version : Boolean(entry.optional);
  });
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
    // With the packages' recommendations: chromium's include the Liberation fonts the pages and the toolbar are laid out in.
    run('apt-get', ['install', '-y', '-qq', ...names]);
  } else {
    console.error(`Missing: ${missing.map((p) => `${p.name} (${p.why})`).join(', ')}. Install with: sudo apt-get install ${names.join(' ')}${names.includes('chromium') ? ' (or set CHROME_PATH to a Chromium)' : ''}`);
    if (purpose === 'test') process.exit(1);
  }
}
