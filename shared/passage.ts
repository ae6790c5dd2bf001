// The passage: one tagged piece of a post, its limits and its validator (used by the extension and the add-on alike).
import * as v from 'valibot';
import { validateWith, type Validated } from './validation';
import { municipalityByCode } from './municipalities';
import { isHttpUrl } from './url';
import { hasVisibleCharacter, isRealTime, unkeptCharacter } from './text-rules';

import { KINDS } from './kinds';

export { KINDS, type Kind } from './kinds';

export const LIMITS = {
  quote: 5_000,
  note: 2_000,
  themes: 20,
  url: 2_000,
  pageTitle: 500,
  context: 200,
  author: 200,
  themeId: 64,
  offset: 10_000_000,
  /** A post's text travels once, with its first passage; a spreadsheet cell holds at most 50,000 characters. */
  postText: 50_000,
} as const;

/** Canonical form only (lower case, as crypto.randomUUID makes them): an upper-case copy of an id is refused, not a second row. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const THEME_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Text the sheet keeps exactly as sent: at most `max` characters, none of the classes `unkeptCharacter` names. */
const text = (max: number) => v.pipe(
  v.string(),
  v.maxLength(max, `at most ${max} characters`),
  v.check((value) => unkeptCharacter(value) === null, (issue) => unkeptCharacter(issue.input)?.message ?? 'no character the sheet cannot keep'),
);
const isoTime = v.pipe(
  v.string(),
  v.check(isRealTime, 'a real ISO 8601 time such as 2026-01-31T12:00:00Z (no 24:00, no 30 February)'),
);
const offset = v.pipe(v.number(), v.integer('a whole number'), v.minValue(0), v.maxValue(LIMITS.offset));

export const PassageIdSchema = v.pipe(v.string(), v.regex(UUID, 'a UUID in lower case'));
/** An absolute http(s) address, with no space before or after it. */
export const UrlSchema = v.pipe(
  text(LIMITS.url),
  v.check((value) => value === value.trim(), 'no space before or after the address'),
  v.check(isHttpUrl, 'an absolute http or https URL'),
);
export const RevSchema = v.pipe(v.number(), v.integer('a whole number'), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));

export const PassageSchema = v.pipe(
  v.strictObject({
    id: PassageIdSchema,
    url: UrlSchema,
    pageTitle: text(LIMITS.pageTitle),
    kind: v.picklist(KINDS, `one of ${KINDS.join(', ')}`),
    themes: v.pipe(
      // The count first: a list far too long is refused without looking at each of its items.
      v.array(v.unknown()),
      v.maxLength(LIMITS.themes, `at most ${LIMITS.themes} themes`),
      v.array(v.pipe(text(LIMITS.themeId), v.regex(THEME_ID, 'a codebook id (a-z, 0-9, -)'))),
      v.check((ids) => new Set(ids).size === ids.length, 'each theme once'),
    ),
    municipality: v.pipe(
      v.string(),
      v.check((code) => municipalityByCode(code) !== undefined, 'an SCB code of a Swedish municipality'),
    ),
    quote: v.pipe(text(LIMITS.quote), v.check(hasVisibleCharacter, 'not empty, and not only invisible characters')),
    prefix: text(LIMITS.context),
    suffix: text(LIMITS.context),
    start: offset,
    end: offset,
    note: text(LIMITS.note),
    author: text(LIMITS.author),
    createdAt: isoTime,
    updatedAt: isoTime,
    rev: RevSchema,
    deleted: v.boolean(),
  }),
  v.forward(
    v.check((p) => p.end > p.start, 'end must be after start'),
    ['end'],
  ),
);

export type Passage = v.InferOutput<typeof PassageSchema>;

export function validatePassage(input: unknown): Validated<Passage> {
  return validateWith(PassageSchema, input);
}
