// A worker thread that runs executions of the add-on bundle, each in a fresh vm context whose services live on the main thread.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import {
  errorData, HANDLE, isDateValue, isHandleRef, mapValue, richTextData, richTextFromData, type HandleRef, type Reply, type RunMessage, type WorkerMessage,
} from './remote-values';

const { port, signal, codePath } = workerData as { port: MessagePort; signal: Int32Array; codePath: string };
const script = new vm.Script(readFileSync(codePath, 'utf8'), { filename: 'Code.js' });

/**
 * Sends a message to the main thread and blocks until it answers: every service call is a synchronous round trip.
 * `signal` counts the main thread's answers; the loop waits for the answer itself, so an early wake-up is harmless.
 */
function ask(message: WorkerMessage): unknown {
  port.postMessage(message);
  let received: { message: unknown } | undefined;
  for (;;) {
    const seen = Atomics.load(signal, 0);
    received = receiveMessageOnPort(port);
    if (received) break;
    Atomics.wait(signal, 0, seen);
  }
  const reply = received.message as Reply;
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
  return reply.value;
}

function run(message: RunMessage): void {
  const { execution } = message;
  const handles = new WeakMap<object, number>();
  const context = vm.createContext({ console, Logger: { log: (...args: unknown[]) => console.log(...args) } });
  // Dates and errors handed to the add-on are of its own realm, so that its instanceof checks and catches hold.
  const toDate = vm.runInContext('(time) => new Date(time)', context) as (time: number) => Date;
  const toError = vm.runInContext('(message) => new Error(message)', context) as (message: string) => Error;

  const proxy = (ref: HandleRef): object => {
    const id = ref[HANDLE];
    const methods = new Set(ref.methods);
    const target = {};
    const remote = new Proxy(target, {
      get(_, key) {
        if (typeof key === 'symbol') return key === Symbol.toStringTag ? ref.name : undefined;
        if (methods.has(key)) return (...args: unknown[]) => fromMain(call({ type: 'call', execution, handle: id, method: key, args: toMain(args) as unknown[] }));
        return fromMain(call({ type: 'get', execution, handle: id, key }));
      },
      set(_, key, value) {
        call({ type: 'set', execution, handle: id, key: String(key), value: toMain(value) });
        return true;
      },
    });
    handles.set(remote, id);
    return remote;
  };
  const call = (request: WorkerMessage) => {
    try {
      return ask(request);
    } catch (error) {
      // The add-on catches errors of its own realm.
      const data = errorData(error);
      throw Object.assign(toError(data.message), { name: data.name });
    }
  };
  const fromMain = (value: unknown) =>
    mapValue(value, (v) => (isHandleRef(v) ? proxy(v) : isDateValue(v) ? toDate(v.getTime()) : richTextFromData(v)));
  const toMain = (value: unknown) => mapValue(value, (v) => (handles.has(v) ? { [HANDLE]: handles.get(v) } : richTextData(v)));

  try {
    for (const [name, ref] of Object.entries(message.globals)) context[name] = proxy(ref);
    script.runInContext(context);
    const fn: unknown = /^[A-Za-z_$][\w$]*$/.test(message.name) ? context[message.name] : undefined;
    if (typeof fn !== 'function') throw new Error(`The add-on has no function ${message.name}.`);
    const result = (fn as (...args: unknown[]) => unknown)(...(fromMain(message.args) as unknown[]));
    port.postMessage({ type: 'done', execution, result: toMain(result) } satisfies WorkerMessage);
  } catch (error) {
    port.postMessage({ type: 'failed', execution, error: errorData(error) } satisfies WorkerMessage);
  }
}

port.on('message', (message: RunMessage) => run(message));
