// What the derived tabs were last built from and what they hold, kept with the spreadsheet so a request can tell they are stale.
import type { Passage } from '../shared/passage';
import { fingerprint } from './fingerprint';
import type { Size } from './sheet-access';

export type DerivedTab = 'matrix' | 'plan' | 'national';
export const DERIVED_TABS: readonly DerivedTab[] = ['matrix', 'plan', 'national'];

export interface DerivedState {
  /** Fingerprint of the passages (as Passager holds them), the codebook and the sheet's language the tabs were built from. */
  source: string;
  /** Per tab: fingerprint of the grid written (hand-kept cells left out) and its extent. */
  tabs: Partial<Record<DerivedTab, { grid: string } & Size>>;
}

const FIELDS = [
  'id', 'url', 'pageTitle', 'kind', 'themes', 'municipality', 'quote', 'prefix', 'suffix', 'start', 'end', 'note', 'author',
  'createdAt', 'updatedAt', 'rev', 'deleted',
] as const;

/** The fingerprint of everything the derived tabs are computed from (each passage's fields in one fixed order). */
export const sourceFingerprint = (passages: readonly Passage[], codebook: unknown, language: string) =>
  fingerprint([passages.map((p) => FIELDS.map((field) => p[field])), codebook, language]);

/** The stored state, or null when there is none or it cannot be read (then every tab counts as stale). */
export function parseDerivedState(text: string | null | undefined): DerivedState | null {
  try {
    const state = JSON.parse(text ?? 'null') as DerivedState | null;
    return state && typeof state.source === 'string' && typeof state.tabs === 'object' && state.tabs ? state : null;
  } catch {
    return null;
  }
}
