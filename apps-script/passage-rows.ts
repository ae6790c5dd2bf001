// Passage ⇄ row of the Passager tab (column order of SheetWords.passageHeaders; the id last, out of the way).
import { DEFAULT_KINDS } from '../shared/codebook';
import type { Kind, Passage } from '../shared/passage';
import { municipalityByCode } from '../shared/municipalities';
import { asText, cellBoolean, cellInteger, cellText } from './cell-text';

export type Cell = string | number | boolean | Date;
export const PASSAGE_COLUMNS = 19;
export const ID_COLUMN = 18;
export const KIND_COLUMN = 3;
export const THEMES_COLUMN = 4;
/** Technical columns the team need not see: before, after, start, end, id (`first` is Före's 0-based index, as above). */
export const HIDDEN_COLUMNS = { first: 14, count: 5 } as const;

const kindLabel = (kind: Kind, swedish: boolean) => {
  const label = DEFAULT_KINDS.find((k) => k.id === kind)!.label;
  return swedish ? label.sv : label.en;
};

const kindByText = new Map<string, Kind>();
for (const k of DEFAULT_KINDS) for (const text of [k.id, k.label.sv, k.label.en]) kindByText.set(text.toLowerCase(), k.id);

export function kindFromCell(value: unknown): Kind {
  return kindByText.get(cellText(value).trim().toLowerCase()) ?? 'theme';
}

const themesCell = (themes: readonly string[]) => themes.join(', ');
const themesFromCell = (value: unknown) =>
  cellText(value).split(',').map((id) => id.trim()).filter(Boolean);

export function passageToRow(p: Passage, swedish: boolean): Cell[] {
  const municipality = municipalityByCode(p.municipality);
  return [
    asText(p.municipality),
    asText(municipality?.shortName ?? ''),
    asText(municipality?.county.name ?? ''),
    asText(kindLabel(p.kind, swedish)),
    asText(themesCell(p.themes)),
    asText(p.quote),
    asText(p.note),
    asText(p.url),
    asText(p.pageTitle),
    asText(p.author),
    asText(p.createdAt),
    asText(p.updatedAt),
    p.rev,
    p.deleted,
    asText(p.prefix),
    asText(p.suffix),
    p.start,
    p.end,
    asText(p.id),
  ];
}

/** A stored passage from its row; a tombstone made by a delete of an unknown id has empty fields. */
export function rowToPassage(row: readonly unknown[]): Passage {
  const code = cellText(row[0]).trim();
  return {
    id: cellText(row[ID_COLUMN]),
    // A code typed by hand may have become a number (182 for 0182).
    municipality: code && /^\d{1,4}$/.test(code) ? code.padStart(4, '0') : code,
    kind: kindFromCell(row[KIND_COLUMN]),
    themes: themesFromCell(row[THEMES_COLUMN]),
    quote: cellText(row[5]),
    note: cellText(row[6]),
    url: cellText(row[7]),
    pageTitle: cellText(row[8]),
    author: cellText(row[9]),
    createdAt: cellText(row[10]),
    updatedAt: cellText(row[11]),
    rev: cellInteger(row[12]) || 0,
    deleted: cellBoolean(row[13]),
    prefix: cellText(row[14]),
    suffix: cellText(row[15]),
    start: cellInteger(row[16]) || 0,
    end: cellInteger(row[17]) || 0,
  };
}
