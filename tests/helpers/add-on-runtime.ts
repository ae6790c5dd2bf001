// Runs the built add-on on the local runtime without HTTP: a workbook prepared with N passages, batches posted straight to doPost.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalRuntime, type Invocation } from '../../apps-script/local-runtime/runtime';
import { passageToRow } from '../../apps-script/passage-rows';
import { TOKEN_PROPERTY } from '../../apps-script/tabs';
import { makePassage } from './passages';
import { CODE_PATH } from './local-sheet';
import { MUNICIPALITIES } from '../../shared/municipalities';
import { DEFAULT_THEMES } from '../../shared/codebook';
import { KINDS, type Passage } from '../../shared/passage';

const TOKEN = 'runtime-token';

/** Passage i of a varied corpus: 60 municipalities, all three kinds, one or two themes. */
export function varied(i: number) {
  return makePassage({
    municipality: MUNICIPALITIES[i % 60].code,
    kind: KINDS[i % 3],
    themes: [DEFAULT_THEMES[i % 18].id, DEFAULT_THEMES[(i * 7) % 18].id].filter((id, j, all) => all.indexOf(id) === j),
  });
}

/**
 * A runtime over a new workbook whose Passager already holds `stored` passages (written straight into the sheet, with
 * room to grow as the add-on leaves it) and whose derived tabs were rebuilt from the menu; returns the second rebuild's count.
 */
export async function preparedRuntime(dir: string, name: string, stored: number) {
  const runtime = await LocalRuntime.open({ codePath: CODE_PATH, workbookPath: join(dir, `${name}.xlsx`) });
  runtime.invoke('onOpen');
  runtime.setDocumentProperty(TOKEN_PROPERTY, TOKEN);
  if (stored) {
    const sheet = runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Passager')!;
    sheet.insertRowsAfter(sheet.getMaxRows(), stored + 1000 - sheet.getMaxRows());
    const rows = Array.from({ length: stored }, (_, i) => passageToRow(varied(i), true, (id) => id));
    sheet.getRange(2, 1, stored, rows[0].length).setValues(rows);
  }
  runtime.invoke('menuRebuild');
  // Measured: a rebuild from the menu of a sheet the add-on has already built once (the first one also makes the filters).
  const started = performance.now();
  const rebuild = runtime.invoke('menuRebuild');
  return { runtime, rebuild: { ...rebuild, ms: performance.now() - started } };
}

/** `count` new varied passages from index `offset` (all three kinds, so every derived tab changes). */
export const batchOf = (count: number, offset: number) => Array.from({ length: count }, (_, i) => varied(offset + i));

/** doPost of upserts of these passages, answered ok. */
export function post(runtime: LocalRuntime, passages: readonly Passage[]): Invocation<unknown> & { ms: number } {
  const ops = passages.map((passage) => ({ op: 'upsert', passage }));
  const contents = JSON.stringify({ v: 1, token: TOKEN, ops });
  const started = performance.now();
  const invocation = runtime.invoke<{ getContent(): string }>('doPost', { postData: { contents, length: contents.length } });
  const ms = performance.now() - started;
  const answer = JSON.parse(invocation.result.getContent()) as { ok: boolean; error?: unknown };
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return { ...invocation, ms };
}
