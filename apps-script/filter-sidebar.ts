// The filter sidebar's server side: the choices per dimension with their counts, and applying a combined filter.
import { labelFor } from '../shared/codebook';
import { COUNTIES, municipalityByCode } from '../shared/municipalities';
import { KINDS } from '../shared/passage';
import { FILTER_KEYS, parseFilter, passes, valuesOf, type FilterKey, type FilterState } from './filter-state';
import { applyFilterState, readFilterState, saveFilterState } from './filters';
import { lockedWrite } from './locked-write';
import { kindLabel, type Cell } from './passage-rows';
import { readPassages } from './passage-store';
import { planDerivedTabs, readCodebook, writeDerivedTabs } from './rebuild';
import { withSheetsBatch } from './sheets-batch';
import { isSwedish } from './sheet-locale';
import { openTabs } from './tabs';

export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

export type FilterOptions = Record<'municipalities' | 'counties' | 'themes' | 'kinds' | 'authors', FilterOption[]> & { current: FilterState };

const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label, 'sv');

/**
 * The sidebar's choices: each dimension's values with the number of live passages that have it and pass the other
 * dimensions' current choices.
 */
export function filterOptions(): FilterOptions {
  const tabs = openTabs();
  const codebook = readCodebook(tabs);
  const current = readFilterState();
  const passages = readPassages(tabs).filter((p) => !p.deleted);
  const counts = {} as Record<FilterKey, Map<string, number>>;
  for (const key of FILTER_KEYS) {
    counts[key] = new Map();
    for (const p of passages) {
      if (!passes(p, current, key)) continue;
      for (const value of new Set(valuesOf(p, key))) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
    }
  }
  const count = (key: FilterKey, value: string) => counts[key].get(value) ?? 0;
  const seen = (key: FilterKey) => [...counts[key].keys()].filter(Boolean);
  const swedish = isSwedish(tabs.language);
  return {
    municipalities: seen('municipality').map((code) => ({ value: code, label: municipalityByCode(code)?.shortName ?? code, count: count('municipality', code) })).sort(byLabel),
    counties: seen('county').map((code) => ({ value: code, label: COUNTIES.find((c) => c.code === code)?.name ?? code, count: count('county', code) })).sort(byLabel),
    themes: codebook.themes.map((t) => ({ value: t.id, label: labelFor(t.label, tabs.language), count: count('theme', t.id) })),
    kinds: KINDS.map((kind) => ({ value: kind, label: kindLabel(kind, swedish), count: count('kind', kind) })),
    authors: seen('author').map((name) => ({ value: name, label: name, count: count('author', name) })).sort(byLabel),
    current,
  };
}

/** Filters every tab by the combined choice ({} or null shows everything); Matris is rebuilt for kind and author. */
export function applyFilter(input: unknown): FilterOptions {
  const state = parseFilter(input);
  if (!state) throw new Error('Unknown filter.');
  lockedWrite(() => {
    const properties = PropertiesService.getDocumentProperties();
    saveFilterState(state, properties);
    withSheetsBatch(properties, (batch) => {
      const { tabs } = batch;
      const codebook = readCodebook(tabs);
      // Matris is rebuilt when the kind or author it counts changed; the filters are put on every tab.
      const plan = planDerivedTabs(batch, readPassages(tabs), false, codebook, state);
      const matrix = plan.writes.find((write) => write.tab === 'matrix')?.grid.values ?? (tabs.matrix.getDataRange().getValues() as Cell[][]);
      writeDerivedTabs(plan);
      applyFilterState(tabs, state, codebook, matrix);
    });
  });
  return filterOptions();
}
