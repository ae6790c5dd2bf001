// The cross-municipality matrix: counts, ids, totals, order, tombstones and unknown themes.
import { expect, test } from 'vitest';
import { buildMatrix } from '../../shared/matrix';

const p = (id: string, municipality: string, themes: string[], deleted = false) => ({ id, municipality, themes, deleted });

test('counts and ids per municipality and theme, codebook order, rows by county then code', () => {
  const matrix = buildMatrix(
    [
      p('a', '1496', ['socialjour']),
      p('b', '0182', ['digitalisering', 'socialjour']),
      p('c', '0182', ['digitalisering']),
      p('d', '0482', []),
      p('e', '0182', ['digitalisering'], true),
    ],
    ['digitalisering', 'tolkar', 'socialjour'],
  );
  expect(matrix.columns).toEqual(['digitalisering', 'tolkar', 'socialjour']);
  expect(matrix.rows.map((row) => row.municipality.shortName)).toEqual(['Nacka', 'Flen', 'Skövde']);
  expect(matrix.rows[0].counts).toEqual([2, 0, 1]);
  expect(matrix.rows[0].ids).toEqual([['b', 'c'], [], ['b']]);
  expect(matrix.rows[0].total).toBe(2);
  expect(matrix.rows[1].counts).toEqual([0, 0, 0]);
  expect(matrix.rows[1].total).toBe(1);
  expect(matrix.columnTotals).toEqual([2, 0, 2]);
  expect(matrix.total).toBe(4);
});

test('themes the codebook lacks get columns of their own at the end', () => {
  const matrix = buildMatrix([p('a', '0182', ['gammalt-tema', 'tolkar'])], ['tolkar']);
  expect(matrix.columns).toEqual(['tolkar', 'gammalt-tema']);
  expect(matrix.rows[0].counts).toEqual([1, 1]);
});

test('no live passages, no rows', () => {
  const matrix = buildMatrix([p('a', '0182', ['tolkar'], true)], ['tolkar']);
  expect(matrix.rows).toEqual([]);
  expect(matrix.columnTotals).toEqual([0]);
});
