// Benchmarks the add-on on the local runtime: service calls per request by batch and sheet size, and the rebuild time for 10,000 passages.
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

function varied(i: number) {
  return makePassage({
    municipality: MUNICIPALITIES[i % 60].code,
    kind: KINDS[i % 3],
    themes: [DEFAULT_THEMES[i % 18].id, DEFAULT_THEMES[(i * 7) % 18].id].filter((id, j, all) => all.indexOf(id) === j),
  });
}

async function freshRuntime(dir: string, name: string) {
  const runtime = await LocalRuntime.open({ codePath: CODE, workbookPath: join(dir, `${name}.xlsx`) });
  runtime.invoke('onOpen');
  runtime.setDocumentProperty(TOKEN_PROPERTY, TOKEN);
  return runtime;
}

function post(runtime: LocalRuntime, count: number, offset: number) {
  const ops = Array.from({ length: count }, (_, i) => ({ op: 'upsert', passage: varied(offset + i) }));
  const contents = JSON.stringify({ v: 1, token: TOKEN, ops });
  const started = performance.now();
  const { result, calls } = runtime.invoke<{ getContent(): string }>('doPost', { postData: { contents, length: contents.length } });
  const ms = performance.now() - started;
  const answer = JSON.parse(result.getContent());
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return { calls, ms };
}

export async function benchAddOn(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-bench-'));
  const lines: string[] = ['Add-on on the local runtime (service calls per doPost; time is local CPU, not Google latency):'];
  try {
    for (const stored of [0, 10_000]) {
      for (const batch of [1, 100, 500]) {
        const runtime = await freshRuntime(dir, `s${stored}-b${batch}`);
        for (let offset = 0; offset < stored; offset += 500) post(runtime, 500, offset);
        const { calls, ms } = post(runtime, batch, stored);
        lines.push(`  ${String(batch).padStart(3)} ops into ${String(stored).padStart(6)} passages: ${calls} service calls (${ms.toFixed(0)} ms)`);
      }
    }
    const runtime = await freshRuntime(dir, 'rebuild');
    for (let offset = 0; offset < 10_000; offset += 500) post(runtime, 500, offset);
    const started = performance.now();
    const { calls } = runtime.invoke('menuRebuild');
    lines.push(`  rebuild of Matris, Plan för handling and Nationell nivå for 10,000 passages: ${(performance.now() - started).toFixed(0)} ms, ${calls} service calls`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
