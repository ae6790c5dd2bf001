// Finds a post's content root, title and sections (heading, suggested kind, items) through the DOM-like interface.
import type { DocumentLike, ElementLike } from './dom-like';
import { indexText, type TextIndex } from './text-index';
import type { Kind } from './passage';
import type { PostText } from './municipality-detection';

export interface Item {
  text: string;
  start: number;
  end: number;
}

export interface Section {
  heading: string | null;
  kind: Kind;
  start: number;
  end: number;
  /** The list items when the section has a list, else its paragraphs. */
  items: Item[];
  /** Every paragraph and list item of the section, in reading order. */
  body: Item[];
}

export interface PostStructure {
  title: string;
  /** The content root's text; every offset points into it. */
  text: string;
  sections: Section[];
}

const ROOT_SELECTORS = ['article .entry-content', '.entry-content', '.post-content', '.entry', 'article'];
const OUTSIDE_POST = 'nav, aside, footer, header, form, #comments, .comments-area, .widget-area, #wm-ipp-base';
const SKIPPED = 'script, style, noscript, template, img, figure, figcaption, .wp-caption, form, button, nav, aside, iframe';
const MIN_ROOT_TEXT = 200;
const BULLET = /^\s*[•▪◦‣]\s*/u;
const SPACE = /^[\s\u00a0]*$/u;

const PLAN = /\bplan(?:en)? för handling\b|\bhandlingsplan/iu;
const NATIONAL = /\bnationell(?:a)? nivå|\bmedskick\b|\btill (?:regeringen|staten)\b/iu;

/** The kind a heading or an introducing sentence suggests. */
export function kindOfHeading(text: string): Kind {
  if (PLAN.test(text)) return 'plan';
  if (NATIONAL.test(text)) return 'national';
  return 'theme';
}

const clean = (text: string | null) => (text ?? '').replace(/[\s\u00a0]+/gu, ' ').trim();
const paragraphText = (element: ElementLike) => clean(element.textContent).length;

/** The element holding the post: the WordPress entry content, else the block with the most paragraph text. */
export function findContentRoot(doc: DocumentLike): ElementLike | null {
  for (const selector of ROOT_SELECTORS) {
    const candidates = Array.from(doc.querySelectorAll(selector));
    const found = candidates.find((el) => !el.closest(OUTSIDE_POST) && paragraphText(el) >= MIN_ROOT_TEXT);
    if (found) return found;
  }
  const score = new Map<ElementLike, number>();
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const parent = parentOf(p);
    if (!parent || p.closest(OUTSIDE_POST)) continue;
    score.set(parent, (score.get(parent) ?? 0) + paragraphText(p));
  }
  let best: ElementLike | null = null;
  for (const [element, total] of score) if (!best || total > score.get(best)!) best = element;
  return best;
}

const parentOf = (element: ElementLike) => element.parentElement;

/** The post's headline: its h1, else og:title, else the document title without the site name. */
export function findPostTitle(doc: DocumentLike, root: ElementLike | null): string {
  const article = root?.closest('article');
  const heading = article?.querySelector('h1, .entry-title') ?? doc.querySelector('h1.entry-title, .entry-title');
  if (heading && clean(heading.textContent)) return clean(heading.textContent);
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  if (og && clean(og)) return clean(og);
  return clean(doc.title.split(/\s[|–-]\s/u)[0]);
}

type Block =
  | { type: 'heading'; text: string; element: ElementLike }
  | { type: 'paragraph'; text: string; element: ElementLike }
  | { type: 'list'; items: Array<{ element: ElementLike; bullet: boolean }> };

function isBoldParagraph(p: ElementLike): boolean {
  const text = clean(p.textContent);
  const only = Array.from(p.children).filter((child) => clean(child.textContent));
  return (
    only.length === 1 &&
    /^(?:STRONG|B)$/i.test(only[0].tagName) &&
    clean(only[0].textContent) === text &&
    text.length <= 120 &&
    !/[.!?]$/u.test(text)
  );
}

/** The post's blocks in reading order; bullet paragraphs ("• …") in a row become one list. */
function readBlocks(root: ElementLike): Block[] {
  const blocks: Block[] = [];
  const pushBullet = (element: ElementLike) => {
    const last = blocks[blocks.length - 1];
    if (last?.type === 'list' && last.items[0]?.bullet) last.items.push({ element, bullet: true });
    else blocks.push({ type: 'list', items: [{ element, bullet: true }] });
  };
  const visit = (element: ElementLike) => {
    if (element.matches(SKIPPED)) return;
    const tag = element.tagName.toUpperCase();
    const text = clean(element.textContent);
    if (/^H[1-6]$/.test(tag)) {
      if (text) blocks.push({ type: 'heading', text, element });
    } else if (tag === 'UL' || tag === 'OL') {
      const items = Array.from(element.children).filter((li) => li.tagName.toUpperCase() === 'LI' && clean(li.textContent));
      if (items.length) blocks.push({ type: 'list', items: items.map((li) => ({ element: li, bullet: false })) });
    } else if (tag === 'P' || tag === 'BLOCKQUOTE') {
      if (SPACE.test(element.textContent ?? '')) return;
      if (BULLET.test(element.textContent ?? '')) pushBullet(element);
      else blocks.push({ type: isBoldParagraph(element) ? 'heading' : 'paragraph', text, element });
    } else if (element.children.length) {
      for (const child of Array.from(element.children)) visit(child);
    } else if (text) {
      blocks.push({ type: 'paragraph', text, element });
    }
  };
  for (const child of Array.from(root.children)) visit(child);
  return blocks;
}

/** The trimmed text of an element (without a leading bullet) and where it lies in the root's text. */
function itemOf(element: ElementLike, index: TextIndex): Item {
  const [start, end] = index.rangeOf(element);
  const raw = index.text.slice(start, end);
  const lead = raw.length - raw.replace(BULLET, '').replace(/^[\s\u00a0]+/u, '').length;
  const trail = raw.length - raw.replace(/[\s\u00a0]+$/u, '').length;
  return { text: clean(raw.slice(lead, raw.length - trail)), start: start + lead, end: end - trail };
}

interface Draft {
  heading: string | null;
  kind: Kind;
  start: number;
  end: number;
  introduced: boolean;
  list: Item[];
  paragraphs: Item[];
  body: Item[];
}

/** Splits the post into sections at headings, and at sentences that introduce a plan or national list. */
export function readSections(root: ElementLike, index: TextIndex = indexText(root)): Section[] {
  const blocks = readBlocks(root);
  const sections: Section[] = [];
  let current: Draft = newDraft(null, 0);
  const close = () => {
    if (current.heading !== null || current.list.length || current.paragraphs.length) {
      const { heading, kind, start, end, list, paragraphs, body } = current;
      sections.push({ heading, kind, start, end, items: list.length ? list : paragraphs, body });
    }
  };
  blocks.forEach((block, i) => {
    if (block.type === 'heading') {
      close();
      current = newDraft(block.text, index.rangeOf(block.element)[0]);
      current.end = index.rangeOf(block.element)[1];
      return;
    }
    if (block.type === 'paragraph' && introducesList(block.text, blocks[i + 1])) {
      close();
      current = { ...newDraft(block.text, index.rangeOf(block.element)[0]), introduced: true };
      current.end = index.rangeOf(block.element)[1];
      return;
    }
    const items = block.type === 'list' ? block.items.map((item) => itemOf(item.element, index)) : [itemOf(block.element, index)];
    (block.type === 'list' ? current.list : current.paragraphs).push(...items);
    current.body.push(...items);
    current.end = items[items.length - 1].end;
    if (block.type === 'list' && current.introduced) {
      close();
      current = newDraft(null, current.end);
    }
  });
  close();
  return sections;
}

function newDraft(heading: string | null, start: number): Draft {
  return { heading, kind: heading ? kindOfHeading(heading) : 'theme', start, end: start, introduced: false, list: [], paragraphs: [], body: [] };
}

function introducesList(text: string, next: Block | undefined): boolean {
  return next?.type === 'list' && /:$/u.test(text) && kindOfHeading(text) !== 'theme';
}

/** The whole structure of a post page (at a content root already found, or found here), or null when there is none. */
export function readPost(doc: DocumentLike, root: ElementLike | null = findContentRoot(doc)): PostStructure | null {
  if (!root) return null;
  const index = indexText(root);
  return { title: findPostTitle(doc, root), text: index.text, sections: readSections(root, index) };
}

/** The section an offset in the root's text lies in. */
export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  return sections.find((section) => offset >= section.start && offset <= section.end);
}

/** What municipality detection reads of a post: its title, its headings and its paragraphs and list items. */
export function postText(post: PostStructure): PostText {
  return {
    title: post.title,
    headings: post.sections.flatMap((section) => (section.heading ? [section.heading] : [])),
    paragraphs: post.sections.flatMap((section) => section.body.map((item) => item.text)),
  };
}
