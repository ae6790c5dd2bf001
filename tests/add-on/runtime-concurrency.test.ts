// Executions overlap on the local runtime as on Google: only LockService serialises them, so a missing lock shows.
import { afterEach, describe, expect, test } from 'vitest';
import { makePassage } from '../helpers/passages';
import { startTestSheet, tabValues, type TestSheet } from '../helpers/local-sheet';

/** An answer of the web app or of the runtime, as the tests read it. */
type Answer = { ok: boolean; error?: { code: string; message: string } };
const answerOf = (reply: { json: unknown }) => reply.json as Answer;

let sheet: TestSheet;
afterEach(async () => {
  await sheet?.stop();
});

/**
 * Test-only bundle code. `pingPong`: two executions take turns through a script property, so each can only finish if
 * the other runs between its service calls. `appendTags`: read-modify-write of one property, under the script lock.
 */
const TURNS = `function pingPong(me, other, rounds) {
  var properties = PropertiesService.getScriptProperties();
  for (var i = 0; i < rounds; i++) {
    while (properties.getProperty('turn') !== me + i) Utilities.sleep(1);
    properties.setProperty('turn', other + (me === 'a' ? i : i + 1));
  }
}
function appendTags(tag, count) {
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  var properties = PropertiesService.getScriptProperties();
  for (var i = 0; i < count; i++) properties.setProperty('tags', (properties.getProperty('tags') || '') + tag);
  lock.releaseLock();
}`;

describe('executions overlap', () => {
  test('two executions really interleave at service-call granularity', async () => {
    sheet = await startTestSheet({ extraCode: TURNS });
    sheet.runtime.setScriptProperty('turn', 'a0');
    await Promise.all([sheet.runtime.execute('pingPong', ['a', 'b', 50]), sheet.runtime.execute('pingPong', ['b', 'a', 50])]);
    expect(sheet.runtime.scriptProperties.turn).toBe('a50');
  });

  test('under the script lock executions run one after the other: no update is lost', async () => {
    sheet = await startTestSheet({ extraCode: TURNS });
    await Promise.all(['a', 'b', 'c'].map((tag) => sheet.runtime.execute('appendTags', [tag, 100])));
    expect(sheet.runtime.scriptProperties.tags).toMatch(/^(?:a{100}|b{100}|c{100}){3}$/);
    expect(new Set(sheet.runtime.scriptProperties.tags)).toEqual(new Set(['a', 'b', 'c']));
  });

  test('a filter chosen in the sidebar while batches arrive leaves every tab filtered right, and every batch is written', async () => {
    sheet = await startTestSheet();
    await sheet.upsert(makePassage({ municipality: '0482' }), makePassage({ municipality: '0182' }));
    const flen = { by: 'municipality', code: '0482' };
    const batches = Array.from({ length: 8 }, (_, i) =>
      Array.from({ length: 20 }, (_, j) => makePassage({ municipality: (i + j) % 2 ? '0482' : '0182', kind: j % 3 ? 'theme' : 'plan' })));
    // Two sidebars keep choosing the filter for as long as the batches are arriving.
    let arriving = true;
    const filterErrors: string[] = [];
    let filterRuns = 0;
    const sidebar = async () => {
      while (arriving) {
        await sheet.runtime.execute('applyFilter', [flen]).catch((error: Error) => filterErrors.push(error.message));
        filterRuns += 1;
      }
    };
    const sidebars = [sidebar(), sidebar()];
    const replies = await Promise.all(batches.map((batch) => sheet.upsert(...batch)));
    arriving = false;
    await Promise.all(sidebars);
    await sheet.runtime.execute('applyFilter', [flen]);
    expect(filterRuns).toBeGreaterThan(2);
    expect(filterErrors).toEqual([]);
    expect(replies.map((reply) => answerOf(reply).error?.message ?? 'ok')).toEqual(batches.map(() => 'ok'));

    const passager = tabValues(sheet, 'Passager');
    expect(passager).toHaveLength(1 + 2 + 8 * 20);
    const tab = sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Passager')!;
    const filter = tab.getFilter();
    expect(filter?.getRange().getLastRow()).toBeGreaterThanOrEqual(passager.length);
    const shown = passager.slice(1).filter((_, i) => !tab.isRowHiddenByFilter(i + 2)).map((row) => row[0]);
    expect(shown).toEqual(Array(1 + 80).fill('0482'));
    const plan = sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Plan för handling')!;
    const planRows = tabValues(sheet, 'Plan för handling').slice(1);
    expect(plan.getFilter()?.getRange().getLastRow()).toBeGreaterThanOrEqual(planRows.length + 1);
    expect(new Set(planRows.filter((_, i) => !plan.isRowHiddenByFilter(i + 2)).map((row) => row[0]))).toEqual(new Set(['Flen']));
  });
});
