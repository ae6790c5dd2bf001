// Validators of the codebook on the wire and in the Kodbok tab (keywords optional, so older clients and sheets still fit).
import * as v from 'valibot';
import { KINDS } from './kinds';

const LabelSchema = v.object({ sv: v.pipe(v.string(), v.maxLength(200)), en: v.pipe(v.string(), v.maxLength(200)) });
const COLOR = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #1f77b4'));

export const ThemeSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a codebook id (a-z, 0-9, -)')),
  label: LabelSchema,
  color: COLOR,
  keywords: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(2), v.maxLength(100))), v.maxLength(50))),
});

export const CodebookSchema = v.object({
  kinds: v.array(v.object({ id: v.picklist(KINDS), label: LabelSchema, color: COLOR })),
  themes: v.pipe(v.array(ThemeSchema), v.maxLength(500)),
});
