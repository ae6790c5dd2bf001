// What a request costs on Google, as the local runtime counts it: calls and read-after-write flushes per POST stay the
// same whatever the batch (1–500) or the sheet (0–20,000 passages); a retry that changes nothing writes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, expect, test } from 'vitest';
import { batchOf, post, preparedRuntime } from '../helpers/add-on-runtime';

/**
 * The most a POST costs, whatever it changes: the token (2: Document Properties, one property) before the lock; the lock
 * (getScriptLock, tryLock); the Document Properties once under it; the spreadsheet's id (2); one Sheets API read of every
 * tab it needs and one batchUpdate with every write; the release; the answer (2). No SpreadsheetApp write, so no flush.
 */
const MAX_POST_CALLS = 12;
/** A rebuild from the menu: the lock, the properties, the id, one read, one write, a flush of nothing, the release. */
const MAX_REBUILD_CALLS = 25;

const dir = mkdtempSync(`${tmpdir()}/annotera-calls-`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The kinds of Sheets API requests each batchUpdate of the runtime sends, in order. */
function recordRequests(runtime: Awaited<ReturnType<typeof preparedRuntime>>['runtime']): string[][] {
  const sent: string[][] = [];
  const api = runtime.sheetsApi;
  const batchUpdate = api.batchUpdate.bind(api);
  api.batchUpdate = (resource, id) => {
    sent.push((resource.requests ?? []).map((request) => Object.keys(request)[0]));
    return batchUpdate(resource, id);
  };
  return sent;
}

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

test('POSTs of 3 or 500 passages into 0 or 20,000 make the same 12 calls and no flush; a retry writes nothing', async () => {
  const empty = await costs(0);
  const full = await costs(20_000);
  for (const { rebuild, small, large, retry } of [empty, full]) {
    expect(rebuild.calls).toBeLessThanOrEqual(MAX_REBUILD_CALLS);
    expect(rebuild.flushes).toBe(0);
    for (const result of [small, large]) {
      expect(result.calls).toBeLessThanOrEqual(MAX_POST_CALLS);
      expect(result.flushes).toBe(0);
      expect(result.log.filter((call) => call.startsWith('Spreadsheets.'))).toEqual(['Spreadsheets.get', 'Spreadsheets.batchUpdate']);
    }
    expect(large.log).toEqual(small.log);
    expect(retry.log).not.toContain('Spreadsheets.batchUpdate');
    expect(retry.writes + retry.flushes).toBe(0);
  }
  expect(full.small.log).toEqual(empty.small.log);
}, 300_000);

test('with a filter on, a POST hides Matris rows again and leaves the other filters alone, in the same one write', async () => {
  const { runtime } = await preparedRuntime(dir, 'filtered', 300);
  runtime.invoke('applyFilter', { by: 'municipality', code: '0114' });
  const sent = recordRequests(runtime);
  const result = post(runtime, batchOf(3, 300));
  expect(result.flushes).toBe(0);
  expect(result.calls).toBeLessThanOrEqual(MAX_POST_CALLS);
  expect(sent).toHaveLength(1);
  expect(sent[0]).not.toContain('setBasicFilter');
  expect(sent[0]).not.toContain('clearBasicFilter');
  expect(sent[0]).toContain('updateDimensionProperties');
  const matrix = runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Matris')!;
  const names = matrix.getDataRange().getValues().map((row) => row[1]);
  const shown = names.filter((_, i) => !matrix.isRowHiddenByUser(i + 1));
  expect(shown).toEqual(['Kommun', 'Upplands Väsby', '']);
}, 120_000);
