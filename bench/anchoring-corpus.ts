// The re-anchoring benchmark's material: a generated post-like page, passages described on it, and edited versions of it
// with the place where each passage truly is now (or null where its text was deleted).
import { describeRange, type TextSelector } from '../extension/anchoring/selector';
import { findContentRoot } from '../shared/post-structure';
import { BLOG_POSTS, fixtureDocument } from '../tests/helpers/fixtures';

/** The page as markup and text runs; the content root's text is the text runs joined. */
export type Token = { html: string } | { text: string };

export interface Splice {
  start: number;
  end: number;
  insert: string;
}

export interface Scenario {
  name: string;
  tokens: Token[];
  /** Where each passage is after the change, or null when its text is gone (it must be an orphan). */
  truth: Array<[number, number] | null>;
}

/** A small seeded generator, so that every run measures the same page. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)];

/** Sentences and headings of the real posts in tests/fixtures/blog. */
function material(): { sentences: string[]; headings: string[] } {
  const sentences = new Set<string>();
  const headings = new Set<string>();
  for (const post of BLOG_POSTS) {
    const root = findContentRoot(fixtureDocument(`blog/${post}`))!;
    for (const element of Array.from(root.querySelectorAll('h2, h3, p, li'))) {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (/^H[23]$/.test(element.tagName)) headings.add(text);
      else for (const sentence of text.split(/(?<=[.!?:])\s+/)) if (sentence.length >= 15) sentences.add(sentence);
    }
  }
  return { sentences: [...sentences], headings: [...headings].filter(Boolean) };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const textOf = (tokens: readonly Token[]) => tokens.map((t) => ('text' in t ? t.text : '')).join('');
/** The content root's markup. */
export const contentHtml = (tokens: readonly Token[]) => tokens.map((t) => ('text' in t ? escape(t.text) : t.html)).join('');
/** The page around the content root, as a blog post has it. */
export const PAGE = '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kommunbesök</title></head><body><article class="post"><h1 class="entry-title">Kommunbesök</h1><div class="entry-content"></div></article></body></html>';

/** A sentence, sometimes with a word in bold (two more text nodes), sometimes a near-copy with one word changed. */
function sentenceTokens(next: () => number, sentence: string): Token[] {
  const words = sentence.split(' ');
  if (next() < 0.1) words[Math.floor(next() * words.length)] = pick(next, ['Flen', 'Nacka', 'Storuman', 'Skövde', 'kommunen']);
  if (words.length < 4 || next() < 0.7) return [{ text: words.join(' ') }];
  const at = 1 + Math.floor(next() * (words.length - 2));
  return [{ text: `${words.slice(0, at).join(' ')} ` }, { html: '<strong>' }, { text: words[at] }, { html: '</strong>' }, { text: ` ${words.slice(at + 1).join(' ')}` }];
}

/**
 * About `size` characters of post-like text: sections under headings that recur (as "Plan för handling" does in every
 * post), paragraphs and lists of sentences drawn so that the common ones recur many times, never twice in a row.
 */
export function generatePage(size: number, seed: number): Token[] {
  const next = random(seed);
  const { sentences, headings } = material();
  const tokens: Token[] = [];
  let length = 0;
  let previous = '';
  const sentence = () => {
    let chosen = previous;
    while (chosen === previous) chosen = sentences[Math.floor(next() * next() * sentences.length)];
    previous = chosen;
    return chosen;
  };
  const push = (...added: Token[]) => {
    tokens.push(...added);
    length += textOf(added).length;
  };
  while (length < size) {
    push({ html: '<h2>' }, { text: headings[Math.floor(next() * next() * headings.length)] }, { html: '</h2>' }, { text: '\n' });
    for (let p = 1 + Math.floor(next() * 3); p > 0; p -= 1) {
      push({ html: '<p>' });
      for (let s = 2 + Math.floor(next() * 4); s > 0; s -= 1) push(...sentenceTokens(next, sentence()), { text: s > 1 ? ' ' : '' });
      push({ html: '</p>' }, { text: '\n' });
    }
    if (next() < 0.4) {
      push({ html: '<ul>' });
      for (let i = 2 + Math.floor(next() * 3); i > 0; i -= 1) push({ html: '<li>' }, ...sentenceTokens(next, sentence()), { html: '</li>' });
      push({ html: '</ul>' }, { text: '\n' });
    }
  }
  return tokens;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * Up to `count` passages of 20–400 characters spread over the text, each from the start of a word to the end of one,
 * none overlapping another: on a page too small for that many, they are shorter (at least 20 characters) and fewer.
 */
export function choosePassages(text: string, count: number, seed: number): TextSelector[] {
  const next = random(seed);
  const slot = text.length / count;
  const selectors: TextSelector[] = [];
  for (let i = 0; i < count; i += 1) {
    const slotEnd = Math.floor((i + 1) * slot) - 1;
    const length = Math.min(20 + Math.floor(next() * 381), Math.floor(slot) - 2);
    let start = Math.floor(i * slot + next() * Math.max(0, slot - length - 20));
    while (start < slotEnd && (!isWordChar(text[start]) || isWordChar(text[start - 1]))) start += 1;
    let end = Math.min(slotEnd, start + length);
    while (end > start + 20 && (!isWordChar(text[end - 1]) || isWordChar(text[end]))) end -= 1;
    if (end - start >= 20 && isWordChar(text[end - 1])) selectors.push(describeRange(text, start, end));
  }
  return selectors;
}

/** Applies sorted, non-overlapping splices of the text to the text runs, leaving the markup as it is. */
export function applySplices(tokens: readonly Token[], splices: readonly Splice[]): Token[] {
  let offset = 0;
  let next = 0;
  let cutUntil = 0;
  return tokens.map((token) => {
    if (!('text' in token)) return token;
    const from = offset;
    const to = offset + token.text.length;
    offset = to;
    let out = '';
    let at = Math.max(from, Math.min(cutUntil, to));
    while (next < splices.length && splices[next].start < to) {
      const splice = splices[next++];
      out += token.text.slice(at - from, splice.start - from) + splice.insert;
      at = Math.min(splice.end, to);
      cutUntil = splice.end;
    }
    return { text: out + token.text.slice(at - from) };
  });
}

/** Where offset p of the original text is after the splices (p never lies inside a spliced stretch). */
function moved(p: number, splices: readonly Splice[]): number {
  let shift = 0;
  for (const s of splices) if (s.end <= p) shift += s.insert.length - (s.end - s.start);
  return p + shift;
}

function truthAfter(selectors: readonly TextSelector[], splices: readonly Splice[], gone: ReadonlySet<number>): Scenario['truth'] {
  return selectors.map((s, i) => (gone.has(i) ? null : [moved(s.start, splices), moved(s.end, splices)]));
}

/** 1–3 small edits inside the quote, away from its ends: a typo, a comma, a dropped letter, a short word added. */
function lightEdits(next: () => number, text: string, s: TextSelector): Splice[] {
  const count = s.quote.length < 60 ? 1 : s.quote.length < 200 ? 2 : 3;
  const splices: Splice[] = [];
  const part = (s.end - s.start - 8) / count;
  for (let i = 0; i < count; i += 1) {
    let at = Math.max(s.start + 4 + Math.floor(i * part + next() * (part - 6)), (splices[i - 1]?.end ?? 0) + 1);
    const kind = Math.floor(next() * (s.quote.length < 60 ? 3 : 4));
    if (kind === 3) while (at < s.end - 4 && text[at - 1] !== ' ') at += 1;
    else while (at < s.end - 4 && !isWordChar(text[at])) at += 1;
    if (at >= s.end - 4) break;
    if (kind === 0) splices.push({ start: at, end: at + 1, insert: text[at] === 'e' ? 'a' : 'e' });
    else if (kind === 1) splices.push({ start: at, end: at, insert: ',' });
    else if (kind === 2) splices.push({ start: at, end: at + 1, insert: '' });
    else splices.push({ start: at, end: at, insert: pick(next, ['samt ', 'även ', 'nu ']) });
  }
  return splices;
}

/** The splices in order, without any that overlaps the one before (edits of overlapping passages). */
function disjoint(splices: Splice[]): Splice[] {
  const kept: Splice[] = [];
  for (const s of splices.sort((a, b) => a.start - b.start)) if (!kept.length || kept[kept.length - 1].end < s.start) kept.push(s);
  return kept;
}

/** The four scenarios of the benchmark, each with where every passage truly is. */
export function scenarios(tokens: Token[], selectors: readonly TextSelector[], seed: number): Scenario[] {
  const next = random(seed);
  const text = textOf(tokens);
  const none = new Set<number>();
  const inserted = generatePage(1500, seed + 1).slice(4);
  const shift = textOf(inserted).length;
  const edited = new Set(selectors.map((_, i) => i).filter(() => next() < 0.3));
  const editSplices = disjoint(selectors.flatMap((s, i) => (edited.has(i) ? lightEdits(next, text, s) : [])));
  const alone = (i: number) => (selectors[i - 1]?.end ?? 0) <= selectors[i].start && selectors[i].end <= (selectors[i + 1]?.start ?? Infinity);
  const deleted = new Set(selectors.map((_, i) => i).filter((i) => next() < 0.15 && alone(i)));
  const deleteSplices = selectors.flatMap((s, i) => (deleted.has(i) ? [{ start: s.start, end: s.end, insert: '' }] : []));
  return [
    { name: 'unchanged page', tokens, truth: truthAfter(selectors, [], none) },
    { name: `text shifted (${(shift / 1000).toFixed(1)} KB inserted before)`, tokens: [...inserted, ...tokens], truth: selectors.map((s) => [s.start + shift, s.end + shift]) },
    { name: `${edited.size} quotes (30%) lightly edited`, tokens: applySplices(tokens, editSplices), truth: truthAfter(selectors, editSplices, none) },
    { name: `${deleted.size} passages' text (15%) deleted`, tokens: applySplices(tokens, deleteSplices), truth: truthAfter(selectors, deleteSplices, deleted) },
  ];
}
