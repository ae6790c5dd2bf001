// Passages → the cross-municipality matrix: municipality rows (grouped by county) × theme columns, with counts and passage ids.
import { municipalityByCode, type Municipality } from './municipalities';

export interface MatrixPassage {
  id: string;
  municipality: string;
  themes: readonly string[];
  deleted: boolean;
}

export interface MatrixRow {
  municipality: Municipality;
  /** counts[j] — live passages of this municipality with theme columns[j]. */
  counts: number[];
  /** ids[j] — those passages' ids. */
  ids: string[][];
  /** Live passages of this municipality (each once, whatever its themes). */
  total: number;
}

export interface Matrix {
  /** Codebook theme ids in codebook order, then any theme ids passages use that the codebook lacks. */
  columns: string[];
  rows: MatrixRow[];
  columnTotals: number[];
  total: number;
}

/** Builds the matrix in one pass over the passages (linear in their number); deleted passages are left out. */
export function buildMatrix(passages: Iterable<MatrixPassage>, themeOrder: readonly string[]): Matrix {
  const columns = [...themeOrder];
  const columnOf = new Map(columns.map((id, j) => [id, j]));
  const rowsByCode = new Map<string, { municipality: Municipality; cells: Map<number, string[]>; total: number }>();
  let total = 0;
  for (const passage of passages) {
    if (passage.deleted) continue;
    const municipality = municipalityByCode(passage.municipality);
    if (!municipality) continue;
    let row = rowsByCode.get(municipality.code);
    if (!row) rowsByCode.set(municipality.code, (row = { municipality, cells: new Map(), total: 0 }));
    row.total += 1;
    total += 1;
    for (const theme of new Set(passage.themes)) {
      let j = columnOf.get(theme);
      if (j === undefined) {
        j = columns.push(theme) - 1;
        columnOf.set(theme, j);
      }
      const cell = row.cells.get(j);
      if (cell) cell.push(passage.id);
      else row.cells.set(j, [passage.id]);
    }
  }
  const columnTotals = new Array<number>(columns.length).fill(0);
  const rows = [...rowsByCode.values()]
    .sort((a, b) => a.municipality.code.localeCompare(b.municipality.code))
    .map(({ municipality, cells, total: rowTotal }) => {
      const ids = columns.map((_, j) => cells.get(j) ?? []);
      ids.forEach((cell, j) => (columnTotals[j] += cell.length));
      return { municipality, ids, counts: ids.map((cell) => cell.length), total: rowTotal };
    });
  return { columns, rows, columnTotals, total };
}
