// The codebook: the three kinds of passage and the default Swedish theme list (with keywords) a new sheet starts with.
// Its validators are in codebook-schema.ts, so the content script can use the codebook without them.
import type { Kind } from './kinds';

export interface Label {
  sv: string;
  en: string;
}

export interface Theme {
  id: string;
  label: Label;
  color: string;
  /** Words that suggest this theme for a passage containing them (Kodbok's Sökord); optional on the wire. */
  keywords?: string[];
}

export interface Codebook {
  kinds: Array<{ id: Kind; label: Label; color: string }>;
  themes: Theme[];
}

export const DEFAULT_KINDS: Codebook['kinds'] = [
  { id: 'theme', label: { sv: 'Tema', en: 'Theme' }, color: '#f6d365' },
  { id: 'plan', label: { sv: 'Plan för handling', en: 'Plan for action' }, color: '#8fd3a8' },
  { id: 'national', label: { sv: 'Nationell nivå', en: 'National level' }, color: '#9cc3f5' },
];

const theme = (id: string, sv: string, en: string, color: string, keywords: string[]): Theme => ({ id, label: { sv, en }, color, keywords });

export const DEFAULT_THEMES: Theme[] = [
  theme('samverkan-skola', 'Samverkan skola–socialtjänst', 'School–social services cooperation', '#1f77b4', ['skola', 'skolan', 'elevhälsa', 'rektor', 'lärare']),
  theme('samverkan-psykiatri', 'Samverkan med psykiatri/BUP', 'Cooperation with psychiatry/CAMHS', '#aec7e8', ['psykiatri', 'BUP', 'landsting', 'region']),
  theme('personalforsorjning', 'Personalförsörjning och rekrytering', 'Staffing and recruitment', '#ff7f0e', ['rekryter', 'personal', 'vakan', 'tjänster', 'personalomsättning', 'handläggare']),
  theme('ensamkommande', 'Ensamkommande barn och unga', 'Unaccompanied minors', '#ffbb78', ['ensamkommande', 'Migrationsverket', 'asyl', 'nyanlända']),
  theme('tillsyn-ivo', 'Tillsyn och IVO', 'Inspection and IVO', '#2ca02c', ['IVO', 'tillsyn', 'inspektion']),
  theme('digitalisering', 'Digitalisering och teknik', 'Digitalisation and technology', '#98df8a', ['digital', 'dator', 'teknik', 'IT-', 'e-tjänst']),
  theme('administration', 'Administration och effektivisering', 'Administration and efficiency', '#d62728', ['administration', 'dokumentation', 'effektivis', 'återrapport', 'byråkrati']),
  theme('forebyggande', 'Förebyggande arbete och tidiga insatser', 'Prevention and early intervention', '#ff9896', ['förebygg', 'tidiga insatser', 'tidigt', 'öppenvård']),
  theme('placerade-barns-skolgang', 'Placerade barns skolgång', 'Schooling of children in care', '#9467bd', ['placerade barns skolgång', 'skolgång', 'skolresultat']),
  theme('socionomutbildning', 'Socionomutbildning', 'Social work education', '#c5b0d5', ['socionom', 'utbildning', 'högskola', 'universitet']),
  theme('styrning-budget', 'Styrning och budget', 'Governance and budget', '#8c564b', ['budget', 'styrning', 'nämnd', 'politik', 'kostnad']),
  theme('statsbidrag', 'Statsbidrag och ersättningar', 'Government grants and compensation', '#c49c94', ['statsbidrag', 'stadsbidrag', 'bidrag', 'ersättning', 'medel']),
  theme('sis-placeringar', 'SIS-placeringar', 'SIS placements', '#e377c2', ['SiS', 'särskilda ungdomshem', 'institution']),
  theme('socialjour', 'Socialjour', 'Out-of-hours social services', '#f7b6d2', ['socialjour', 'jour']),
  theme('socialtjanstens-bild', 'Socialtjänstens bild', 'Public image of social services', '#7f7f7f', ['förtroende', 'media', 'bild av socialtjänsten', 'rykte']),
  theme('uppfoljning-effekt', 'Uppföljning och effektstudier', 'Follow-up and impact studies', '#c7c7c7', ['uppföljning', 'följa upp', 'effekt', 'utvärder']),
  theme('bostadsbrist', 'Bostadsbrist', 'Housing shortage', '#bcbd22', ['bostad', 'boende', 'lägenhet']),
  theme('tolkar', 'Tolkar', 'Interpreters', '#dbdb8d', ['tolk']),
];

export const DEFAULT_CODEBOOK: Codebook = { kinds: DEFAULT_KINDS, themes: DEFAULT_THEMES };

/** A label in the user's language: Swedish unless the language says otherwise. */
export function labelFor(label: Label, language: string): string {
  return language.toLowerCase().startsWith('sv') || !label.en ? label.sv : label.en;
}
