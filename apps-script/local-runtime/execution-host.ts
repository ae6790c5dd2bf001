// The main thread's side of overlapping executions: a pool of worker threads, and the service objects they call into.
import { buildSync } from 'esbuild';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import {
  errorData, HANDLE, isHandleRef, isServiceObject, mapValue, methodNames, richTextData, richTextFromData,
  type HandleRef, type Reply, type RunMessage, type WorkerMessage,
} from './remote-values';

/** One execution's state on the main thread: its service objects by handle and the service calls it made. */
export interface ExecutionState {
  id: number;
  log: string[];
  handles: Map<number, { object: object; name: string }>;
  /** ScriptApp.AuthMode the execution runs in. */
  authMode: 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';
}

export interface Settled {
  execution: ExecutionState;
  result: unknown;
}

interface PooledWorker {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  busy: ExecutionState | null;
  finish?: (outcome: { result?: unknown; error?: Error }) => void;
}

/** Apps Script allows 30 simultaneous executions per user; more wait for a free worker. */
const MAX_WORKERS = 30;
const WORKER_ENTRY = new URL('./execution-worker.ts', import.meta.url).pathname;
let workerSource: string | undefined;

/** The worker's code, bundled once per process so it runs wherever this module does (tsx, vitest, plain node). */
const workerCode = () =>
  (workerSource ??= buildSync({ entryPoints: [WORKER_ENTRY], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'error' })
    .outputFiles[0].text);

export class ExecutionHost {
  private idle: PooledWorker[] = [];
  private all = new Set<PooledWorker>();
  private waiting: Array<(worker: PooledWorker) => void> = [];

  constructor(
    private codePath: string,
    /** The global services of a new execution. */
    private servicesFor: (execution: ExecutionState) => Record<string, object>,
    /** Called once an execution has ended, however it ended (its locks are released there). */
    private ended: (execution: ExecutionState) => void,
    /** Executions running longer are stopped, as Google stops them after 6 minutes. */
    private limitMs = 6 * 60_000,
  ) {}

  /** Runs a function of the bundle as its own execution in a worker. */
  async run(execution: ExecutionState, name: string, args: unknown[]): Promise<Settled> {
    const pooled = await this.take();
    pooled.busy = execution;
    const globals: Record<string, HandleRef> = {};
    for (const [key, service] of Object.entries(this.servicesFor(execution))) globals[key] = handleOf(execution, service, key);
    const outcome = await new Promise<{ result?: unknown; error?: Error }>((resolve) => {
      const timer = setTimeout(() => {
        resolve({ error: new Error('Exceeded maximum execution time') });
        this.discard(pooled);
      }, this.limitMs);
      pooled.finish = (o) => {
        clearTimeout(timer);
        resolve(o);
      };
      pooled.port.postMessage({ type: 'run', execution: execution.id, name, args: toWorker(execution, args) as unknown[], globals } satisfies RunMessage);
    });
    this.ended(execution);
    if (this.all.has(pooled)) this.give(pooled);
    if (outcome.error) throw outcome.error;
    return { execution, result: outcome.result };
  }

  private async take(): Promise<PooledWorker> {
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.all.size < MAX_WORKERS) return this.spawn();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(pooled: PooledWorker) {
    pooled.busy = null;
    pooled.finish = undefined;
    const next = this.waiting.shift();
    if (next) next(pooled);
    else this.idle.push(pooled);
  }

  private spawn(): PooledWorker {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(workerCode(), { eval: true, workerData: { port: port2, signal, codePath: this.codePath }, transferList: [port2] });
    worker.unref();
    port1.unref();
    const pooled: PooledWorker = { worker, port: port1, signal, busy: null };
    port1.on('message', (message: WorkerMessage) => this.receive(pooled, message));
    const crashed = (error: Error) => {
      pooled.finish?.({ error });
      this.discard(pooled);
    };
    worker.on('error', crashed);
    worker.on('exit', (code) => crashed(new Error(`The execution's worker stopped (exit code ${code}).`)));
    this.all.add(pooled);
    return pooled;
  }

  /** Stops a worker for good: after a crash or when an execution ran too long. */
  private discard(pooled: PooledWorker) {
    if (!this.all.delete(pooled)) return;
    this.idle = this.idle.filter((p) => p !== pooled);
    pooled.finish = undefined;
    pooled.port.close();
    void pooled.worker.terminate();
    const next = this.waiting.shift();
    if (next) next(this.spawn());
  }

  private receive(pooled: PooledWorker, message: WorkerMessage) {
    const execution = pooled.busy;
    if (!execution || execution.id !== message.execution) return;
    if (message.type === 'done') return pooled.finish?.({ result: fromWorker(execution, message.result) });
    if (message.type === 'failed') return pooled.finish?.({ error: Object.assign(new Error(message.error.message), { name: message.error.name }) });
    const answer = (reply: Reply) => {
      pooled.port.postMessage(reply);
      Atomics.add(pooled.signal, 0, 1);
      Atomics.notify(pooled.signal, 0);
    };
    const fail = (error: unknown) => answer({ ok: false, error: errorData(error) });
    try {
      const value = serve(execution, message);
      if (value instanceof Promise) value.then((v) => answer({ ok: true, value: toWorker(execution, v) }), fail);
      else answer({ ok: true, value: toWorker(execution, value) });
    } catch (error) {
      fail(error);
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    const workers = [...this.all];
    this.all.clear();
    this.idle = [];
    await Promise.all(workers.map((p) => p.worker.terminate()));
  }
}

/** Counts a method call as Service.method, as the `counted` proxy does for invoke(). */
function serve(execution: ExecutionState, message: Exclude<WorkerMessage, { type: 'done' | 'failed' }>): unknown {
  const entry = execution.handles.get(message.handle);
  if (!entry) throw new Error('This object belongs to another execution.');
  const target = entry.object as Record<string, unknown>;
  if (message.type === 'get') {
    const value = Reflect.get(target, message.key, target);
    return typeof value === 'function' ? undefined : value;
  }
  if (message.type === 'set') return void Reflect.set(target, message.key, fromWorker(execution, message.value), target);
  const method = target[message.method];
  if (typeof method !== 'function') throw new TypeError(`${entry.name}.${message.method} is not a function`);
  execution.log.push(`${entry.name}.${message.method}`);
  return (method as (...args: unknown[]) => unknown).apply(target, fromWorker(execution, message.args) as unknown[]);
}

function handleOf(execution: ExecutionState, object: object, name: string): HandleRef {
  const id = execution.handles.size + 1;
  execution.handles.set(id, { object, name });
  return { [HANDLE]: id, name, methods: methodNames(object) };
}

const toWorker = (execution: ExecutionState, value: unknown) =>
  mapValue(value, (v) => richTextData(v) ?? (isServiceObject(v) ? handleOf(execution, v, v.constructor?.name ?? 'Object') : undefined));

const fromWorker = (execution: ExecutionState, value: unknown) =>
  mapValue(value, (v) => (isHandleRef(v) ? execution.handles.get(v[HANDLE])?.object : richTextFromData(v)));
