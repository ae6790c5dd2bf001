// Benchmarks the add-on on the local runtime: service calls and read-after-write flushes per POST by batch and sheet size,
// the full rebuild from the menu, and the local CPU time of each (not Google's latency).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchOf, post, preparedRuntime } from '../tests/helpers/add-on-runtime';
import type { Passage } from '../shared/passage';
import { CLIENT_TIMEOUT_MS } from '../shared/protocol';
import { LOCK_WAIT_MS } from '../apps-script/script-lock';

const BATCHES = [1, 100, 500] as const;
const SHEETS = [0, 10_000, 20_000] as const;

const figures = (i: { calls: number; reads: number; writes: number; flushes: number }) =>
  `${String(i.calls).padStart(3)} calls (${String(i.reads).padStart(2)} reads, ${String(i.writes).padStart(2)} writes), ${i.flushes} flush${i.flushes === 1 ? '' : 'es'}`;

export async function benchAddOn(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-bench-'));
  const lines: string[] = [
    'Add-on on the local runtime: Apps Script calls per doPost (spreadsheet reads/writes among them) and read-after-write flushes;',
    'time is local CPU, not Google latency. Each POST adds new passages of all three kinds, so every derived tab changes.',
    `  lock wait ${LOCK_WAIT_MS / 1000} s against the extension's ${CLIENT_TIMEOUT_MS / 1000} s request timeout: ${(CLIENT_TIMEOUT_MS - LOCK_WAIT_MS) / 1000} s left for start-up, work and the redirect`,
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
