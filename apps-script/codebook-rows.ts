// The Kodbok tab ⇄ the codebook: rows of id, Swedish label, English label, colour and keywords (Sökord, comma-separated);
// rows that do not fit are skipped.
import * as v from 'valibot';
import { DEFAULT_CODEBOOK, DEFAULT_KINDS, type Codebook, type Theme } from '../shared/codebook';
import { ThemeSchema } from '../shared/codebook-schema';
import { asText, cellText } from './cell-text';
import type { Cell } from './passage-rows';

const FALLBACK_COLOR = '#999999';

export function codebookToRows(codebook: Codebook = DEFAULT_CODEBOOK): Cell[][] {
  return codebook.themes.map((t) => [asText(t.id), asText(t.label.sv), asText(t.label.en), asText(t.color), asText((t.keywords ?? []).join(', '))]);
}

/** The codebook the team keeps in the sheet (data rows, no header). The kinds are fixed by the protocol. */
export function codebookFromRows(rows: readonly (readonly unknown[])[]): Codebook {
  const themes: Theme[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const [id, sv, en, color, keywords = ''] = row.map((cell) => cellText(cell).trim());
    const words = keywords.split(/[,;\n]/).map((word) => word.trim()).filter((word) => word.length >= 2);
    const theme: Theme = { id, label: { sv: sv || id, en: en || sv || id }, color: color || FALLBACK_COLOR, ...(words.length ? { keywords: words } : {}) };
    if (!id || seen.has(id) || !v.is(ThemeSchema, theme)) continue;
    seen.add(id);
    themes.push(theme);
  }
  return { kinds: DEFAULT_KINDS, themes };
}
