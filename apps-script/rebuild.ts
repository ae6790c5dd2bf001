// Rebuilds the derived tabs from the passages in memory: one read of Kodbok and of the plan tab, one write per tab.
import type { Passage } from '../shared/passage';
import type { Codebook } from '../shared/codebook';
import { codebookFromRows } from './codebook-rows';
import { matrixGrid, nationalGrid, planGrid, type Grid, type KeptFields } from './derived-tabs';
import { countedInMatrix, type FilterState } from './filter-state';
import { applyFilterState, readFilterState } from './filters';
import type { Cell } from './passage-rows';
import { readRows, replaceGrid } from './sheet-access';
import { codebookRows, type Tabs } from './tabs';
import { updatePostsTab, type PostInfo } from './posts-tab';

const PLAN_ID = 7;
const PLAN_STATUS = 4;
const PLAN_FOLLOW_UP = 5;

export function readCodebook(tabs: Tabs): Codebook {
  return codebookFromRows(codebookRows(tabs));
}

/** Status and Uppföljning as the team left them, by passage id. */
export function keptPlanFields(tabs: Tabs): KeptFields {
  const kept = new Map<string, readonly [Cell, Cell]>();
  for (const row of readRows(tabs.plan, tabs.words.planHeaders.length)) {
    const id = String(row[PLAN_ID] ?? '');
    if (id) kept.set(id, [row[PLAN_STATUS] as Cell, row[PLAN_FOLLOW_UP] as Cell]);
  }
  return kept;
}

export function rebuildDerivedTabs(tabs: Tabs, passages: readonly Passage[], posts: readonly PostInfo[] = []): void {
  const codebook = readCodebook(tabs);
  updatePostsTab(tabs, passages, posts);
  const filter = readFilterState();
  const matrix = rebuildMatrix(tabs, passages, codebook, filter);
  const plan = planGrid(passages, codebook, tabs.words, tabs.language, keptPlanFields(tabs));
  replaceGrid(tabs.plan, plan);
  const statuses = SpreadsheetApp.newDataValidation().requireValueInList(tabs.words.statuses, true).build();
  tabs.plan.getRange(2, PLAN_STATUS + 1, Math.max(plan.values.length - 1, 1), 1).setDataValidation(statuses);
  replaceGrid(tabs.national, nationalGrid(passages, codebook, tabs.words, tabs.language));
  applyFilterState(tabs, filter, codebook, matrix.values);
}

/** Writes Matris counting what the filter's kind and author let through; the grid as written. */
export function rebuildMatrix(tabs: Tabs, passages: readonly Passage[], codebook: Codebook, filter: FilterState): Grid {
  const matrix = matrixGrid(passages.filter((p) => countedInMatrix(p, filter)), codebook, tabs.words, tabs.language);
  replaceGrid(tabs.matrix, matrix);
  return matrix;
}
