// Writing user text into cells so Sheets keeps it as text (never a formula, number or date), and reading it back.
import type { Cell } from './passage-rows';

/**
 * A string for setValues that Sheets stores as exactly this text. setValues parses strings as if typed
 * ("=…" becomes a formula, "+1" or "007" a number, "2015-10-26" a date); a leading apostrophe (quote prefix)
 * makes Sheets keep the rest as plain text and is not part of the value that getValues returns.
 */
export function asText(value: string): string {
  return value === '' ? '' : `'${value}`;
}

/** A cell value read back as text (numbers and booleans as they print, dates as ISO, empty as ""). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** A cell value read back as a whole number, or NaN. */
export function cellInteger(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(cellText(value).trim());
  return Number.isInteger(number) ? number : Number.NaN;
}

export function cellBoolean(value: unknown): boolean {
  return value === true || /^(?:true|sant|ja|yes|1)$/i.test(cellText(value).trim());
}

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

/**
 * A hand-kept cell as setValues must write it back to keep exactly what the team typed, type and all: its formula
 * when it has one, text as text (so '=…', '+46 …', '007', '2016-05-01' and 'TRUE' typed as text stay text),
 * numbers, dates and booleans as they are.
 */
export function keptCell(value: unknown, formula = ''): Cell {
  if (formula) return formula;
  if (typeof value === 'string') return asText(value);
  if (typeof value === 'number' || typeof value === 'boolean' || isDate(value)) return value;
  return '';
}

/** What getValues gives back for a cell written with setValues from `cell` when it is text (quote-prefixed) or a plain value. */
export const readBack = (cell: Cell): Cell => (typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell);
