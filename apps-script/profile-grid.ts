// A municipality's profile as a grid: its live passages grouped by kind, then by theme (codebook order), with plan items'
// Status and Uppföljning as the team keeps them on the plan tab (already in the form to write back). Pure.
import type { Codebook } from '../shared/codebook';
import { KINDS, type Passage } from '../shared/passage';
import { asText } from './cell-text';
import type { Grid, KeptFields } from './derived-tabs';
import { kindLabel, type Cell } from './passage-rows';
import type { SheetWords } from './sheet-locale';

export interface ProfileGrid extends Grid {
  /** The passage on each data row (for its link). */
  passages: Passage[];
}

const GROUP_BACKGROUND = '#f1f3f4';

export function profileGrid(code: string, passages: readonly Passage[], codebook: Codebook, words: SheetWords, swedish: boolean, label: (id: string) => string, kept: KeptFields): ProfileGrid {
  const own = passages.filter((p) => !p.deleted && p.municipality === code);
  const values: Cell[][] = [words.profile.headers];
  const backgrounds: string[][] = [words.profile.headers.map(() => '#eeeeee')];
  const rows: Passage[] = [];
  const themeOrder = [...codebook.themes.map((t) => t.id), ...new Set(own.flatMap((p) => p.themes))];
  for (const kind of KINDS) {
    const ofKind = own.filter((p) => p.kind === kind);
    let firstOfKind = true;
    const groups: Array<[string, Passage[]]> = [...new Set(themeOrder)].map((id) => [id, ofKind.filter((p) => p.themes.includes(id))]);
    groups.push(['', ofKind.filter((p) => p.themes.length === 0)]);
    for (const [theme, list] of groups) {
      list.forEach((p, i) => {
        const [status, followUp] = kind === 'plan' ? kept.get(p.id) ?? [words.statuses[0], ''] : ['', ''];
        values.push([
          firstOfKind ? asText(kindLabel(kind, swedish)) : '',
          i === 0 ? asText(theme ? label(theme) : words.profile.noTheme) : '',
          asText(p.quote), asText(p.note), asText(p.author), status, followUp, asText(p.url), asText(p.id),
        ]);
        backgrounds.push(words.profile.headers.map((_, j) => (j < 2 && (firstOfKind || i === 0) ? GROUP_BACKGROUND : '#ffffff')));
        rows.push(p);
        firstOfKind = false;
      });
    }
  }
  return { values, backgrounds, passages: rows };
}
