// Starts the local runtime on the built add-on bundle with a fresh workbook, and speaks the wire format to it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalSheet, type LocalSheet } from '../../apps-script/local-runtime/start';
import type { Passage } from '../../shared/passage';

export const TOKEN = 'test-token-0123456789abcdef0123456789abcdef';
export const CODE_PATH = new URL('../../dist/apps-script/Code.js', import.meta.url).pathname;

export interface TestSheet extends LocalSheet {
  dir: string;
  /** POST a raw body to /exec; follows the web app's redirect as a browser would. */
  post(body: string): Promise<Reply>;
  /** POST a batch of ops with the right token. */
  send(ops: unknown[]): Promise<Reply>;
  get(parameters: Record<string, string>): Promise<Reply>;
  upsert(...passages: Passage[]): Promise<Reply>;
  /** The workbook file's bytes. */
  bytes(): Buffer;
  /** Stops this server and starts a new one over the same workbook file, as after a restart of the local runtime. */
  restart(): Promise<TestSheet>;
  stop(): Promise<void>;
}

export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  /** Apps Script service calls the request made (the runtime's count). */
  calls: number;
  /** Read-after-write flushes the request caused. */
  flushes: number;
}

async function exchange(url: string, init: RequestInit): Promise<Reply> {
  const first = await fetch(url, { ...init, redirect: 'manual' });
  const calls = Number(first.headers.get('x-annotera-service-calls') ?? NaN);
  const flushes = Number(first.headers.get('x-annotera-flushes') ?? NaN);
  if (first.status !== 302) return { status: first.status, json: await first.text(), calls, flushes };
  const second = await fetch(first.headers.get('location')!);
  return { status: second.status, json: await second.json(), calls, flushes };
}

export async function startTestSheet(options: { locale?: string; dir?: string } = {}): Promise<TestSheet> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'annotera-sheet-'));
  const workbookPath = join(dir, 'annotera.xlsx');
  const sheet = await startLocalSheet({ port: 0, workbookPath, token: TOKEN, locale: options.locale, codePath: CODE_PATH });
  const exec = `${sheet.url}/exec`;
  const post = (body: string) => exchange(exec, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=utf-8' } });
  const send = (ops: unknown[]) => post(JSON.stringify({ v: 1, token: TOKEN, ops }));
  return {
    ...sheet,
    dir,
    post,
    send,
    get: (parameters) => exchange(`${exec}?${new URLSearchParams(parameters)}`, {}),
    upsert: (...passages) => send(passages.map((passage) => ({ op: 'upsert', passage }))),
    bytes: () => readFileSync(workbookPath),
    async restart() {
      await sheet.close();
      return startTestSheet({ ...options, dir });
    },
    async stop() {
      await sheet.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A tab's values as the add-on sees them (through the runtime's SpreadsheetApp). */
export function tabValues(sheet: LocalSheet, name: string): unknown[][] {
  const tab = sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!tab) throw new Error(`no tab ${name}`);
  return tab.getDataRange().getValues();
}
