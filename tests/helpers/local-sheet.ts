// Starts the local runtime on the built add-on bundle with a fresh workbook, and speaks the wire format to it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startLocalSheet, type LocalSheet } from '../../apps-script/local-runtime/start';
import { sidePath } from '../../apps-script/local-runtime/workbook-file';
import type { Codebook } from '../../shared/codebook';
import type { Passage } from '../../shared/passage';
import type { OpResult } from '../../shared/protocol';
import type { FieldError } from '../../shared/validation';

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
  /** The side file's bytes (properties, sizes, filters, developer metadata). */
  sideBytes(): Buffer;
  /** Stops this server and starts a new one over the same workbook file, as after a restart of the local runtime. */
  restart(): Promise<TestSheet>;
  stop(): Promise<void>;
}

/**
 * A web-app answer as the tests read it: each field is there when the answer is of its kind (results for a batch,
 * passages, codebook or version for a GET, error for a refusal); the tests check `ok` or `error.code` first.
 */
export interface Answer {
  ok: boolean;
  results: OpResult[];
  passages: Passage[];
  codebook: Codebook;
  version: string;
  sheetUrl?: string;
  error: { code: string; message: string; details: FieldError[] };
}

export interface Reply {
  status: number;
  /** The answer; a response that is not JSON (the runtime's own pages) is kept as its text. */
  json: Answer;
  /** Apps Script service calls the request made (the runtime's count). */
  calls: number;
  /** Read-after-write flushes the request caused. */
  flushes: number;
}

async function exchange(url: string, init: RequestInit): Promise<Reply> {
  const first = await fetch(url, { ...init, redirect: 'manual' });
  const calls = Number(first.headers.get('x-annotera-service-calls') ?? NaN);
  const flushes = Number(first.headers.get('x-annotera-flushes') ?? NaN);
  if (first.status !== 302) {
    // The runtime's own answers (storage failures, crashes) are JSON too; anything else stays text.
    const text = await first.text();
    let json: Answer;
    try {
      json = JSON.parse(text) as Answer;
    } catch {
      json = text as unknown as Answer;
    }
    return { status: first.status, json, calls, flushes };
  }
  const second = await fetch(first.headers.get('location')!);
  return { status: second.status, json: (await second.json()) as Answer, calls, flushes };
}

export interface TestSheetOptions {
  locale?: string;
  /** Where the workbook goes (a fresh temporary folder when not given). */
  dir?: string;
  /** Test-only top-level functions appended to the built bundle (the add-on itself stays as built). */
  extraCode?: string;
  deployed?: boolean;
  executionLimitMs?: number;
}

/** The built bundle with test functions appended, in `dir` beside copies of its HTML files. */
function bundleWith(dir: string, extraCode: string): string {
  const bundleDir = join(dir, 'bundle');
  cpSync(dirname(CODE_PATH), bundleDir, { recursive: true });
  const path = join(bundleDir, 'Code.js');
  writeFileSync(path, `${readFileSync(CODE_PATH, 'utf8')}\n${extraCode}\n`);
  return path;
}

export async function startTestSheet(options: TestSheetOptions = {}): Promise<TestSheet> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'annotera-sheet-'));
  const workbookPath = join(dir, 'annotera.xlsx');
  const codePath = options.extraCode ? bundleWith(dir, options.extraCode) : CODE_PATH;
  const sheet = await startLocalSheet({ port: 0, workbookPath, token: TOKEN, locale: options.locale, codePath, deployed: options.deployed, executionLimitMs: options.executionLimitMs });
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
    sideBytes: () => readFileSync(sidePath(workbookPath)),
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

/** Test-only bundle code: an execution that takes the script lock and keeps it for `ms` (a long write, as another user's). */
export const HOLD_LOCK = `function holdScriptLock(ms) {
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  Utilities.sleep(ms);
  lock.releaseLock();
}`;
