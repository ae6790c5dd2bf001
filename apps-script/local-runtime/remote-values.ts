// Values crossing between an execution's worker and the main thread: service objects travel as handles, the rest is cloned.

import { isRichTextBuilder, isRichTextValue, richTextValue, richTextValueBuilder } from './rich-text';

export const HANDLE = '\u0000annoteraHandle';

/** A service object on the main thread as its execution's worker knows it. */
export interface HandleRef {
  [HANDLE]: number;
  name: string;
  methods: string[];
}

/** Rich text crosses as data: a value as its text and link, a builder as a marker the worker builds on by itself. */
export const RICH_TEXT = '\u0000annoteraRichText';
export const RICH_TEXT_BUILDER = '\u0000annoteraRichTextBuilder';

/** Replaces rich-text values and builders by their data (both directions), or undefined for anything else. */
export function richTextData(value: object): unknown {
  if (isRichTextBuilder(value)) return { [RICH_TEXT_BUILDER]: true };
  if (isRichTextValue(value)) return { [RICH_TEXT]: true, text: value.getText(), link: value.getLinkUrl() };
  return undefined;
}

/** The other side's rich-text data as a value or builder of this side, or undefined for anything else. */
export function richTextFromData(value: object): unknown {
  const data = value as Record<string, unknown>;
  if (data[RICH_TEXT_BUILDER] === true) return richTextValueBuilder();
  if (data[RICH_TEXT] === true) return richTextValue(String(data.text), typeof data.link === 'string' ? data.link : null);
  return undefined;
}

export const isHandleRef = (value: unknown): value is HandleRef =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[HANDLE] === 'number';

export const isDateValue = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

const isPlain = (value: object) => {
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
};

/** A service object: anything but arrays, dates and plain data objects. */
export const isServiceObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isDateValue(value) && !isPlain(value);

/** Every method name an object answers, own and inherited (not Object's). */
export function methodNames(object: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = object; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const key of Object.getOwnPropertyNames(o)) {
      if (key !== 'constructor' && typeof (object as Record<string, unknown>)[key] === 'function') names.add(key);
    }
  }
  return [...names];
}

/** Copies a value, replacing what `replace` recognises (returns undefined for the rest); arrays and plain objects are walked. */
export function mapValue(value: unknown, replace: (value: object) => unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const replaced = replace(value);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) return value.map((item) => mapValue(item, replace));
  if (isDateValue(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = mapValue(item, replace);
  return copy;
}

/** An error as it crosses to the other side. */
export interface ErrorData {
  name: string;
  message: string;
  stack?: string;
}

export const errorData = (error: unknown): ErrorData =>
  error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? { name: String((error as Error).name ?? 'Error'), message: String((error as Error).message), stack: (error as Error).stack }
    : { name: 'Error', message: String(error) };

/** Messages from a worker to the main thread. */
export type WorkerMessage =
  | { type: 'call'; execution: number; handle: number; method: string; args: unknown[] }
  | { type: 'get'; execution: number; handle: number; key: string }
  | { type: 'set'; execution: number; handle: number; key: string; value: unknown }
  | { type: 'done'; execution: number; result: unknown }
  | { type: 'failed'; execution: number; error: ErrorData };

/** The main thread's answer to a call, get or set. */
export type Reply = { ok: true; value: unknown } | { ok: false; error: ErrorData };

/** What the main thread asks a worker to run. */
export interface RunMessage {
  type: 'run';
  execution: number;
  name: string;
  args: unknown[];
  globals: Record<string, HandleRef>;
}
