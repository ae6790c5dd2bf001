// Runs the add-on bundle (dist/apps-script/Code.js) over one shared workbook: each execution in its own vm context, counting service calls.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { countCalls } from './call-counter';
import { chunksInclude } from './chunk-search';
import { ExecutionHost, type ExecutionState } from './execution-host';
import { LockTable } from './lock-service';
import { isServiceObject } from './remote-values';
import { SheetsApi } from './sheets-api';
import { createSpreadsheetApp } from './spreadsheet-service';
import { ContentService, createHtmlService, createScriptApp, Properties, Utilities, type AuthMode } from './script-services';
import { loadWorkbook, saveWorkbook, type SideState } from './workbook-file';
import type { WorkbookModel } from './workbook-model';
import { TOKEN_PROPERTY } from '../tabs';

export interface RuntimeOptions {
  /** The bundle clasp pushes. */
  codePath: string;
  workbookPath: string;
  /** The spreadsheet's locale for a new workbook, e.g. sv_SE or en_US. */
  locale?: string;
  /** The web app's address, as ScriptApp.getService().getUrl() gives it once deployed. */
  url?: string;
  /** False: the script has no web-app deployment, so getUrl() gives the /dev address (see FIDELITY.md). */
  deployed?: boolean;
  /** Executions running longer are stopped (Google: 6 minutes). */
  executionLimitMs?: number;
}

export interface Shown {
  kind: string;
  title: string;
  html: string;
}

export interface Invocation<T> {
  result: T;
  /** Apps Script service calls the execution made. */
  calls: number;
  /** Read-after-write flushes of the spreadsheet it caused, and its spreadsheet reads and writes (see call-counter.ts). */
  flushes: number;
  reads: number;
  writes: number;
  /** Which calls, as Service.method, in order. */
  log: string[];
}

export interface ExecutionOptions {
  /** The authorization mode the execution runs in (simple triggers: NONE or LIMITED); FULL when not given. */
  authMode?: AuthMode;
}

/** Wraps a service object so that every method call counts, and so do calls on the objects it returns. */
function counted<T extends object>(target: T, count: (name: string) => void, service: string): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      // A collection reached through a property (Sheets.Spreadsheets) is counted by its own class name.
      if (typeof value !== 'function') return isServiceObject(value) ? counted(value, count, value.constructor?.name ?? 'Object') : value;
      return (...args: unknown[]) => {
        count(`${service}.${String(key)}`);
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
        return isServiceObject(result) ? counted(result, count, result.constructor?.name ?? 'Object') : result;
      };
    },
  });
}

/** The time zone the manifest gives the script (and so the spreadsheet's date-times here). */
function manifestTimeZone(codePath: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(dirname(codePath), 'appsscript.json'), 'utf8')) as { timeZone?: string };
    return manifest.timeZone ?? 'Etc/UTC';
  } catch {
    return 'Etc/UTC';
  }
}

/** `Sheets.Spreadsheets.get/batchUpdate`, as the enabled advanced service names them. */
class Spreadsheets {
  constructor(private api: SheetsApi | null) {}
  private use(call: string): SheetsApi {
    if (!this.api) denied(call)();
    return this.api!;
  }
  get(spreadsheetId: string, options?: Parameters<SheetsApi['get']>[1]) { return this.use('Sheets.Spreadsheets.get').get(spreadsheetId, options); }
  batchUpdate(resource: Parameters<SheetsApi['batchUpdate']>[0], spreadsheetId: string) { return this.use('Sheets.Spreadsheets.batchUpdate').batchUpdate(resource, spreadsheetId); }
}

class SheetsService {
  readonly Spreadsheets: Spreadsheets;
  constructor(api: SheetsApi | null) {
    this.Spreadsheets = new Spreadsheets(api);
  }
}

const denied = (call: string) => () => {
  throw new Error(`You do not have permission to call ${call}. Authorization is required to perform that action.`);
};

export class LocalRuntime {
  readonly shown: Shown[] = [];
  readonly spreadsheetApp: ReturnType<typeof createSpreadsheetApp>;
  /** The Sheets advanced service (Sheets API v4) over the same workbook. */
  readonly sheetsApi: SheetsApi;
  readonly locks = new LockTable();
  private host: ExecutionHost;
  private nextExecution = 1;
  private running = 0;
  private savedVersion: number;
  private propertiesVersion = 0;
  private savedPropertiesVersion = 0;
  private saving: Promise<void> | null = null;
  private inlineContext: vm.Context | null = null;
  private inlineDate: DateConstructor | null = null;

  private constructor(readonly options: RuntimeOptions, readonly book: WorkbookModel, private side: SideState) {
    this.spreadsheetApp = createSpreadsheetApp(book, {
      // Dates handed to the add-on must be of its own realm (a worker execution converts them on its side).
      // The inline context's own Date constructor is looked up once: a script run per date cell made reading dates slow.
      makeDate: (time: number) => (this.inlineContext ? new (this.inlineDate ??= vm.runInContext('Date', this.inlineContext) as DateConstructor)(time) : new Date(time)),
      shown: (kind: string, html: string, title: string) => this.shown.push({ kind, html, title }),
      url: () => options.url ?? '',
    });
    this.sheetsApi = new SheetsApi(book, () => this.spreadsheetApp.getActiveSpreadsheet().getId(), () => (side.developerMetadata ??= {}), manifestTimeZone(options.codePath));
    this.host = new ExecutionHost(options.codePath, (execution) => this.services(execution, true), (execution) => this.end(execution), options.executionLimitMs);
    this.savedVersion = book.version;
  }

  static async open(options: RuntimeOptions): Promise<LocalRuntime> {
    const { book, side } = await loadWorkbook(options.workbookPath, options.locale ?? 'sv_SE');
    return new LocalRuntime(options, book, side);
  }

  /** The Apps Script services one execution sees; `worker`: it may wait for locks and sleep without blocking the others. */
  private services(execution: ExecutionState, worker: boolean): Record<string, object> {
    const none = execution.authMode === 'NONE';
    const distDir = dirname(this.options.codePath);
    const changed = () => (this.propertiesVersion += 1);
    const properties = (store: Record<string, string>) => new Properties(store, changed);
    const scriptApp = createScriptApp(() => this.webAppUrl());
    return {
      SpreadsheetApp: none
        ? { ...this.spreadsheetApp, getActiveSpreadsheet: denied('SpreadsheetApp.getActiveSpreadsheet'), getActive: denied('SpreadsheetApp.getActive') }
        : this.spreadsheetApp,
      LockService: {
        getScriptLock: () => this.locks.lockFor('script', execution.id, worker),
        getDocumentLock: () => this.locks.lockFor('document', execution.id, worker),
        getUserLock: () => this.locks.lockFor('user', execution.id, worker),
      },
      PropertiesService: none
        ? { getScriptProperties: denied('PropertiesService.getScriptProperties'), getDocumentProperties: denied('PropertiesService.getDocumentProperties'), getUserProperties: denied('PropertiesService.getUserProperties') }
        : {
            getScriptProperties: () => properties(this.side.scriptProperties),
            getDocumentProperties: () => properties(this.side.documentProperties),
            getUserProperties: () => properties((this.side.userProperties ??= {})),
          },
      ContentService,
      // An advanced service reaches the spreadsheet too: under AuthMode.NONE it is refused like SpreadsheetApp.
      Sheets: new SheetsService(none ? null : this.sheetsApi),
      HtmlService: createHtmlService((name) => readFileSync(join(distDir, `${name.replace(/\.html$/, '')}.html`), 'utf8')),
      Utilities: { ...Utilities, sleep: worker ? (ms: number) => new Promise<void>((done) => setTimeout(done, Math.max(0, Number(ms) || 0))) : Utilities.sleep },
      ScriptApp: scriptApp,
    };
  }

  /** ScriptApp.getService().getUrl(): the /exec address once deployed, else the /dev address (null when not served at all). */
  private webAppUrl(): string | null {
    const url = this.options.url;
    if (!url) return null;
    return this.options.deployed === false ? url.replace(/\/exec$/, '/dev') : url;
  }

  private begin(authMode: AuthMode = 'FULL'): ExecutionState {
    this.running += 1;
    return { id: this.nextExecution++, log: [], handles: new Map(), authMode };
  }

  private end(execution: ExecutionState) {
    this.locks.forget(execution.id);
    execution.handles.clear();
    this.running -= 1;
  }

  /**
   * Runs a top-level function of the bundle (doPost, applyFilter, …) as its own execution in a worker thread,
   * overlapping with any other: only LockService serialises executions, as on Google.
   */
  async execute<T = unknown>(name: string, args: unknown[] = [], options: ExecutionOptions = {}): Promise<Invocation<T>> {
    const execution = this.begin(options.authMode);
    const { result } = await this.host.run(execution, name, args);
    return { result: result as T, log: execution.log, ...countCalls(execution.log) };
  }

  /** Runs a simple trigger (onOpen, onInstall) as Google does: its own execution, in the given mode, with its event. */
  trigger(name: string, authMode: AuthMode): Promise<Invocation<unknown>> {
    return this.execute(name, [{ authMode, source: {}, triggerUid: '' }], { authMode });
  }

  /**
   * Runs a top-level function of the bundle on this thread, at once and to its end (for tests and scripts that drive
   * the sheet step by step). It cannot wait for a lock another execution holds: use execute() while requests run.
   */
  invoke<T = unknown>(name: string, ...args: unknown[]): Invocation<T> {
    if (this.running > 0) throw new Error('invoke() runs on the main thread and cannot overlap running executions; use execute().');
    const fn: unknown = vm.runInContext(`typeof ${/^[A-Za-z_$][\w$]*$/.test(name) ? name : 'undefined'} === 'function' ? ${name} : undefined`, this.context());
    if (typeof fn !== 'function') throw new Error(`The add-on has no function ${name}.`);
    const execution = this.begin();
    // Calls made on what the function returned, after it returned (the caller reading a TextOutput), are not the script's.
    let running = true;
    try {
      const globals = this.services(execution, false);
      for (const [key, service] of Object.entries(globals)) {
        this.inlineContext![key] = counted(service, (call) => void (running && execution.log.push(call)), key);
      }
      const result = (fn as (...a: unknown[]) => T)(...args);
      return { result, log: [...execution.log], ...countCalls(execution.log) };
    } finally {
      running = false;
      this.end(execution);
    }
  }

  private context(): vm.Context {
    if (!this.inlineContext) {
      this.inlineContext = vm.createContext({ console, Logger: { log: (...args: unknown[]) => console.log(...args) } });
      vm.runInContext(readFileSync(this.options.codePath, 'utf8'), this.inlineContext, { filename: 'Code.js' });
    }
    return this.inlineContext;
  }

  /** The bundle's top-level functions: what Apps Script can run (entry points, menu handlers, google.script.run targets). */
  get functions(): ReadonlySet<string> {
    // The globals the runtime gives the bundle (console, Logger, the services) are objects, never functions.
    const context = this.context();
    return new Set(Object.keys(context).filter((name) => typeof context[name] === 'function'));
  }

  /** Executions running now. */
  get executions(): number {
    return this.running;
  }

  /**
   * False when `body` (UTF-8, in the chunks it arrived in) cannot carry the team token: it holds none of the tokens the
   * properties hold as JSON writes them, quoted, and no backslash (without one, every JSON string in it is written
   * literally, so a token anywhere in it would be found). The server refuses such a large body before it starts an
   * execution, so a flood of wrong tokens costs two byte searches each. True when no token is set yet (the add-on decides).
   */
  mayHoldTeamToken(body: readonly Buffer[]): boolean {
    const tokens = [this.side.scriptProperties[TOKEN_PROPERTY], this.side.documentProperties[TOKEN_PROPERTY]].filter(Boolean);
    // A token with U+FFFD might be read from malformed bytes that never spell it: only the add-on can tell.
    if (tokens.length === 0 || tokens.some((token) => token.includes('\uFFFD'))) return true;
    return chunksInclude(body, 0x5c) || tokens.some((token) => chunksInclude(body, JSON.stringify(token)));
  }

  /** Executions started since the runtime opened. */
  get executionsStarted(): number {
    return this.nextExecution - 1;
  }

  get scriptProperties(): Record<string, string> {
    return this.side.scriptProperties;
  }

  /** Sets a script property as a user would in the Apps Script editor (Project settings → Script properties). */
  setScriptProperty(key: string, value: string): void {
    this.side.scriptProperties[key] = value;
    this.propertiesVersion += 1;
  }

  get documentProperties(): Record<string, string> {
    return this.side.documentProperties;
  }

  /** Sets a document property of the spreadsheet (where the add-on keeps its team token). */
  setDocumentProperty(key: string, value: string): void {
    this.side.documentProperties[key] = value;
    this.propertiesVersion += 1;
  }

  get dirty(): boolean {
    return this.book.version !== this.savedVersion || this.propertiesVersion !== this.savedPropertiesVersion;
  }

  /** Writes the workbook (atomically) when anything changed since it was last written; true when it wrote. One write at a time. */
  async persist(): Promise<boolean> {
    while (this.saving) await this.saving.catch(() => undefined);
    if (!this.dirty) return false;
    const version = this.book.version;
    const propertiesVersion = this.propertiesVersion;
    this.saving = saveWorkbook(this.book, this.side, this.options.workbookPath).then(() => {
      this.savedVersion = version;
      this.savedPropertiesVersion = propertiesVersion;
    });
    try {
      await this.saving;
    } finally {
      this.saving = null;
    }
    return true;
  }

  /** Stops the execution workers. */
  close(): Promise<void> {
    return this.host.close();
  }
}
