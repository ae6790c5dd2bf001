// The Inlägg tab: one row per post — title, link, municipality, date, coders, passages per kind, coverage, and the post's text.
import type { Post } from '../shared/protocol';
import { postLink } from '../shared/passage-link';
import type { Passage } from '../shared/passage';
import { asText, cellInteger, cellText, keptCell, readBack } from './cell-text';
import { readLinkTarget } from './link-setting';
import type { Cell } from './passage-rows';
import { summarisePost } from './post-summary';
import { readRows, sheetSize, writeBlock } from './sheet-access';
import { writeLinks } from './sheet-links';
import type { Tabs } from './tabs';

/** 0-based columns of SheetWords.postHeaders. */
export const POST_COLUMNS = { title: 0, link: 1, municipality: 2, date: 3, derivedFrom: 2, chars: 9, text: 10, count: 11 } as const;
/** Everything but the text: what a rebuild reads. */
const READ_WIDTH = POST_COLUMNS.text;

export interface PostInfo extends Post {
  url: string;
}

export interface StoredPost {
  url: string;
  title: string;
  published: string;
  text: string;
}

/** Posts as the sheet holds them, with their texts (for an export): one range read. */
export function readPosts(tabs: Tabs): StoredPost[] {
  return readRows(tabs.posts, POST_COLUMNS.count).map((row) => ({
    url: cellText(row[POST_COLUMNS.link]),
    title: cellText(row[POST_COLUMNS.title]),
    published: cellText(row[POST_COLUMNS.date]),
    text: cellText(row[POST_COLUMNS.text]),
  })).filter((post) => post.url);
}

/** Columns from municipality to character count, derived from the passages (and the stored date and length). */
function derivedCells(passages: readonly Passage[], published: Cell, chars: number): Cell[] {
  const summary = summarisePost(passages, chars);
  return [
    asText(summary.municipality), published, asText(summary.codedBy),
    summary.counts.theme, summary.counts.plan, summary.counts.national, summary.coverage, chars || '',
  ];
}

/**
 * Plans bringing Inlägg up to date after passages changed (reads now, writes when `write` is called, after every read of
 * the request): new posts (from passages, with their text when it came along) are appended, a text that arrives for a
 * known post fills its row, and the derived columns are rewritten in one call when they changed.
 */
export function planPostsTab(tabs: Tabs, passages: readonly Passage[], incoming: readonly PostInfo[] = [], target = readLinkTarget()): { write(): void } {
  const rows = readRows(tabs.posts, READ_WIDTH);
  const rowOf = new Map(rows.map((row, i) => [cellText(row[POST_COLUMNS.link]), i]));
  const byUrl = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = p.url ? byUrl.get(p.url) : undefined;
    if (list) list.push(p);
    else if (p.url) byUrl.set(p.url, [p]);
  }
  const texts = new Map(incoming.filter((post) => post.text).map((post) => [post.url, post]));
  const added: Cell[][] = [];
  const addedLinks: { text: string; url: string }[] = [];
  for (const [url, list] of byUrl) {
    if (rowOf.has(url) || list.every((p) => p.deleted)) continue;
    const post = texts.get(url);
    const title = post?.title || list[0].pageTitle;
    const chars = post?.text.length ?? 0;
    added.push([asText(title), asText(url), ...derivedCells(list, asText(post?.published ?? ''), chars), asText(post?.text ?? '')]);
    addedLinks.push({ text: url, url: postLink(url, target) });
  }
  const filled: Array<{ row: number; text: string }> = [];
  const derived = rows.map((row, i) => {
    const url = cellText(row[POST_COLUMNS.link]);
    const post = texts.get(url);
    const known = cellInteger(row[POST_COLUMNS.chars]) || 0;
    if (post && !known) filled.push({ row: 2 + i, text: post.text });
    const date = post?.published ? asText(post.published) : keptCell(row[POST_COLUMNS.date]);
    return derivedCells(byUrl.get(url) ?? [], date, known || post?.text.length || 0);
  });
  const width = POST_COLUMNS.text - POST_COLUMNS.derivedFrom;
  const unchanged = derived.every((cells, i) => cells.every((cell, j) => sameCell(readBack(cell), rows[i][POST_COLUMNS.derivedFrom + j])));
  const size = added.length ? sheetSize(tabs.posts) : null;
  return {
    write() {
      for (const { row, text } of filled) tabs.posts.getRange(row, POST_COLUMNS.text + 1, 1, 1).setValues([[asText(text)]]);
      if (derived.length && !unchanged) tabs.posts.getRange(2, POST_COLUMNS.derivedFrom + 1, derived.length, width).setValues(derived);
      if (!size) return;
      writeBlock(tabs.posts, size, 2 + rows.length, added);
      writeLinks(tabs.posts, 2 + rows.length, POST_COLUMNS.link + 1, addedLinks, tabs.make);
    },
  };
}

/** A value as written (read back) against one read from the sheet. */
const sameCell = (written: Cell, read: unknown) =>
  written instanceof Date || Object.prototype.toString.call(read) === '[object Date]' ? cellText(written) === cellText(read) : written === read;

/** Rewrites every post link on Inlägg (after the link setting changed): one read, one write. */
export function relinkPosts(tabs: Tabs): void {
  const target = readLinkTarget();
  const urls = readRows(tabs.posts, POST_COLUMNS.link + 1).map((row) => cellText(row[POST_COLUMNS.link]));
  writeLinks(tabs.posts, 2, POST_COLUMNS.link + 1, urls.map((url) => ({ text: url, url: url ? postLink(url, target) : '' })), tabs.make);
}
