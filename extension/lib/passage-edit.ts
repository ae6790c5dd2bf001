// Making and changing passages on the client: new ones, edits and deletes each raise rev and the update time.
import type { Kind, Passage } from '../../shared/passage';
import { keepableText } from '../../shared/text-rules';
import type { TextSelector } from './anchor';

export interface Tagging {
  kind: Kind;
  themes: string[];
  municipality: string;
  note: string;
}

export interface PageInfo {
  url: string;
  pageTitle: string;
  author: string;
}

export function newPassage(id: string, page: PageInfo, selector: TextSelector, tagging: Tagging, now: string): Passage {
  return {
    id,
    url: page.url,
    pageTitle: keepableText(page.pageTitle),
    author: keepableText(page.author),
    ...tagging,
    note: keepableText(tagging.note),
    // The sheet keeps only what it can give back: a page's text may hold CR (&#13;), controls or stray noncharacters.
    quote: keepableText(selector.quote),
    prefix: keepableText(selector.prefix),
    suffix: keepableText(selector.suffix),
    start: selector.start,
    end: selector.end,
    createdAt: now,
    updatedAt: now,
    rev: 1,
    deleted: false,
  };
}

export function editPassage(passage: Passage, tagging: Tagging, now: string): Passage {
  return { ...passage, ...tagging, note: keepableText(tagging.note), updatedAt: now, rev: passage.rev + 1 };
}

export function deletePassage(passage: Passage, now: string): Passage {
  return { ...passage, deleted: true, updatedAt: now, rev: passage.rev + 1 };
}
