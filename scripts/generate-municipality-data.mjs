// Regenerates shared/municipality-data.ts from the CC0 CSV files in shared/data/.
import { readFileSync, writeFileSync } from 'node:fs';

const csv = (file) => readFileSync(new URL(`../shared/data/${file}`, import.meta.url), 'utf8')
  .trim().split('\n').slice(1).map((line) => line.split(','));
const list = (rows) => rows.map((row) => `  ${JSON.stringify(row)},`).join('\n');

const counties = csv('counties.csv');
const municipalities = csv('municipalities.csv').map(([code, name, short]) => [code, name, short]);
writeFileSync(new URL('../shared/municipality-data.ts', import.meta.url), `// Sweden’s 290 municipalities and 21 counties with SCB codes, generated from shared/data/*.csv (CC0, see shared/data/README.md) by scripts/generate-municipality-data.mjs.

/** [county code, county name, short name] */
export const COUNTY_ROWS: ReadonlyArray<readonly [string, string, string]> = [
${list(counties)}
];

/** [municipality code, official name, short name] — the county is the code’s first two digits. */
export const MUNICIPALITY_ROWS: ReadonlyArray<readonly [string, string, string]> = [
${list(municipalities)}
];
`);
