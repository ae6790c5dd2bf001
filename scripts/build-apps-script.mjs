// Bundles apps-script/main.ts into dist/apps-script/Code.js with its entry points as top-level functions, as clasp pushes it.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const out = new URL('../dist/apps-script/', import.meta.url);
const source = new URL('../apps-script/', import.meta.url);
const GLOBAL = 'AnnoteraAddon';
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const options = {
  entryPoints: [new URL('main.ts', source).pathname],
  bundle: true,
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  write: false,
  legalComments: 'inline',
  logLevel: 'warning',
  define: { __ANNOTERA_VERSION__: JSON.stringify(version) },
};
const result = await build({ ...options, format: 'iife', globalName: GLOBAL });
// esbuild lists an entry's exports only for ESM output: a second, unwritten pass names them.
const esm = await build({ ...options, format: 'esm', metafile: true });

const exported = Object.values(esm.metafile.outputs)[0].exports.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)).sort();
if (!exported.includes('doGet') || !exported.includes('doPost')) throw new Error('apps-script/main.ts must export doGet and doPost');

// Apps Script finds entry points (doGet, onOpen, menu handlers, google.script.run targets) only as top-level functions.
const wrappers = exported
  .map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`)
  .join('\n');
const code = `// Annotera Sheets add-on — built from apps-script/ by scripts/build-apps-script.mjs; do not edit.\n${result.outputFiles[0].text}\n${wrappers}\n`;
writeFileSync(new URL('Code.js', out), code);

for (const file of readdirSync(source)) {
  if (file === 'appsscript.json' || file.endsWith('.html')) cpSync(new URL(file, source), new URL(file, out));
}
console.log(`dist/apps-script/Code.js: ${(code.length / 1024).toFixed(1)} kB, entry points: ${exported.join(', ')}`);
