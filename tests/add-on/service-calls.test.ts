// What a request costs on Google, as the local runtime counts it: calls and read-after-write flushes per POST stay the
// same whatever the batch (1–500) or the sheet (0–20,000 passages); a retry that changes nothing writes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, expect, test } from 'vitest';
import { batchOf, post, preparedRuntime } from '../helpers/add-on-runtime';

/**
 * The most a POST costs (measured; every derived tab rewritten): 43 calls, of which 21 spreadsheet reads (locale, 5 tabs,
 * Passager, Kodbok, the plan tab's kept cells, 4 sizes) and 7 writes (Passager, Matris values/notes/colours, plan,
 * national, flush), plus properties, lock and the answer. All reads come before the first write: one flush, at the end.
 * The review features add 13 (56 in all, 36 spreadsheet calls): the Inlägg and deleted-passages tabs (2 lookups, 2 reads),
 * the link setting (2), Passager's links (newRichTextValue, a range, setRichTextValues) and Inlägg's counts (a range, a write).
 */
const MAX_POST_CALLS = 56;
const MAX_POST_SPREADSHEET_CALLS = 36;
const MAX_FLUSHES = 2;
/** A rebuild from the menu of a sheet built before (clears and rewrites every derived tab, filters kept; Inlägg too: +9). */
const MAX_REBUILD_CALLS = 52;

const dir = mkdtempSync(`${tmpdir()}/annotera-calls-`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The menu rebuild, then POSTs of 3 and of 500 new passages of every kind, then a retry of the 500. */
async function costs(stored: number) {
  const { runtime, rebuild } = await preparedRuntime(dir, `calls-${stored}`, stored);
  // A post's first passage also appends its row to Inlägg (a few calls more, once per post): the measured batches go to known posts.
  post(runtime, batchOf(1, stored));
  const small = post(runtime, batchOf(3, stored + 1));
  const batch = batchOf(500, stored + 4);
  const large = post(runtime, batch);
  const retry = post(runtime, batch);
  return { rebuild, small, large, retry };
}

test('POSTs of 3 or 500 passages into 0 or 20,000 make the same bounded calls, at most 2 flushes; a retry writes nothing', async () => {
  const empty = await costs(0);
  const full = await costs(20_000);
  for (const { rebuild, small, large, retry } of [empty, full]) {
    expect(rebuild.calls).toBeLessThanOrEqual(MAX_REBUILD_CALLS);
    expect(rebuild.flushes).toBe(1);
    for (const result of [small, large]) {
      expect(result.calls).toBeLessThanOrEqual(MAX_POST_CALLS);
      expect(result.reads + result.writes).toBeLessThanOrEqual(MAX_POST_SPREADSHEET_CALLS);
      expect(result.flushes).toBeLessThanOrEqual(MAX_FLUSHES);
    }
    expect(large.log).toEqual(small.log);
    expect(retry.writes).toBe(1); // SpreadsheetApp.flush() before the lock is released, with nothing to apply
    expect(retry.log.filter((call) => /^(Range|Sheet|Filter)\.(set|insert|clear|create|remove|hide|show)/.test(call))).toEqual([]);
    expect(retry.flushes).toBe(0);
  }
  expect(full.small.log).toEqual(empty.small.log);
}, 300_000);

test('with a filter on, a POST hides Matris rows again and leaves the other filters alone, in at most 2 flushes', async () => {
  const { runtime } = await preparedRuntime(dir, 'filtered', 300);
  runtime.invoke('applyFilter', { by: 'municipality', code: '0114' });
  const result = post(runtime, batchOf(3, 300));
  expect(result.flushes).toBeLessThanOrEqual(MAX_FLUSHES);
  expect(result.log.filter((call) => /^(Filter\.remove|Range\.createFilter)$/.test(call))).toEqual([]);
  expect(result.log).toContain('Sheet.hideRows');
  const matrix = runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Matris')!;
  const names = matrix.getDataRange().getValues().map((row) => row[1]);
  const shown = names.filter((_, i) => !matrix.isRowHiddenByUser(i + 1));
  expect(shown).toEqual(['Kommun', 'Upplands Väsby', '']);
}, 120_000);
