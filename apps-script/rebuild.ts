// Keeps the derived tabs in step with Passager: every read first (codebook, stored state, hand-kept cells, sizes), then the
// writes of the tabs that changed (values, notes, colours), then the state they were built from — all in one Sheets batch.
import type { Passage } from '../shared/passage';
import type { Codebook } from '../shared/codebook';
import { keptCell, cellText } from './cell-text';
import { codebookFromRows } from './codebook-rows';
import { DERIVED_TABS, parseDerivedState, sourceFingerprint, type DerivedState, type DerivedTab } from './derived-state';
import { matrixGrid, nationalGrid, planGrid, type Grid, type KeptFields } from './derived-tabs';
import { countedInMatrix, isEmptyFilter, type FilterState } from './filter-state';
import { applyFilterState, readFilterState } from './filters';
import { readLinkTarget } from './link-setting';
import { propertiesOf, type SheetsBatch } from './sheets-batch';
import { fingerprint } from './fingerprint';
import type { Cell } from './passage-rows';
import { planPostsTab } from './posts-tab';
import { sheetSize, writeGrid, type Size } from './sheet-access';
import { codebookRows, type Tabs } from './tabs';

const PLAN_ID = 7;
const PLAN_STATUS = 4;
const PLAN_FOLLOW_UP = 5;

export function readCodebook(tabs: Tabs): Codebook {
  return codebookFromRows(codebookRows(tabs));
}

/** Status and Uppföljning as the team left them, by passage id: values and formulas, so that each is written back as typed. */
export function keptPlanFields(tabs: Tabs): KeptFields {
  const kept = new Map<string, readonly [Cell, Cell]>();
  const range = tabs.plan.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  for (let r = 1; r < values.length; r += 1) {
    const id = cellText(values[r][PLAN_ID] ?? '');
    if (id) {
      kept.set(id, [keptCell(values[r][PLAN_STATUS], formulas[r][PLAN_STATUS]), keptCell(values[r][PLAN_FOLLOW_UP], formulas[r][PLAN_FOLLOW_UP])]);
    }
  }
  return kept;
}

/** A grid's fingerprint; the plan tab's hand-kept columns are left out (the team's edits do not make it stale). */
const gridFingerprint = (tab: DerivedTab, grid: Grid) =>
  fingerprint(tab === 'plan' ? grid.values.map((row) => row.filter((_, j) => j !== PLAN_STATUS && j !== PLAN_FOLLOW_UP)) : [grid.values, grid.notes, grid.backgrounds]);

interface TabWrite {
  tab: DerivedTab;
  grid: Grid;
  hash: string;
  size: Size;
}

/** Everything the writes need, gathered by reads alone. */
export interface DerivedPlan {
  force: boolean;
  codebook: Codebook;
  filter: FilterState;
  source: string;
  stored: DerivedState | null;
  writes: TabWrite[];
  batch: SheetsBatch;
}

/**
 * Reads what deciding needs and computes the derived tabs in memory; only the tabs whose content differs from what
 * they were last written with are planned (all of them when `force`, or when the stored state is missing).
 * Makes reads only: call it before the first write of the request. `filter`: the filter to build for (else the saved one).
 */
export function planDerivedTabs(batch: SheetsBatch, passages: readonly Passage[], force: boolean, codebook = readCodebook(batch.tabs), filter = readFilterState(propertiesOf(batch))): DerivedPlan {
  const { tabs } = batch;
  const stored = parseDerivedState(batch.derived);
  // Matris counts only the filter's kind and author: they are part of what the tabs are built from.
  const source = sourceFingerprint(passages, codebook, `${tabs.language}|${filter.kind ?? ''}|${filter.author ?? ''}`);
  const plan: DerivedPlan = { force, codebook, filter, source, stored, writes: [], batch };
  if (!force && stored?.source === source) return plan;
  const { words, language } = tabs;
  const grids: Record<DerivedTab, Grid> = {
    matrix: matrixGrid(passages.filter((p) => countedInMatrix(p, filter)), codebook, words, language),
    plan: planGrid(passages, codebook, words, language, new Map()),
    national: nationalGrid(passages, codebook, words, language),
  };
  for (const tab of DERIVED_TABS) {
    const hash = gridFingerprint(tab, grids[tab]);
    if (!force && stored?.tabs[tab]?.grid === hash) continue;
    const grid = tab === 'plan' ? planGrid(passages, codebook, words, language, keptPlanFields(tabs)) : grids[tab];
    plan.writes.push({ tab, grid, hash, size: sheetSize(tabs[tab]) });
  }
  return plan;
}

/**
 * Writes the planned tabs, re-makes the filters only when they may no longer fit (a tab grew past the rows they cover,
 * no state was recorded yet), hides Matris's rows or columns again when a filter is on and Matris changed, and records
 * what the tabs were built from.
 * `passagesGrew`: Passager itself had rows added. Filters span every row of their tab, so clearing one keeps them.
 */
export function writeDerivedTabs(plan: DerivedPlan, passagesGrew = false): void {
  const { tabs } = plan.batch;
  if (!plan.force && plan.stored?.source === plan.source && !passagesGrew) return;
  const next: DerivedState = { source: plan.source, tabs: { ...plan.stored?.tabs } };
  let refilter = !plan.stored || passagesGrew;
  let rehideMatrix = false;
  for (const { tab, grid, hash, size } of plan.writes) {
    const { cleared, grew } = writeGrid(tabs[tab], size, grid, plan.force ? null : plan.stored?.tabs[tab] ?? null);
    if (tab === 'plan' && (cleared || grew)) {
      const statuses = tabs.make.validation().requireValueInList(tabs.words.statuses, true).build();
      tabs.plan.getRange(2, PLAN_STATUS + 1, Math.max(size.rows - 1, 1), 1).setDataValidation(statuses);
    }
    refilter ||= grew;
    rehideMatrix ||= tab === 'matrix' && !isEmptyFilter(plan.filter);
    next.tabs[tab] = { grid: hash, rows: grid.values.length, columns: grid.values[0].length };
  }
  if (refilter || rehideMatrix) {
    const matrix = plan.writes.find((write) => write.tab === 'matrix')?.grid.values ?? (tabs.matrix.getDataRange().getValues() as Cell[][]);
    applyFilterState(tabs, plan.filter, plan.codebook, matrix, !refilter);
  }
  plan.batch.setDerived(JSON.stringify(next));
}

/** Rebuilds Inlägg and every derived tab from these passages and re-makes the filters (the menu's "rebuild"). */
export function rebuildDerivedTabs(batch: SheetsBatch, passages: readonly Passage[]): void {
  const posts = planPostsTab(batch.tabs, passages, [], readLinkTarget(propertiesOf(batch)));
  const derived = planDerivedTabs(batch, passages, true);
  posts.write();
  writeDerivedTabs(derived);
}
