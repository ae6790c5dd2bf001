// Benchmarks the local runtime under a flood: p50 of a real write alone, then while 8 clients post 2 MB bodies with a wrong token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { startLocalSheet } from '../apps-script/local-runtime/start';
import { makePassage } from '../tests/helpers/passages';

const TOKEN = 'bench-token-0123456789abcdef0123456789abcdef';
const CODE = new URL('../dist/apps-script/Code.js', import.meta.url).pathname;
const WRITES = 30;
const FLOODERS = 8;

const FLOODER = `const { workerData } = require('node:worker_threads');
(async () => {
  while (Atomics.load(workerData.stop, 0) === 0) {
    await fetch(workerData.exec, { method: 'POST', body: workerData.junk }).then((r) => r.text()).catch(() => undefined);
  }
})();`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchFlood(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-flood-'));
  const sheet = await startLocalSheet({ port: 0, workbookPath: join(dir, 'flood.xlsx'), token: TOKEN, codePath: CODE });
  const exec = `${sheet.url}/exec`;
  const write = async () => {
    const body = JSON.stringify({ v: 1, token: TOKEN, ops: [{ op: 'upsert', passage: makePassage() }] });
    const started = performance.now();
    const answer = (await fetch(exec, { method: 'POST', body }).then((r) => r.json())) as { ok: boolean };
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    return performance.now() - started;
  };
  const writes = async () => {
    const times: number[] = [];
    for (let i = 0; i < WRITES; i += 1) times.push(await write());
    return median(times);
  };
  try {
    await write();
    const alone = await writes();
    const junk = JSON.stringify({ v: 1, token: 'wrong', ops: [{ op: 'upsert', passage: { themes: Array(150_000).fill('not-a-theme') } }] });
    // The flooders are other clients: each in its own thread, so that their own work does not load the server's thread.
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const flooders = Array.from({ length: FLOODERS }, () => new Worker(FLOODER, { eval: true, workerData: { exec, junk, stop } }));
    const flooded = await writes();
    Atomics.store(stop, 0, 1);
    await Promise.all(flooders.map((worker) => new Promise((done) => worker.once('exit', done))));
    return [
      `Local runtime under a flood (${WRITES} single-passage writes, p50; ${FLOODERS} clients posting ${(junk.length / 1e6).toFixed(1)} MB with a wrong token):`,
      `  alone ${alone.toFixed(0)} ms, during the flood ${flooded.toFixed(0)} ms`,
    ];
  } finally {
    await sheet.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
