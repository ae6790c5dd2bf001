// What the web app acknowledges is what it gives back: every character class the validation lets through, read back
// through passages?url= and again after the local runtime restarts over its .xlsx file.
import { afterEach, describe, expect, test } from 'vitest';
import { makePassage } from '../helpers/passages';
import { startTestSheet, TOKEN, type TestSheet } from '../helpers/local-sheet';
import type { Passage } from '../../shared/passage';

let sheet: TestSheet;
afterEach(async () => {
  await sheet?.stop();
});

/** Text of each class that is kept, as [name, text]. */
const KEPT: Array<[string, string]> = [
  ['tab inside', 'a\tb'],
  ['tab first', '\tindraget'],
  ['line feeds', 'rad 1\nrad 2\n\nrad 4'],
  ['a line feed first', '\nefter'],
  ['spaces around', '  mellanslag  '],
  ['no-break and em spaces', 'a\u00a0b\u2003c'],
  ['zero-width characters inside text', 'a\u200bb\u200cc\u200dd\u2060e'],
  ['byte-order mark inside text', 'a\ufeffb'],
  ['soft hyphen', 'social\u00adtjänst'],
  ['bidi marks', 'שלום\u200f abc\u200e'],
  ['line and paragraph separators', 'a\u2028b\u2029c'],
  ['emoji and skin tones (surrogate pairs)', 'bra 😀 👍🏽 👩‍👩‍👧'],
  ['astral private use', '\u{efffd}\u{10fffd}'],
  ['U+FFFD and U+FFFC', '\ufffd\ufffc'],
  ['markup and entities', '<b>fet</b> &amp; &lt; ]]> "citat" \'apostrof\''],
  ['an apostrophe first', "'citerad"],
  ['formula-like', '=SUM(A1:A2)'],
  ['number-like', '007'],
  ['date-like', '2016-05-01'],
  ['boolean-like', 'TRUE'],
  ['Swedish letters', 'Åtgärder för ensamkommande – “citat” … §'],
  ['combining marks', 'e\u0301 a\u030a'],
];

/** Text whose .xlsx form is an escape sequence: kept only when the workbook file escapes it (the runtime's job). */
const XLSX_ESCAPES: Array<[string, string]> = [
  ['the literal text _x0041_', '_x0041_'],
  ['the literal text _x005F_', 'före _x005F_ efter'],
  ['a lower-case _x00e5_', '_x00e5_'],
];

const FIELDS = ['quote', 'note', 'pageTitle', 'author', 'prefix', 'suffix'] as const;

/** One passage per text, the text in a different field each time (and always in the note). */
const passagesFor = (texts: Array<[string, string]>) =>
  texts.map(([, text], i) => {
    const field = FIELDS[i % FIELDS.length];
    return makePassage({ note: text, [field]: field === 'quote' ? `${text} citat` : text });
  });

const statuses = (reply: { json: unknown }) => (reply.json as { results: Array<{ status: string }> }).results.map((r) => r.status);

async function readBack(passages: Passage[]): Promise<Passage[]> {
  const reply = await sheet.get({ action: 'passages', url: passages[0].url, token: TOKEN });
  const answer = reply.json as { ok: boolean; passages: Passage[] };
  expect(answer.ok).toBe(true);
  const byId = new Map(answer.passages.map((p) => [p.id, p]));
  return passages.map((p) => byId.get(p.id)!);
}

describe('what is acknowledged is what is read back', () => {
  test.each([['kept characters', KEPT], ['.xlsx escape sequences', XLSX_ESCAPES]] as const)('%s: through passages?url= and after a restart', async (_name, texts) => {
    sheet = await startTestSheet();
    const passages = passagesFor([...texts]);
    const reply = await sheet.upsert(...passages);
    expect(statuses(reply)).toEqual(passages.map(() => 'applied'));
    expect(await readBack(passages)).toEqual(passages);
    sheet = await sheet.restart();
    expect(await readBack(passages)).toEqual(passages);
    const again = await sheet.upsert(...passages);
    expect(statuses(again)).toEqual(passages.map(() => 'duplicate'));
  });
});
