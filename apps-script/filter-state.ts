// The sheet's filter: any combination of municipality, county, theme, kind and author; which passages it lets through. Pure.
import { KINDS, LIMITS, type Kind, type Passage } from '../shared/passage';
import { COUNTIES, municipalityByCode } from '../shared/municipalities';

export interface FilterState {
  /** SCB municipality code. */
  municipality?: string;
  /** SCB county code. */
  county?: string;
  /** Codebook theme id. */
  theme?: string;
  kind?: Kind;
  author?: string;
}

export type FilterKey = keyof FilterState;
export const FILTER_KEYS: readonly FilterKey[] = ['municipality', 'county', 'theme', 'kind', 'author'];

const THEME_ID = /^[a-z0-9][a-z0-9-]*$/;

const validValue: Record<FilterKey, (value: string) => boolean> = {
  municipality: (code) => municipalityByCode(code) !== undefined,
  county: (code) => COUNTIES.some((c) => c.code === code),
  theme: (id) => id.length <= LIMITS.themeId && THEME_ID.test(id),
  kind: (kind) => (KINDS as readonly string[]).includes(kind),
  author: (name) => name.length > 0 && name.length <= LIMITS.author,
};

/**
 * A filter from what a sidebar (or an older version's saved state, `{by, code|id}`) sends: `{}` for none, null when
 * anything in it is unknown.
 */
export function parseFilter(input: unknown): FilterState | null {
  if (input === null || input === undefined) return {};
  if (typeof input !== 'object' || Array.isArray(input)) return null;
  const legacy = input as { by?: unknown; code?: unknown; id?: unknown };
  if (legacy.by === 'municipality') return parseFilter({ municipality: legacy.code });
  if (legacy.by === 'theme') return parseFilter({ theme: legacy.id });
  const state: FilterState = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null || value === '') continue;
    if (!FILTER_KEYS.includes(key as FilterKey) || typeof value !== 'string' || !validValue[key as FilterKey](value)) return null;
    (state as Record<string, string>)[key] = value;
  }
  return state;
}

export const isEmptyFilter = (state: FilterState) => FILTER_KEYS.every((key) => state[key] === undefined);

/** The value a passage has for one filter dimension (themes: several). */
export function valuesOf(p: Passage, key: FilterKey): string[] {
  switch (key) {
    case 'municipality': return [p.municipality];
    case 'county': return [municipalityByCode(p.municipality)?.county.code ?? ''];
    case 'theme': return p.themes;
    case 'kind': return [p.kind];
    case 'author': return [p.author];
  }
}

/** Does a live passage pass the filter (leaving out one dimension, for that dimension's counts)? */
export function passes(p: Passage, state: FilterState, except?: FilterKey): boolean {
  if (p.deleted) return false;
  return FILTER_KEYS.every((key) => {
    const chosen = state[key];
    return key === except || chosen === undefined || valuesOf(p, key).includes(chosen);
  });
}

/** What Matris counts: kind and author narrow the counts; municipality, county and theme hide rows and columns. */
export const countedInMatrix = (p: Passage, state: FilterState) =>
  !p.deleted && (!state.kind || p.kind === state.kind) && (!state.author || p.author === state.author);
