// Benchmarks the add-on on the local runtime: service calls and read-after-write flushes per POST by batch and sheet size,
// the full rebuild from the menu, and the local CPU time of each (not Google's latency).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalRuntime, type Invocation } from '../apps-script/local-runtime/runtime';
import { passageToRow } from '../apps-script/passage-rows';
import { TOKEN_PROPERTY } from '../apps-script/tabs';
import { makePassage } from '../tests/helpers/passages';
import { MUNICIPALITIES } from '../shared/municipalities';
import { DEFAULT_THEMES } from '../shared/codebook';
import { KINDS, type Passage } from '../shared/passage';

const TOKEN = 'bench-token';
const CODE = new URL('../dist/apps-script/Code.js', import.meta.url).pathname;
export const BATCHES = [1, 100, 500] as const;
export const SHEETS = [0, 10_000, 20_000] as const;

/** Passage i of a varied corpus: 60 municipalities, all three kinds, one or two themes. */
export function varied(i: number) {
  return makePassage({
    municipality: MUNICIPALITIES[i % 60].code,
    kind: KINDS[i % 3],
    themes: [DEFAULT_THEMES[i % 18].id, DEFAULT_THEMES[(i * 7) % 18].id].filter((id, j, all) => all.indexOf(id) === j),
  });
}

/**
 * A runtime over a new workbook whose Passager already holds `stored` passages (written straight into the sheet, with
 * room to grow as the add-on leaves it) and whose derived tabs were rebuilt from the menu; returns the rebuild's count.
 */
export async function preparedRuntime(dir: string, name: string, stored: number) {
  const runtime = await LocalRuntime.open({ codePath: CODE, workbookPath: join(dir, `${name}.xlsx`) });
  runtime.invoke('onOpen');
  runtime.setScriptProperty(TOKEN_PROPERTY, TOKEN);
  if (stored) {
    const sheet = runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Passager')!;
    sheet.insertRowsAfter(sheet.getMaxRows(), stored + 1000 - sheet.getMaxRows());
    const rows = Array.from({ length: stored }, (_, i) => passageToRow(varied(i), true));
    sheet.getRange(2, 1, stored, rows[0].length).setValues(rows);
  }
  const started = performance.now();
  const rebuild = runtime.invoke('menuRebuild');
  return { runtime, rebuild: { ...rebuild, ms: performance.now() - started } };
}

/** `count` new varied passages from index `offset` (all three kinds, so every derived tab changes). */
export const batchOf = (count: number, offset: number) => Array.from({ length: count }, (_, i) => varied(offset + i));

/** doPost of upserts of these passages, answered ok. */
export function post(runtime: LocalRuntime, passages: readonly Passage[]): Invocation<unknown> & { ms: number } {
  const ops = passages.map((passage) => ({ op: 'upsert', passage }));
  const contents = JSON.stringify({ v: 1, token: TOKEN, ops });
  const started = performance.now();
  const invocation = runtime.invoke<{ getContent(): string }>('doPost', { postData: { contents, length: contents.length } });
  const ms = performance.now() - started;
  const answer = JSON.parse(invocation.result.getContent());
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return { ...invocation, ms };
}

const figures = (i: { calls: number; reads: number; writes: number; flushes: number }) =>
  `${String(i.calls).padStart(3)} calls (${String(i.reads).padStart(2)} reads, ${String(i.writes).padStart(2)} writes), ${i.flushes} flush${i.flushes === 1 ? '' : 'es'}`;

export async function benchAddOn(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-bench-'));
  const lines: string[] = [
    'Add-on on the local runtime: Apps Script calls per doPost (spreadsheet reads/writes among them) and read-after-write flushes;',
    'time is local CPU, not Google latency. Each POST adds new passages of all three kinds, so every derived tab changes.',
  ];
  try {
    for (const stored of SHEETS) {
      const { runtime, rebuild } = await preparedRuntime(dir, `s${stored}`, stored);
      lines.push(`  full rebuild from the menu at ${String(stored).padStart(6)} passages: ${figures(rebuild)} (${rebuild.ms.toFixed(0)} ms)`);
      let offset = stored;
      let last: Passage[] = [];
      for (const batch of BATCHES) {
        last = batchOf(batch, offset);
        const result = post(runtime, last);
        offset += batch;
        lines.push(`  ${String(batch).padStart(3)} ops into ${String(stored).padStart(6)} passages: ${figures(result)} (${result.ms.toFixed(0)} ms)`);
      }
      const duplicate = post(runtime, last);
      lines.push(`    a retry answered duplicate at ${String(stored).padStart(6)}: ${figures(duplicate)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
