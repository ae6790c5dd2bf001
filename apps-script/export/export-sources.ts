// The texts an export codes: one source per post (its text from Inlägg) and, for passages it cannot place there, their quotes. Pure.
import type { Passage } from '../../shared/passage';

export interface ExportPost {
  url: string;
  title: string;
  text: string;
}

export interface Selection {
  passage: Passage;
  /** UTF-16 offsets into the source's text. */
  start: number;
  end: number;
}

export interface ExportSource {
  /** Unique per source: the post's address, with "#quotes" for the quotes-only source. */
  key: string;
  name: string;
  url: string;
  text: string;
  selections: Selection[];
}

const QUOTE_SEPARATOR = '\n\n';

/** Where the passage lies in the post's text: at its offsets when they hold its quote, else where the quote first occurs. */
function locate(text: string, p: Passage): number {
  if (text.slice(p.start, p.end) === p.quote) return p.start;
  return p.quote ? text.indexOf(p.quote) : -1;
}

/** Passages whose post text the sheet lacks (or that it no longer holds) are coded in a text made of their quotes. */
function quotesSource(url: string, title: string, passages: readonly Passage[]): ExportSource {
  let text = '';
  const selections = passages.map((passage) => {
    if (text) text += QUOTE_SEPARATOR;
    const start = text.length;
    text += passage.quote;
    return { passage, start, end: text.length };
  });
  return { key: `${url}#quotes`, name: title, url, text, selections };
}

/** Sources in the order posts were first coded; live passages only. */
export function exportSources(passages: readonly Passage[], posts: readonly ExportPost[]): ExportSource[] {
  const postByUrl = new Map(posts.map((post) => [post.url, post]));
  const byUrl = new Map<string, Passage[]>();
  for (const p of passages) {
    if (p.deleted || !p.quote) continue;
    const list = byUrl.get(p.url);
    if (list) list.push(p);
    else byUrl.set(p.url, [p]);
  }
  const sources: ExportSource[] = [];
  for (const [url, list] of byUrl) {
    const post = postByUrl.get(url);
    const title = post?.title || list[0].pageTitle || url;
    const placed: Selection[] = [];
    const unplaced: Passage[] = [];
    for (const passage of list) {
      const start = post?.text ? locate(post.text, passage) : -1;
      if (start >= 0) placed.push({ passage, start, end: start + passage.quote.length });
      else unplaced.push(passage);
    }
    if (placed.length) sources.push({ key: url, name: title, url, text: post!.text, selections: placed });
    if (unplaced.length) sources.push(quotesSource(url, placed.length ? `${title} (citat)` : title, unplaced));
  }
  return sources;
}
