// LockService, PropertiesService, ContentService, HtmlService, Utilities and ScriptApp for the local runtime.
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * The script lock, as a lock file beside the workbook so that every process serving it shares one lock;
 * a lock left by a process that has died is taken over.
 */
export class FileLock {
  private held = false;
  constructor(private path: string) {}

  private tryOnce(): boolean {
    try {
      const fd = openSync(this.path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch {
      const owner = Number(readFileOr(this.path, ''));
      if (owner && owner !== process.pid && !alive(owner)) rmSync(this.path, { force: true });
      return false;
    }
  }

  tryLock(timeoutMs: number): boolean {
    if (this.held) return true;
    const deadline = Date.now() + Math.max(0, Number(timeoutMs) || 0);
    for (;;) {
      if (this.tryOnce()) return (this.held = true);
      if (Date.now() >= deadline) return false;
      sleep(Math.min(25, Math.max(1, deadline - Date.now())));
    }
  }

  waitLock(timeoutMs: number): void {
    if (!this.tryLock(timeoutMs)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }

  hasLock(): boolean {
    return this.held;
  }

  releaseLock(): void {
    if (!this.held) return;
    rmSync(this.path, { force: true });
    this.held = false;
  }
}

function readFileOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

export type PropertyStore = Record<string, string>;

/** A Properties object over a plain record; `changed` is called after every write. */
export class Properties {
  constructor(private store: PropertyStore, private changed: () => void) {}
  getProperty(key: string): string | null {
    return Object.hasOwn(this.store, key) ? this.store[key] : null;
  }
  getProperties(): PropertyStore {
    return { ...this.store };
  }
  setProperty(key: string, value: string) {
    this.store[String(key)] = String(value);
    this.changed();
    return this;
  }
  deleteProperty(key: string) {
    delete this.store[key];
    this.changed();
    return this;
  }
}

const MIME = { JSON: 'application/json', TEXT: 'text/plain', JAVASCRIPT: 'application/javascript', CSV: 'text/csv' };

class TextOutput {
  private mime = MIME.TEXT;
  constructor(private content: string) {}
  setMimeType(mime: string) {
    this.mime = mime;
    return this;
  }
  getMimeType() {
    return this.mime;
  }
  getContent() {
    return this.content;
  }
}

export const ContentService = {
  MimeType: MIME,
  createTextOutput: (content = '') => new TextOutput(String(content)),
};

class HtmlOutput {
  private title = '';
  constructor(private content: string) {}
  setTitle(title: string) { this.title = title; return this; }
  getTitle() { return this.title; }
  setWidth() { return this; }
  setHeight() { return this; }
  getContent() { return this.content; }
}

/** A JavaScript literal safe inside a <script> element, as HtmlService's contextual escaping prints into scripts. */
const scriptLiteral = (value: unknown) => JSON.stringify(value ?? null).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');

class HtmlTemplate {
  [name: string]: unknown;
  constructor(private source: string) {}
  evaluate() {
    const html = this.source.replace(/<\?=\s*([A-Za-z_$][\w$]*)\s*\?>/g, (_m, name: string) => scriptLiteral(this[name]));
    return new HtmlOutput(html);
  }
}

export function createHtmlService(readFile: (name: string) => string) {
  return {
    createHtmlOutputFromFile: (name: string) => new HtmlOutput(readFile(name)),
    createTemplateFromFile: (name: string) => new HtmlTemplate(readFile(name)),
    createHtmlOutput: (html = '') => new HtmlOutput(String(html)),
  };
}

export const Utilities = {
  getUuid: () => randomUUID(),
  sleep: (ms: number) => sleep(ms),
};

export function createScriptApp(url: () => string) {
  return { getService: () => ({ getUrl: url }) };
}
