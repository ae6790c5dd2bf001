// What text a passage may hold so that the sheet gives back exactly what it acknowledged: characters, line breaks, times.

/**
 * Which characters are refused, per class, and why (the sheet and its .xlsx form cannot keep them as sent):
 * - NUL and the other C0 controls except tab and line feed, DEL and the C1 controls (U+0080–U+009F):
 *   XML 1.0 forbids most of them, Sheets drops them;
 * - carriage return: Sheets keeps line breaks as line feeds only; clients send LF (see `keepableText`);
 * - noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane): U+FFFE/U+FFFF make an .xlsx unreadable;
 * - lone surrogates (half of a UTF-16 pair): not a character at all, they become U+FFFD on the way.
 * Tab and line feed are kept; every other character (emoji, zero-width characters inside text, RTL marks) is kept.
 */
export interface UnkeptCharacter {
  index: number;
  codePoint: number;
  message: string;
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
const LONE_SURROGATE = 'no lone surrogate';

/** Each character of a string with where it starts: a surrogate pair as one code point, a lone surrogate as itself. */
function* codePoints(text: string): Generator<{ index: number; code: number; length: number }> {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const low = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      yield { index: i, code: 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00), length: 2 };
      i += 1;
    } else yield { index: i, code, length: 1 };
  }
}

function unkeptClass(code: number): string | null {
  if (code === 0x0d) return 'no carriage return (send line breaks as line feeds)';
  if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) return 'no control character';
  if (code >= 0xd800 && code <= 0xdfff) return LONE_SURROGATE;
  if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return 'no Unicode noncharacter';
  return null;
}

/** The first character of `text` the sheet would not keep as sent, or null. Linear in the text's length. */
export function unkeptCharacter(text: string): UnkeptCharacter | null {
  for (const { index, code } of codePoints(text)) {
    const problem = unkeptClass(code);
    if (problem) return { index, codePoint: code, message: `${problem}: ${hex(code)} at character ${index + 1}` };
  }
  return null;
}

/**
 * Text taken from a page or typed by the user, made keepable before it becomes a passage: line breaks as line feeds
 * (CRLF and lone CR become LF), controls and noncharacters dropped (they show nothing), a lone surrogate shown as
 * U+FFFD as browsers show it. Everything else is left exactly as it is.
 */
export function keepableText(text: string): string {
  const lineFeeds = text.replace(/\r\n?/g, '\n');
  if (unkeptCharacter(lineFeeds) === null) return lineFeeds;
  let out = '';
  for (const { index, code, length } of codePoints(lineFeeds)) {
    const problem = unkeptClass(code);
    if (!problem) out += lineFeeds.slice(index, index + length);
    else if (problem === LONE_SURROGATE) out += '\ufffd';
  }
  return out;
}

/** White space and format characters (zero-width space, joiners, BOM, soft hyphen, bidi marks): they show nothing. */
const BLANK = /[\s\p{Cf}\p{Z}]/u;
/** Other code points that show nothing, as [first, last]: grapheme joiner, fillers, variation selectors, blank braille. */
const BLANK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x034f, 0x034f], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f], [0x2800, 0x2800], [0x3164, 0x3164],
  [0xfe00, 0xfe0f], [0xffa0, 0xffa0], [0xe0100, 0xe01ef],
];

const shows = (character: string) => {
  const code = character.codePointAt(0)!;
  return !BLANK.test(character) && !BLANK_RANGES.some(([first, last]) => code >= first && code <= last);
};

/** True when the text has at least one character a reader can see. */
export const hasVisibleCharacter = (text: string) => Array.from(text).some(shows);

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(?:Z|[+-](\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** An ISO 8601 time (2026-01-31T12:00:00Z, optional milliseconds, Z or ±hh:mm) that names a real moment: no 30 February, no 24:00, no 60th second. */
export function isRealTime(value: string): boolean {
  const match = ISO_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = match.slice(1).map((part) => Number(part ?? 0));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
    && hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 23 && offsetMinutes <= 59;
}
