// Benchmarks the extension's storage in Chromium: with 5,000 passages over 50 posts, the time of a save and of a page
// open through the background's real message path, and which storage keys (and how many bytes) each save writes.
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

/** The stored layout itself (layout 3), as if synced: each passage under `passage:<id>`, each post's index, the outbox empty. */
function seed(): Record<string, unknown> {
  const posts = Array.from({ length: POSTS }, (_, p) => Array.from({ length: PER_POST }, (_, i) => passage(p, i)));
  return Object.fromEntries(posts.flatMap((list, p): [string, unknown][] => [
    ...list.map((x): [string, unknown] => [`passage:${x.id}`, x]),
    [`post-index:${postUrl(p)}`, Object.fromEntries(list.map((x) => [x.id, true]))],
  ]));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchStorage(): Promise<string[]> {
  const browser = await launchWithExtension(EXTENSION);
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const bytes = await page.evaluate(async (records) => {
      await chrome.storage.local.set(records);
      return chrome.storage.local.getBytesInUse(null);
    }, seed());
    const fresh = Array.from({ length: RUNS }, (_, i) => passage(i % POSTS, PER_POST + i));
    const figures = await page.evaluate(async ({ passages, urls }) => {
      // No named inner functions here: the bundler's name helper does not exist in the page.
      const written: Record<string, unknown>[] = [];
      chrome.storage.onChanged.addListener((changes) => void written.push(Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue]))));
      const saves: number[] = [];
      const opens: number[] = [];
      // Warm-up: the worker is started and has checked the storage layout once.
      await chrome.runtime.sendMessage({ type: 'page-passages', url: urls[0] });
      for (const [i, passage] of passages.entries()) {
        let started = performance.now();
        await chrome.runtime.sendMessage({ type: 'save-passage', passage });
        saves.push(performance.now() - started);
        started = performance.now();
        await chrome.runtime.sendMessage({ type: 'page-passages', url: urls[(i * 7) % urls.length] });
        opens.push(performance.now() - started);
      }
      // For scale, bare writes from the page: what the last save wrote, again; one post's record, as layout 2 rewrote
      // on each save; and every passage in one record, as layout 1 did.
      const last = written[written.length - 1];
      const post = Object.fromEntries((await chrome.runtime.sendMessage<unknown, { id: string }[]>({ type: 'page-passages', url: urls[1] })).map((p) => [p.id, p]));
      const all = Object.fromEntries(Object.entries(await chrome.storage.local.get(null)).filter(([key]) => key.startsWith('passage:')));
      // Each kind in its own series: a small write right after the 3.8 MB one waits for it to settle.
      const bare: number[] = [];
      const perPost: number[] = [];
      const whole: number[] = [];
      for (const [times, values] of [[bare, last], [perPost, { 'bench-post': post }], [whole, { 'bench-all': all }]] as const) {
        for (let i = 0; i < 9; i += 1) {
          const started = performance.now();
          await chrome.storage.local.set(values);
          times.push(performance.now() - started);
        }
      }
      await chrome.storage.local.remove(['bench-post', 'bench-all']);
      // Each save's keys (named up to their first colon) with the bytes of their values as JSON.
      const sizes = written.slice(0, passages.length).map((values) => Object.entries(values).map(([key, value]) => [key.replace(/:.*/, ':…'), JSON.stringify(value).length] as const));
      return { saves, opens, sizes, bare, perPost, whole };
    }, { passages: fresh, urls: Array.from({ length: POSTS }, (_, p) => postUrl(p)) });
    const keys = [...new Set(figures.sizes.flatMap((save) => save.map(([key]) => key)))].sort();
    const bytesOf = (key: string) => median(figures.sizes.flatMap((save) => save.filter(([k]) => k === key).map(([, bytes]) => bytes)));
    const writes = [...new Set(figures.sizes.map((save) => save.length))];
    return [
      `Storage in Chromium (real chrome.storage.local, the background's message path), ${POSTS * PER_POST} passages over ${POSTS} posts (${(bytes / 1024 / 1024).toFixed(1)} MB), median of ${RUNS}:`,
      `  save a new passage (save-passage → stored with its outbox entry → answer): ${median(figures.saves).toFixed(1)} ms (goal ≤ 20 ms)`,
      `  open a page (page-passages → that post's ${PER_POST} passages): ${median(figures.opens).toFixed(1)} ms (goal ≤ 20 ms)`,
      `  a save writes ${writes.join(', ')} keys in one write (median bytes as JSON): ${keys.map((key) => `${key} ${bytesOf(key)}`).join(', ')} (the index: a new passage or a delete; the outbox holds up to this run's ${RUNS} saves, unsent as the bench has no sheet)`,
      `  for scale, bare chrome.storage.local.set from the page: what a save writes ${median(figures.bare).toFixed(1)} ms; one post's ${PER_POST} passages in one record (layout 2, rewritten on every save) ${median(figures.perPost).toFixed(1)} ms; all ${POSTS * PER_POST} in one record (layout 1) ${median(figures.whole).toFixed(1)} ms`,
    ];
  } finally {
    await browser.close();
  }
}
