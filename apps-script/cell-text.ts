// Writing user text into cells so Sheets keeps it as text (never a formula, number or date), and reading it back.

/**
 * A string for setValues that Sheets stores as exactly this text. setValues parses strings as if typed
 * ("=…" becomes a formula, "+1" or "007" a number, "2015-10-26" a date); a leading apostrophe (quote prefix)
 * makes Sheets keep the rest as plain text and is not part of the value that getValues returns.
 */
export function asText(value: string): string {
  return value === '' ? '' : `'${value}`;
}

/** A value read from a cell, to be written back as it was: dates, numbers and booleans as they are, text as text. */
export function asCell(value: unknown): string | number | boolean | Date {
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  return asText(cellText(value));
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
