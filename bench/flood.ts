// Benchmarks the local runtime under a flood: a real write's p50 and p95 alone, then while 8 other processes post junk with a wrong token.
// The runtime, the writer (this process) and each flooder are processes of their own, as they are in use.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_BODY_BYTES } from '../shared/protocol';
import { makePassage } from '../tests/helpers/passages';
import type { FlooderReport } from './flooder';

const TOKEN = 'bench-token-0123456789abcdef0123456789abcdef';
const ROOT = new URL('..', import.meta.url).pathname;
const CLI = new URL('../apps-script/local-runtime/cli.ts', import.meta.url).pathname;
const FLOODER = new URL('./flooder.ts', import.meta.url).pathname;
const WRITES = 30;
const FLOODERS = 8;
/** No flooder outlives this, whatever happens to the benchmark. */
const FLOODER_SECONDS = 300;
/** The junk: just over the add-on's limit (refused by its Content-Length), and just under it (read, and refused for its token). */
const FLOODS = [{ name: 'over the limit', bytes: 2_100_000 }, { name: 'within the limit', bytes: 1_900_000 }];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** CPU time a process has used so far, user and system, in ms (Linux: /proc/<pid>/stat counts it in 1/100 s). */
const cpuMsOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

interface Runtime {
  exec: string;
  process: ChildProcess;
}

/** The local runtime as `npm run sheet` runs it, on a fresh workbook: resolves with its /exec address once it serves. */
function startRuntime(dir: string): Promise<Runtime> {
  const env = { ...process.env, ANNOTERA_PORT: '0', ANNOTERA_TOKEN: TOKEN, ANNOTERA_WORKBOOK: join(dir, 'flood.xlsx') };
  mkdirSync(dir, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', CLI], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (text: Buffer) => {
      printed += String(text);
      const exec = /web app\s+(\S+)/.exec(printed)?.[1];
      if (exec) resolve({ exec, process: child });
    });
    child.once('exit', (code) => reject(new Error(`The runtime exited (${code}) before it served.`)));
  });
}

interface Flooder {
  process: ChildProcess;
  /** What it reports once it stops (nothing when it died without a word). */
  report: Promise<FlooderReport>;
}

/** Starts the flooders, each a process of its own, and resolves once every one is ready to send. */
async function startFlooders(exec: string, bytes: number): Promise<Flooder[]> {
  const flooders = Array.from({ length: FLOODERS }, () => {
    const child = fork(FLOODER, [exec, String(bytes), String(FLOODER_SECONDS)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const ready = new Promise<void>((done, failed) => {
      child.once('message', () => done());
      child.once('exit', (code) => failed(new Error(`A flooder exited (${code}) before it was ready.`)));
    });
    const report = new Promise<FlooderReport>((done) => {
      child.on('message', (message) => message !== 'ready' && done(message as FlooderReport));
      child.once('exit', () => done({ answers: {}, cpuMs: 0 }));
    });
    return { process: child, ready, report };
  });
  await Promise.all(flooders.map((flooder) => flooder.ready));
  return flooders;
}

/** Stops the flooders and collects what they report. */
function stopFlooders(flooders: Flooder[]): Promise<FlooderReport[]> {
  for (const flooder of flooders) if (flooder.process.connected) flooder.process.send('stop');
  return Promise.all(flooders.map((flooder) => flooder.report));
}

/** Stops a runtime's process and waits until it has gone. */
async function stopRuntime(runtime: Runtime): Promise<void> {
  const exited = new Promise((done) => (runtime.process.exitCode === null ? runtime.process.once('exit', done) : done(null)));
  runtime.process.kill();
  await exited;
}

/**
 * Writes alone, then during each flood: aimed first at a decoy (a second runtime process, the same code), which shows
 * what the flooders' own load on the machine costs the write, then at the runtime written to, which adds its refusals.
 */
export async function benchFlood(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-flood-'));
  const runtimes: Runtime[] = [];
  const write = async () => {
    const body = JSON.stringify({ v: 1, token: TOKEN, ops: [{ op: 'upsert', passage: makePassage() }] });
    const started = performance.now();
    const answer = (await fetch(runtimes[0].exec, { method: 'POST', body }).then((r) => r.json())) as { ok: boolean };
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    return performance.now() - started;
  };
  const writes = async () => {
    const times: number[] = [];
    for (let i = 0; i < WRITES; i += 1) times.push(await write());
    return `p50 ${percentile(times, 0.5).toFixed(0)} ms, p95 ${percentile(times, 0.95).toFixed(0)} ms`;
  };
  const duringFlood = async (target: Runtime, bytes: number) => {
    const flooders = await startFlooders(target.exec, bytes);
    const started = performance.now();
    const cpu = cpuMsOf(target.process.pid!);
    const figures = await writes();
    const targetCpu = cpuMsOf(target.process.pid!) - cpu;
    const wall = performance.now() - started;
    const reports = await stopFlooders(flooders);
    const answers: Record<string, number> = {};
    for (const report of reports) for (const [code, n] of Object.entries(report.answers)) answers[code] = (answers[code] ?? 0) + n;
    const flooderCpu = reports.reduce((sum, report) => sum + report.cpuMs, 0);
    return [figures, `in ${(wall / 1000).toFixed(1)} s: junk answered ${JSON.stringify(answers)}; CPU: flooded runtime ${(targetCpu / 1000).toFixed(1)} s, flooders ${(flooderCpu / 1000).toFixed(1)} s (with their start)`];
  };
  const lines = [`Local runtime under a flood (${WRITES} single-passage writes; ${FLOODERS} flooder processes posting junk with a wrong token; limit ${MAX_BODY_BYTES} bytes; load average ${loadavg()[0].toFixed(1)}):`];
  try {
    for (const name of ['written', 'decoy']) runtimes.push(await startRuntime(join(dir, name)));
    const [written, decoy] = runtimes;
    await write();
    lines.push(`  alone: ${await writes()}`);
    for (const flood of FLOODS) {
      const [atDecoy, decoyFigures] = await duringFlood(decoy, flood.bytes);
      const [atWritten, writtenFigures] = await duringFlood(written, flood.bytes);
      lines.push(
        `  flood ${flood.name} (${(flood.bytes / 1e6).toFixed(1)} MB) at a decoy runtime: ${atDecoy}`,
        `    ${decoyFigures}`,
        `  flood ${flood.name} at the runtime written to: ${atWritten}`,
        `    ${writtenFigures}`,
      );
    }
    lines.push(`  alone again: ${await writes()} (load average ${loadavg()[0].toFixed(1)})`);
    return lines;
  } finally {
    await Promise.all(runtimes.map(stopRuntime));
    rmSync(dir, { recursive: true, force: true });
  }
}
