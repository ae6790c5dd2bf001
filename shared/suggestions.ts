// Suggestions from a post's structure: the plan items and national requests its sections show that no passage covers yet.
import { kindOfHeading, type Section } from './post-structure';

export interface Suggestion {
  /** Stable across visits (the item's kind and text), so a dismissal holds. */
  key: string;
  kind: 'plan' | 'national';
  text: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

const covered = (item: Span, spans: readonly Span[]) =>
  spans.some((span) => Math.min(span.end, item.end) - Math.max(span.start, item.start) >= (item.end - item.start) / 2);

/**
 * Every plan item and national request of the sections, in reading order, except those a passage already covers
 * (half the item or more) and those dismissed. A sentence about the plan inside a national section is not a national request.
 */
export function structureSuggestions(sections: readonly Section[], tagged: readonly Span[], dismissed: ReadonlySet<string>): Suggestion[] {
  return sections.flatMap((section) => {
    if (section.kind === 'theme') return [];
    const kind = section.kind;
    return section.items
      .filter((item) => !(kind === 'national' && kindOfHeading(item.text) === 'plan'))
      .map((item) => ({ key: `${kind}:${item.text}`, kind, text: item.text, start: item.start, end: item.end }))
      .filter((suggestion) => !dismissed.has(suggestion.key) && !covered(suggestion, tagged));
  });
}
