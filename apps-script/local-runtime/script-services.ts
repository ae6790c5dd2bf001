// PropertiesService, ContentService, HtmlService, Utilities and ScriptApp for the local runtime (LockService: lock-service.ts).
import { randomUUID } from 'node:crypto';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

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

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** ScriptApp.AuthMode: the runtime's enum values are their names, so `e.authMode === ScriptApp.AuthMode.NONE` holds as on Google. */
const AUTH_MODES: Record<AuthMode, AuthMode> = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' };

class Service {
  constructor(private url: () => string | null) {}
  getUrl() {
    return this.url();
  }
  isEnabled() {
    return this.url() !== null;
  }
}

export function createScriptApp(url: () => string | null) {
  return { AuthMode: AUTH_MODES, getService: () => new Service(url) };
}
