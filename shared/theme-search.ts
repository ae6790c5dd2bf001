// Finding codebook themes: by what the user types (Swedish and English labels and ids, accents ignored) and by keywords in a passage.
import type { Codebook, Theme } from './codebook';

/** Lower case without accents ("Förebyggande" → "forebyggande"), for matching as a reader expects. */
export const folded = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();

/** The themes whose id or Swedish or English label contains every word of the query; labels that start with it first. */
export function searchThemes(codebook: Codebook, query: string): Theme[] {
  const words = folded(query).split(/\s+/u).filter(Boolean);
  if (!words.length) return codebook.themes;
  const haystack = (theme: Theme) => folded(`${theme.label.sv} ${theme.label.en} ${theme.id}`);
  const matches = codebook.themes.filter((theme) => words.every((word) => haystack(theme).includes(word)));
  const starts = (theme: Theme) => [theme.label.sv, theme.label.en, theme.id].some((text) => folded(text).startsWith(words[0]));
  return [...matches.filter(starts), ...matches.filter((theme) => !starts(theme))];
}

/** The ids of the themes whose keywords occur in a passage's text (at a word start, accents and case ignored). */
export function suggestThemes(codebook: Codebook, text: string): string[] {
  const body = ` ${folded(text).replace(/[^\p{L}\p{N}-]+/gu, ' ')}`;
  return codebook.themes
    .filter((theme) => (theme.keywords ?? []).some((keyword) => body.includes(` ${folded(keyword).replace(/[^\p{L}\p{N}-]+/gu, ' ').trim()}`)))
    .map((theme) => theme.id);
}
