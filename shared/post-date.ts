// The date a post was published, as the page states it (article:published_time, or the post's <time datetime>). Pure.
import type { DocumentLike } from './dom-like';

const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/;

/** YYYY-MM-DD as the page writes it (the blog's local date), or undefined when the page gives none. */
export function findPublishedDate(doc: DocumentLike): string | undefined {
  const candidates = [
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    doc.querySelector('time.published[datetime], article time[datetime]')?.getAttribute('datetime'),
  ];
  for (const value of candidates) {
    const match = DATE.exec(value?.trim() ?? '');
    if (match) return match[1];
  }
  return undefined;
}
