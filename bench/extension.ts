// Benchmarks the extension: the content script's size (gzip) and the time to re-anchor 50 passages on a post.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { anchorSelector } from '../extension/anchoring/anchor-text';
import { describeRange, type TextSelector } from '../extension/anchoring/selector';
import { offsetsToRange } from '../extension/dom/text-offsets';
import { findContentRoot } from '../shared/post-structure';
import { fixtureDocument } from '../tests/helpers/fixtures';

const CONTENT_SCRIPT = new URL('../.output/chrome-mv3/content-scripts/content.js', import.meta.url);

/** 50 passages spread over the post: sentences of 40–200 characters. */
function fiftyPassages(text: string): TextSelector[] {
  const selectors: TextSelector[] = [];
  for (let i = 0; i < 50; i += 1) {
    const start = Math.floor(((text.length - 250) * i) / 50);
    selectors.push(describeRange(text, start, start + 40 + ((i * 37) % 160)));
  }
  return selectors;
}

function time(label: string, runs: number, work: () => void): string {
  work();
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) work();
  return `  ${label}: ${((performance.now() - started) / runs).toFixed(2)} ms`;
}

export function benchExtension(): string[] {
  const script = readFileSync(CONTENT_SCRIPT);
  const doc = fixtureDocument('blog/flen-ska-i-den-sociala-barn-och-ungdomsvarden-ha-alla-tjanster-tillsatta-inom-ett-ar.html');
  const root = findContentRoot(doc) as unknown as Element;
  const text = root.textContent ?? '';
  const passages = fiftyPassages(text);
  const shifted = `Ett nytt stycke överst i inlägget. ${text}`;
  const edited = passages.reduce((t, p) => t.replace(p.quote, p.quote.replace(/ (\S)/, '  $1').replace(/a/, 'á')), text);
  const anchorAll = (body: string) => passages.map((p) => anchorSelector(body, p));
  const found = (body: string) => anchorAll(body).filter(Boolean).length;
  return [
    'Extension:',
    `  content script: ${(script.length / 1024).toFixed(1)} kB, ${(gzipSync(script, { level: 9 }).length / 1024).toFixed(1)} kB gzip (.output/chrome-mv3/content-scripts/content.js)`,
    `Re-anchoring 50 passages on the Flen post (${text.length} characters), mean of 20 runs, Node:`,
    time(`unchanged text (stored positions), ${found(text)}/50 found`, 20, () => anchorAll(text)),
    time(`text shifted (exact quote + context), ${found(shifted)}/50 found`, 20, () => anchorAll(shifted)),
    time(`every quote lightly edited (fuzzy), ${found(edited)}/50 found`, 20, () => anchorAll(edited)),
    time('unchanged text, anchoring + DOM ranges (happy-dom)', 20, () => anchorAll(text).forEach((a) => a && offsetsToRange(root, a.start, a.end))),
  ];
}
