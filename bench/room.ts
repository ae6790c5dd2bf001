// Benchmarks the local review room: the time to render Passager and Matris as grids, and the size of the HTML, at 10,000 passages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalRuntime } from '../apps-script/local-runtime/runtime';
import { renderTab } from '../apps-script/local-runtime/room/render-tab';
import { TOKEN_PROPERTY } from '../apps-script/tabs';
import { MUNICIPALITIES } from '../shared/municipalities';
import { DEFAULT_THEMES } from '../shared/codebook';
import { KINDS } from '../shared/passage';
import { makePassage } from '../tests/helpers/passages';

const TOKEN = 'bench-token';
const CODE = new URL('../dist/apps-script/Code.js', import.meta.url).pathname;
const PASSAGES = 10_000;

export async function benchRoom(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-bench-room-'));
  try {
    const runtime = await LocalRuntime.open({ codePath: CODE, workbookPath: join(dir, 'room.xlsx') });
    runtime.invoke('onOpen');
    runtime.setScriptProperty(TOKEN_PROPERTY, TOKEN);
    for (let offset = 0; offset < PASSAGES; offset += 500) {
      const ops = Array.from({ length: 500 }, (_, i) => ({
        op: 'upsert',
        passage: makePassage({ municipality: MUNICIPALITIES[(offset + i) % 60].code, kind: KINDS[(offset + i) % 3], themes: [DEFAULT_THEMES[(offset + i) % 18].id] }),
      }));
      runtime.invoke('doPost', { postData: { contents: JSON.stringify({ v: 1, token: TOKEN, ops }) } });
    }
    const lines = [`Local review room at ${PASSAGES.toLocaleString('en')} passages (server-side render of one tab):`];
    for (const name of ['Passager', 'Matris']) {
      const sheet = runtime.book.sheet(name)!;
      let best = Infinity;
      let html = '';
      for (let run = 0; run < 3; run += 1) {
        const started = performance.now();
        html = renderTab(runtime.book, sheet);
        best = Math.min(best, performance.now() - started);
      }
      lines.push(`  ${name}: ${best.toFixed(0)} ms (best of 3), ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(1)} MB of HTML`);
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
