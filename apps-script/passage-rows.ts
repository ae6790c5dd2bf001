// Passage ⇄ row of the Passager tab (column order of SheetWords.passageHeaders; machine columns last and hidden).
import { DEFAULT_KINDS } from '../shared/codebook';
import type { Kind, Passage } from '../shared/passage';
import { municipalityByCode } from '../shared/municipalities';
import { asText, cellBoolean, cellInteger, cellText } from './cell-text';

export type Cell = string | number | boolean | Date;
export const PASSAGE_COLUMNS = 20;
export const ID_COLUMN = 18;
export const KIND_COLUMN = 3;
/** Theme labels, for people. */
export const THEMES_COLUMN = 4;
/** The post's address: the cell's text, linked to the passage in the post. */
export const LINK_COLUMN = 7;
export const AUTHOR_COLUMN = 9;
/** Theme ids, for the machine (a sheet from before this column has ids in THEMES_COLUMN). */
export const THEME_IDS_COLUMN = 19;
/** 0-based columns the team need not see: deleted, before, after, start, end, id, theme ids. */
export const HIDDEN_COLUMNS = { first: 13, count: 7 } as const;

export const kindLabel = (kind: Kind, swedish: boolean) => {
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

/** An ISO time as a real date-time cell (shown in the spreadsheet's time zone); text that is no time stays text. */
function timeCell(iso: string): Cell {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? asText(iso) : new Date(time);
}

export function passageToRow(p: Passage, swedish: boolean, themeLabel: (id: string) => string): Cell[] {
  const municipality = municipalityByCode(p.municipality);
  return [
    asText(p.municipality),
    asText(municipality?.shortName ?? ''),
    asText(municipality?.county.name ?? ''),
    asText(kindLabel(p.kind, swedish)),
    asText(p.themes.map(themeLabel).join(', ')),
    asText(p.quote),
    asText(p.note),
    asText(p.url),
    asText(p.pageTitle),
    asText(p.author),
    timeCell(p.createdAt),
    timeCell(p.updatedAt),
    p.rev,
    p.deleted,
    asText(p.prefix),
    asText(p.suffix),
    p.start,
    p.end,
    asText(p.id),
    asText(themesCell(p.themes)),
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
    themes: themesFromCell(cellText(row[THEME_IDS_COLUMN]).trim() ? row[THEME_IDS_COLUMN] : row[THEMES_COLUMN]),
    quote: cellText(row[5]),
    note: cellText(row[6]),
    url: cellText(row[LINK_COLUMN]),
    pageTitle: cellText(row[8]),
    author: cellText(row[AUTHOR_COLUMN]),
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
