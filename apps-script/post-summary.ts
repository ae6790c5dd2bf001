// What the Inlägg tab says about a post, from its passages: municipality, coders, passages per kind, share of text covered. Pure.
import { municipalityByCode } from '../shared/municipalities';
import type { Kind, Passage } from '../shared/passage';

export interface PostSummary {
  municipality: string;
  codedBy: string;
  counts: Record<Kind, number>;
  /** Percent of the post's text inside at least one passage (one decimal), or '' when the text is not known. */
  coverage: number | '';
}

/** Characters of [0, length) inside at least one of the spans. */
export function coveredLength(spans: ReadonlyArray<{ start: number; end: number }>, length: number): number {
  const sorted = spans
    .map((s) => [Math.max(0, s.start), Math.min(length, s.end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = 0;
  for (const [start, end] of sorted) {
    if (end <= reach) continue;
    covered += end - Math.max(start, reach);
    reach = end;
  }
  return covered;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = '';
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** A post's summary from its live passages; `length` is its text's length (0 when the sheet lacks the text). */
export function summarisePost(passages: readonly Passage[], length: number): PostSummary {
  const live = passages.filter((p) => !p.deleted);
  const counts: Record<Kind, number> = { theme: 0, plan: 0, national: 0 };
  for (const p of live) counts[p.kind] += 1;
  const code = mostCommon(live.map((p) => p.municipality));
  return {
    municipality: municipalityByCode(code)?.shortName ?? code,
    codedBy: [...new Set(live.map((p) => p.author).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'sv')).join(', '),
    counts,
    coverage: length > 0 ? Math.round((coveredLength(live, length) / length) * 1000) / 10 : '',
  };
}
