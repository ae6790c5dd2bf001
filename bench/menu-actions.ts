// Service calls (and local time) of each Annotera menu action and sidebar call on a sheet of 10,000 passages in 300 posts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalRuntime } from '../apps-script/local-runtime/runtime';
import { TOKEN_PROPERTY } from '../apps-script/tabs';
import { makePassage } from '../tests/helpers/passages';
import { MUNICIPALITIES } from '../shared/municipalities';
import { DEFAULT_THEMES } from '../shared/codebook';
import { KINDS } from '../shared/passage';

const TOKEN = 'bench-token';
const CODE = new URL('../dist/apps-script/Code.js', import.meta.url).pathname;
const PASSAGES = 10_000;
const POSTS = 300;
const QUOTE = 'Socialsekreterarna har bärbara krypterade datorer.';
const TEXT = `${'Inledande text om besöket. '.repeat(4).slice(0, 100)}${QUOTE} ${'Mer text om kommunens arbete. '.repeat(60)}`;

const urlOf = (i: number) => `http://www.socialbarnungdom.se/kommunbesok/inlagg-${i % POSTS}/`;

function op(i: number) {
  const passage = makePassage({
    url: urlOf(i),
    municipality: MUNICIPALITIES[i % 60].code,
    kind: KINDS[i % 3],
    author: ['Ann', 'Bo', 'Cecilia', 'David'][i % 4],
    note: i % 5 ? '' : 'En anteckning.',
    themes: [DEFAULT_THEMES[i % 18].id, DEFAULT_THEMES[(i * 7) % 18].id].filter((id, j, all) => all.indexOf(id) === j),
  });
  return i < POSTS ? { op: 'upsert', passage, post: { title: `Inlägg ${i}`, text: TEXT } } : { op: 'upsert', passage };
}

export async function benchMenuActions(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-bench-menu-'));
  const lines = [`Menu actions on ${PASSAGES.toLocaleString('en')} passages in ${POSTS} posts (service calls; time is local CPU, not Google latency):`];
  try {
    const runtime = await LocalRuntime.open({ codePath: CODE, workbookPath: join(dir, 'menu.xlsx') });
    runtime.invoke('onOpen');
    runtime.setDocumentProperty(TOKEN_PROPERTY, TOKEN);
    for (let offset = 0; offset < PASSAGES; offset += 500) {
      const contents = JSON.stringify({ v: 1, token: TOKEN, ops: Array.from({ length: 500 }, (_, i) => op(offset + i)) });
      const event = { postData: { contents, length: contents.length } };
      const answer = JSON.parse(runtime.invoke<{ getContent(): string }>('doPost', event).result.getContent()) as { ok: boolean; error?: unknown };
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    }
    const ss = runtime.spreadsheetApp.getActiveSpreadsheet();
    const batch = (ops: unknown[]) => {
      const contents = JSON.stringify({ v: 1, token: TOKEN, ops });
      return { postData: { contents, length: contents.length } };
    };
    const measure = (label: string, name: string, ...args: unknown[]) => {
      const started = performance.now();
      const { calls } = runtime.invoke(name, ...args);
      lines.push(`  ${label.padEnd(58)} ${String(calls).padStart(4)} calls  ${(performance.now() - started).toFixed(0).padStart(5)} ms`);
    };
    measure('onOpen (menu, tabs)', 'onOpen');
    measure('Filtrera på kommun… (open the sidebar)', 'menuFilterByMunicipality');
    measure('  sidebar: filterOptions', 'filterOptions');
    measure('  sidebar: applyFilter {municipality}', 'applyFilter', { municipality: MUNICIPALITIES[3].code });
    measure('  sidebar: applyFilter {county, theme, kind, author}', 'applyFilter', { county: MUNICIPALITIES[3].county.code, theme: DEFAULT_THEMES[3].id, kind: 'plan', author: 'Bo' });
    measure('Visa allt', 'menuShowEverything');
    ss.setActiveRange(ss.getSheetByName('Matris')!.getRange(3, 4, 1, 1));
    measure('Visa passager för markerad cell (a Matris cell)', 'menuShowPassagesForCell');
    ss.setActiveRange(ss.getSheetByName('Passager')!.getRange(2, 1, 10, 1));
    measure('  sidebar: passagesForSelection (10 Passager rows)', 'passagesForSelection');
    measure('Kommunprofil… (open the sidebar)', 'menuMunicipalityProfile');
    measure('  sidebar: profileChoices', 'profileChoices');
    measure('  sidebar: buildMunicipalityProfile (~167 passages)', 'buildMunicipalityProfile', MUNICIPALITIES[3].code);
    measure('Exportera… (open the dialog)', 'menuExport');
    measure('  dialog: exportRefiQda', 'exportRefiQda');
    measure('  dialog: exportWebAnnotations', 'exportWebAnnotations');
    measure('Inställningar: setLinkTarget (rewrites 10,000 + 300 links)', 'setLinkTarget', 'original');
    measure('Bygg om matrisen', 'menuRebuild');
    measure('doPost: 1 upsert to a known post', 'doPost', batch([op(PASSAGES + 1)]));
    const first = { op: 'upsert', passage: makePassage({ url: 'http://www.socialbarnungdom.se/kommunbesok/ny/' }), post: { title: 'Ny', text: TEXT } };
    measure('doPost: 1 upsert with a new post and its text', 'doPost', batch([first]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
