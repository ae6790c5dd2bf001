// Loads the fixture blog posts as documents (happy-dom), the same way the content script sees a page.
import { readFileSync, readdirSync } from 'node:fs';
import { Window } from 'happy-dom';
import type { DocumentLike } from '../../shared/dom-like';

export const FIXTURES = new URL('../fixtures/', import.meta.url);

export function fixtureHtml(path: string): string {
  return readFileSync(new URL(path, FIXTURES), 'utf8');
}

export function parseHtml(html: string, url = 'http://127.0.0.1/'): DocumentLike & Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as DocumentLike & Document;
}

export function fixtureDocument(path: string): DocumentLike & Document {
  return parseHtml(fixtureHtml(path));
}

export const BLOG_POSTS = readdirSync(new URL('blog/', FIXTURES)).filter((name) => name.endsWith('.html'));
