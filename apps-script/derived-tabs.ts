// Builds the derived tabs (Matris, Plan för handling, Nationell nivå) from the passages in memory, as grids ready to write.
import { labelFor, type Codebook } from '../shared/codebook';
import { buildMatrix } from '../shared/matrix';
import { municipalityByCode } from '../shared/municipalities';
import type { Kind, Passage } from '../shared/passage';
import { asText } from './cell-text';
import type { SheetWords } from './sheet-locale';
import { nationalBodies } from './national-bodies';
import type { Cell } from './passage-rows';

export interface Grid {
  values: Cell[][];
  notes?: string[][];
  backgrounds?: string[][];
}

const HEAT_FROM = [255, 255, 255];
const HEAT_TO = [230, 97, 1];
const NOTE_QUOTES = 15;
const NOTE_QUOTE_LENGTH = 160;

function heat(count: number, max: number): string {
  if (count === 0 || max === 0) return '#ffffff';
  const t = 0.15 + 0.85 * (count / max);
  const channel = (i: number) => Math.round(HEAT_FROM[i] + (HEAT_TO[i] - HEAT_FROM[i]) * t).toString(16).padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

const pad = (row: Cell[], width: number): Cell[] => [...row, ...new Array<Cell>(Math.max(0, width - row.length)).fill('')];

/** Theme id → label in the sheet's language; ids the codebook lacks stand for themselves. */
export function themeLabeller(codebook: Codebook, language: string): (id: string) => string {
  const labels = new Map(codebook.themes.map((t) => [t.id, labelFor(t.label, language)]));
  return (id) => labels.get(id) ?? id;
}

function quoteNote(ids: readonly string[], byId: ReadonlyMap<string, Passage>, more: (n: number) => string): string {
  const lines = ids.slice(0, NOTE_QUOTES).map((id) => {
    const quote = byId.get(id)?.quote ?? '';
    return `• ${quote.length > NOTE_QUOTE_LENGTH ? `${quote.slice(0, NOTE_QUOTE_LENGTH)}…` : quote}`;
  });
  if (ids.length > NOTE_QUOTES) lines.push(more(ids.length - NOTE_QUOTES));
  return lines.join('\n');
}

/** Municipalities (grouped by county) × themes (codebook order): counts, totals, a heat-map and each cell's quotes as its note. */
export function matrixGrid(passages: readonly Passage[], codebook: Codebook, words: SheetWords, language: string): Grid {
  const matrix = buildMatrix(passages, codebook.themes.map((t) => t.id));
  const label = themeLabeller(codebook, language);
  const width = matrix.columns.length + 3;
  const header = pad([words.matrix.county, words.matrix.municipality, ...matrix.columns.map((id) => asText(label(id))), words.matrix.total], width);
  if (!matrix.rows.length) {
    return { values: [header, pad([words.matrix.noPassages], width)] };
  }
  const byId = new Map(passages.map((p) => [p.id, p]));
  // A loop, not Math.max(...counts): 290 municipalities × thousands of themes is more arguments than the stack holds.
  let max = 0;
  for (const row of matrix.rows) for (const count of row.counts) if (count > max) max = count;
  const more = (n: number) => words.matrix.more.replace('{n}', String(n));
  const values: Cell[][] = [header];
  const notes: string[][] = [new Array<string>(width).fill('')];
  const backgrounds: string[][] = [new Array<string>(width).fill('#eeeeee')];
  let county = '';
  for (const row of matrix.rows) {
    const countyName = row.municipality.county.name === county ? '' : row.municipality.county.name;
    county = row.municipality.county.name;
    values.push([countyName, row.municipality.shortName, ...row.counts, row.total]);
    notes.push(['', '', ...row.ids.map((ids) => quoteNote(ids, byId, more)), '']);
    backgrounds.push(['#ffffff', '#ffffff', ...row.counts.map((count) => heat(count, max)), '#f5f5f5']);
  }
  values.push([words.matrix.columnTotal, '', ...matrix.columnTotals, matrix.total]);
  notes.push(new Array<string>(width).fill(''));
  backgrounds.push(new Array<string>(width).fill('#eeeeee'));
  return { values, notes, backgrounds };
}

const live = (passages: readonly Passage[], kind: Kind) =>
  passages
    .filter((p) => !p.deleted && p.kind === kind && municipalityByCode(p.municipality))
    .sort((a, b) => a.municipality.localeCompare(b.municipality) || a.createdAt.localeCompare(b.createdAt));

const place = (p: Passage) => {
  const m = municipalityByCode(p.municipality)!;
  return [m.shortName, m.county.name];
};

/** Hand-kept columns of the plan tab, by passage id. */
export type KeptFields = ReadonlyMap<string, readonly [Cell, Cell]>;

/** One row per plan item; Status and Uppföljning come from what the team typed, kept by passage id. */
export function planGrid(passages: readonly Passage[], codebook: Codebook, words: SheetWords, language: string, kept: KeptFields): Grid {
  const label = themeLabeller(codebook, language);
  const rows = live(passages, 'plan').map((p): Cell[] => {
    const [status, followUp] = kept.get(p.id) ?? [words.statuses[0], ''];
    return [...place(p), asText(p.quote), asText(p.themes.map(label).join(', ')), status, followUp, asText(p.url), asText(p.id)];
  });
  return { values: [words.planHeaders, ...rows] };
}

/** One row per national request, with the national bodies its text names. */
export function nationalGrid(passages: readonly Passage[], codebook: Codebook, words: SheetWords, language: string): Grid {
  const label = themeLabeller(codebook, language);
  const rows = live(passages, 'national').map((p): Cell[] => [
    ...place(p), asText(p.quote), nationalBodies(p.quote).join(', '), asText(p.themes.map(label).join(', ')), asText(p.url), asText(p.id),
  ]);
  return { values: [words.nationalHeaders, ...rows] };
}
