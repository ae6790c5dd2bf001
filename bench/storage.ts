// Benchmarks the extension's storage in Chromium: with 5,000 passages over 50 posts, the time of a save and of a page
// open through the background's real message path, and which storage keys each one writes.
import { launchWithExtension } from '../tests/helpers/browser';
import { makePassage } from '../tests/helpers/passages';
import type { Passage } from '../shared/passage';

const EXTENSION = new URL('../.output/chrome-mv3', import.meta.url).pathname;
const POSTS = 50;
const PER_POST = 100;
const RUNS = 25;

const postUrl = (i: number) => `http://www.socialbarnungdom.se/kommunbesok/kommun-${i}/`;

/** A passage of realistic size: quotes of 20–400 characters, notes on some. */
function passage(post: number, i: number): Passage {
  const quote = 'Socialsekreterarna har bärbara krypterade datorer och arbetar mobilt. '.repeat(6).slice(0, 20 + ((i * 37) % 380));
  return makePassage({ url: postUrl(post), quote, note: i % 4 ? '' : 'Följs upp vid nästa besök.', start: i * 500, end: i * 500 + quote.length });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchStorage(): Promise<string[]> {
  const browser = await launchWithExtension(EXTENSION);
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Seeded in the stored layout itself (one record per post, key `post:<url>`), as if synced: the outbox empty.
    const seed = Object.fromEntries(Array.from({ length: POSTS }, (_, p) => [
      `post:${postUrl(p)}`,
      Object.fromEntries(Array.from({ length: PER_POST }, (_, i) => passage(p, i)).map((x) => [x.id, x])),
    ]));
    const bytes = await page.evaluate(async (records) => {
      await chrome.storage.local.set(records);
      return chrome.storage.local.getBytesInUse(null);
    }, seed);
    const fresh = Array.from({ length: RUNS }, (_, i) => passage(i % POSTS, PER_POST + i));
    const figures = await page.evaluate(async ({ passages, urls }) => {
      // No named inner functions here: the bundler's name helper does not exist in the page.
      const written: string[][] = [];
      chrome.storage.onChanged.addListener((changes) => void written.push(Object.keys(changes)));
      const saves: number[] = [];
      const opens: number[] = [];
      // Warm-up: the worker is started and has read the storage layout once.
      await chrome.runtime.sendMessage({ type: 'page-passages', url: urls[0] });
      for (const [i, passage] of passages.entries()) {
        let started = performance.now();
        await chrome.runtime.sendMessage({ type: 'save-passage', passage });
        saves.push(performance.now() - started);
        started = performance.now();
        await chrome.runtime.sendMessage({ type: 'page-passages', url: urls[(i * 7) % urls.length] });
        opens.push(performance.now() - started);
      }
      // For scale: a bare write of one post's record (the floor of a save here), and of every passage in one
      // record, as layout 1 rewrote on each save.
      const post = (await chrome.storage.local.get(`post:${urls[1]}`))[`post:${urls[1]}`] as object;
      const all = Object.assign({}, ...Object.values(await chrome.storage.local.get(null)).filter((v) => typeof v === 'object')) as object;
      const savesWrote = written.map((keys) => keys.length);
      const bare: number[] = [];
      const whole: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        let started = performance.now();
        await chrome.storage.local.set({ 'bench-post': post });
        bare.push(performance.now() - started);
        started = performance.now();
        await chrome.storage.local.set({ 'bench-all': all });
        whole.push(performance.now() - started);
      }
      await chrome.storage.local.remove(['bench-post', 'bench-all']);
      return { saves, opens, savesWrote, bare, whole };
    }, { passages: fresh, urls: Array.from({ length: POSTS }, (_, p) => postUrl(p)) });
    const keysPerSave = new Set(figures.savesWrote);
    return [
      `Storage in Chromium (real chrome.storage.local, the background's message path), ${POSTS * PER_POST} passages over ${POSTS} posts (${(bytes / 1024 / 1024).toFixed(1)} MB), median of ${RUNS}:`,
      `  save a passage (save-passage → stored with its outbox entry → answer): ${median(figures.saves).toFixed(1)} ms (goal ≤ 20 ms)`,
      `  open a page (page-passages → that post's ${PER_POST} passages): ${median(figures.opens).toFixed(1)} ms (goal ≤ 20 ms)`,
      `  storage keys written per save: ${[...keysPerSave].join(', ')} (the post's record and the outbox; no record of all passages)`,
      `  for scale, bare chrome.storage.local.set from the page: one post's record ${median(figures.bare).toFixed(1)} ms; all ${POSTS * PER_POST} passages in one record (layout 1, rewritten on every save) ${median(figures.whole).toFixed(1)} ms`,
    ];
  } finally {
    await browser.close();
  }
}
