// Making and changing passages on the client: new ones, edits, deletes, undos and re-attachments each raise rev and the update time.
import type { Kind, Passage } from '../../shared/passage';
import { keepableText } from '../../shared/text-rules';
import type { TextSelector } from '../anchoring/selector';

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

// The sheet keeps only what it can give back: a page's text may hold CR (&#13;), controls or stray noncharacters.
const selectorFields = (selector: TextSelector) => ({
  quote: keepableText(selector.quote),
  prefix: keepableText(selector.prefix),
  suffix: keepableText(selector.suffix),
  start: selector.start,
  end: selector.end,
});

export function newPassage(id: string, page: PageInfo, selector: TextSelector, tagging: Tagging, now: string): Passage {
  return {
    id,
    url: page.url,
    pageTitle: keepableText(page.pageTitle),
    author: keepableText(page.author),
    ...tagging,
    note: keepableText(tagging.note),
    ...selectorFields(selector),
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

/** Undo of a delete: the same passage alive again, one revision later. */
export function restorePassage(passage: Passage, now: string): Passage {
  return { ...passage, deleted: false, updatedAt: now, rev: passage.rev + 1 };
}

/** An orphan attached to newly selected text: same id and tags, new place. */
export function reattachPassage(passage: Passage, selector: TextSelector, now: string): Passage {
  return { ...passage, ...selectorFields(selector), updatedAt: now, rev: passage.rev + 1 };
}
