// Runs the add-on bundle (dist/apps-script/Code.js) in node:vm with the Apps Script services it uses, counting service calls.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { countCalls } from './call-counter';
import { createSpreadsheetApp, isDate } from './spreadsheet-service';
import { ContentService, createHtmlService, createScriptApp, FileLock, Properties, Utilities } from './script-services';
import { loadWorkbook, saveWorkbook, type SideState } from './workbook-file';
import type { WorkbookModel } from './workbook-model';

export interface RuntimeOptions {
  /** The bundle clasp pushes. */
  codePath: string;
  workbookPath: string;
  /** The spreadsheet's locale for a new workbook, e.g. sv_SE or en_US. */
  locale?: string;
  /** The web app's address, as ScriptApp.getService().getUrl() gives it. */
  url?: string;
}

export interface Shown {
  kind: string;
  title: string;
  html: string;
}

export interface Invocation<T> {
  result: T;
  /** Apps Script service calls the invocation made. */
  calls: number;
  /** Read-after-write flushes of the spreadsheet it caused, and its spreadsheet reads and writes (see call-counter.ts). */
  flushes: number;
  reads: number;
  writes: number;
  /** Which calls, as Service.method, in order. */
  log: string[];
}

/** Wraps a service object so that every method call counts, and so do calls on the objects it returns. */
function counted<T extends object>(target: T, count: (name: string) => void, service: string): T {
  return new Proxy(target, {
    get(object, key) {
      const value = Reflect.get(object, key, object);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        count(`${service}.${String(key)}`);
        const result = value.apply(object, args);
        const isService = typeof result === 'object' && result !== null && !Array.isArray(result) && !isDate(result)
          && Object.getPrototypeOf(result) !== Object.prototype;
        return isService ? counted(result, count, result.constructor?.name ?? 'Object') : result;
      };
    },
  });
}

export class LocalRuntime {
  readonly shown: Shown[] = [];
  /** The bundle's top-level functions: what Apps Script can run (entry points, menu handlers, google.script.run targets). */
  readonly functions: ReadonlySet<string>;
  private context: vm.Context;
  private log: string[] = [];
  private savedVersion: number;
  private propertiesChanged = false;
  readonly spreadsheetApp: ReturnType<typeof createSpreadsheetApp>;

  private constructor(readonly options: RuntimeOptions, readonly book: WorkbookModel, private side: SideState) {
    const count = (name: string) => this.log.push(name);
    const changed = () => (this.propertiesChanged = true);
    const distDir = dirname(options.codePath);
    let contextDate: DateConstructor | undefined;
    const hooks = {
      // The context's own Date constructor, looked up once: a script run per date cell made reading dates slow.
      makeDate: (time: number) => new (contextDate ??= vm.runInContext('Date', this.context) as DateConstructor)(Number(time)),
      shown: (kind: string, html: string, title: string) => this.shown.push({ kind, html, title }),
      get url() {
        return options.url ?? '';
      },
    };
    this.spreadsheetApp = createSpreadsheetApp(book, hooks);
    const lock = new FileLock(`${options.workbookPath}.lock`);
    const services = {
      SpreadsheetApp: this.spreadsheetApp,
      LockService: { getScriptLock: () => lock, getDocumentLock: () => lock },
      PropertiesService: {
        getScriptProperties: () => new Properties(side.scriptProperties, changed),
        getDocumentProperties: () => new Properties(side.documentProperties, changed),
      },
      ContentService,
      HtmlService: createHtmlService((name) => readFileSync(join(distDir, `${name.replace(/\.html$/, '')}.html`), 'utf8')),
      Utilities,
      ScriptApp: createScriptApp(() => options.url ?? ''),
    };
    const globals: Record<string, unknown> = { console, Logger: { log: (...args: unknown[]) => console.log(...args) } };
    for (const [name, service] of Object.entries(services)) globals[name] = counted(service, count, name);
    this.context = vm.createContext(globals);
    vm.runInContext(readFileSync(options.codePath, 'utf8'), this.context, { filename: 'Code.js' });
    const given = new Set(Object.keys(services).concat('console', 'Logger'));
    this.functions = new Set(Object.keys(this.context).filter((name) => typeof this.context[name] === 'function' && !given.has(name)));
    this.savedVersion = book.version;
  }

  static async open(options: RuntimeOptions): Promise<LocalRuntime> {
    const { book, side } = await loadWorkbook(options.workbookPath, options.locale ?? 'sv_SE');
    return new LocalRuntime(options, book, side);
  }

  /** Calls a top-level function of the bundle (doPost, onOpen, applyFilter, …) and counts its service calls. */
  invoke<T = unknown>(name: string, ...args: unknown[]): Invocation<T> {
    const fn = vm.runInContext(`typeof ${name} === 'function' ? ${name} : undefined`, this.context);
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || typeof fn !== 'function') throw new Error(`The add-on has no function ${name}.`);
    this.log = [];
    const result = fn(...args) as T;
    return { result, log: this.log, ...countCalls(this.log) };
  }

  get scriptProperties(): Record<string, string> {
    return this.side.scriptProperties;
  }

  /** Sets a script property as a user would in the Apps Script editor (Project settings → Script properties). */
  setScriptProperty(key: string, value: string): void {
    this.side.scriptProperties[key] = value;
    this.propertiesChanged = true;
  }

  get documentProperties(): Record<string, string> {
    return this.side.documentProperties;
  }

  /** Sets a document property of the spreadsheet (where the add-on keeps its team token). */
  setDocumentProperty(key: string, value: string): void {
    this.side.documentProperties[key] = value;
    this.propertiesChanged = true;
  }

  get dirty(): boolean {
    return this.book.version !== this.savedVersion || this.propertiesChanged;
  }

  /** Writes the workbook (atomically) when anything changed since it was last written; true when it wrote. */
  async persist(): Promise<boolean> {
    if (!this.dirty) return false;
    const version = this.book.version;
    await saveWorkbook(this.book, this.side, this.options.workbookPath);
    this.savedVersion = version;
    this.propertiesChanged = false;
    return true;
  }
}
