// npm run bench, re-anchoring: Annotera's content-script anchoring against dom-anchor-text-quote with
// dom-anchor-text-position (the peer) in one headless Chromium, on a generated post-like page; then Annotera alone
// at three page sizes and three passage counts. Run alone with: npx tsx bench/anchoring.ts
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { TextSelector } from '../extension/anchoring/selector';
import { CHROME, chromiumFlags } from '../scripts/chromium';
import { choosePassages, contentHtml, generatePage, PAGE, scenarios, textOf, type Scenario, type Token } from './anchoring-corpus';
import type { Found, Timed } from './anchoring-page';

const ROUNDS = 5;
const SEED = 1;

interface Bench {
  show(html: string): void;
  compare(selectors: readonly TextSelector[], rounds: number): Timed;
  annoteraAlone(selectors: readonly TextSelector[], rounds: number): { times: number[]; found: Found };
}

interface Tally {
  right: number;
  misplaced: number;
  orphaned: number;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Right: both ends within 5% of the quote's length (at least 2 characters) of the truth; an anchor elsewhere, or one for deleted text, is misplaced. */
function tally(found: Found, truth: Scenario['truth'], selectors: readonly TextSelector[]): Tally {
  const counts: Tally = { right: 0, misplaced: 0, orphaned: 0 };
  found.forEach((place, i) => {
    const expected = truth[i];
    const tolerance = Math.max(2, Math.floor(0.05 * selectors[i].quote.length));
    if (!place) counts.orphaned += 1;
    else if (expected && Math.abs(place[0] - expected[0]) <= tolerance && Math.abs(place[1] - expected[1]) <= tolerance) counts.right += 1;
    else counts.misplaced += 1;
  });
  return counts;
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('./anchoring-page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

async function show(page: Page, tokens: readonly Token[]): Promise<void> {
  await page.evaluate((html) => (globalThis as unknown as { anchoringBench: Bench }).anchoringBench.show(html), contentHtml(tokens));
}

const ms = (value: number) => (value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en'));
const counts = (t: Tally) => `${t.right} / ${t.misplaced} / ${t.orphaned}`;

async function compareScenarios(page: Page): Promise<string[]> {
  const tokens = generatePage(250_000, SEED);
  const text = textOf(tokens);
  const selectors = choosePassages(text, 500, SEED + 1);
  const lines = [
    `Re-anchoring ${selectors.length} passages (20–400 characters) on a generated ${Math.round(text.length / 1000)} KB post-like page, headless Chromium, median of ${ROUNDS} interleaved runs.`,
    'right / misplaced / orphaned; right = both ends within 5% of the quote (≥ 2 characters) of where the passage truly is; deleted passages must be orphans.',
    '',
    '| scenario | Annotera ms | Annotera right / misplaced / orphaned | dom-anchor-text-quote ms | peer right / misplaced / orphaned | Annotera faster by |',
    '| --- | ---: | --- | ---: | --- | ---: |',
  ];
  const all = scenarios(tokens, selectors, SEED + 2);
  // One untimed round of both first, so that neither is timed while its code is still being compiled.
  await show(page, all[0].tokens);
  await page.evaluate(([s]) => (globalThis as unknown as { anchoringBench: Bench }).anchoringBench.compare(s, 1), [selectors] as const);
  for (const scenario of all) {
    await show(page, scenario.tokens);
    const timed = await page.evaluate(([s, rounds]) => (globalThis as unknown as { anchoringBench: Bench }).anchoringBench.compare(s, rounds), [selectors, ROUNDS] as const);
    const ours = median(timed.annotera);
    const theirs = median(timed.peer);
    lines.push(
      `| ${scenario.name} | ${ms(ours)} | ${counts(tally(timed.annoteraFound, scenario.truth, selectors))} | ${ms(theirs)} | ${counts(tally(timed.peerFound, scenario.truth, selectors))} | ${(theirs / ours).toFixed(1)}× |`,
    );
  }
  return lines;
}

async function scaling(page: Page): Promise<string[]> {
  const lines = [
    '',
    `Annotera alone, median of ${ROUNDS} runs (ms; right / misplaced / orphaned when 30% of quotes are lightly edited):`,
    '',
    '| page | passages | unchanged ms | 30% edited ms | edited: right / misplaced / orphaned |',
    '| --- | ---: | ---: | ---: | --- |',
  ];
  for (const size of [50_000, 250_000, 1_000_000]) {
    const tokens = generatePage(size, SEED + size);
    const text = textOf(tokens);
    for (const count of [50, 500, 2000]) {
      const selectors = choosePassages(text, count, SEED + count);
      const [unchanged, , edited] = scenarios(tokens, selectors, SEED + 2);
      const run = async (scenario: Scenario) => {
        await show(page, scenario.tokens);
        return page.evaluate(([s, rounds]) => (globalThis as unknown as { anchoringBench: Bench }).anchoringBench.annoteraAlone(s, rounds), [selectors, ROUNDS] as const);
      };
      const plain = await run(unchanged);
      const changed = await run(edited);
      lines.push(`| ${Math.round(text.length / 1000)} KB | ${selectors.length} | ${ms(median(plain.times))} | ${ms(median(changed.times))} | ${counts(tally(changed.found, edited.truth, selectors))} |`);
    }
  }
  return lines;
}

export async function benchAnchoring(): Promise<string[]> {
  const script = await bundle();
  const browser = await chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: chromiumFlags('').filter((flag) => !flag.includes('extension')),
  });
  try {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    await page.addScriptTag({ content: script });
    return [...(await compareScenarios(page)), ...(await scaling(page))];
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) for (const line of await benchAnchoring()) console.log(line);
