// npm run smoke -- <exec URL> <token>: checks a deployed web app end to end (ping, send, read back, delete, codebook), each step timed.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { diagnosisSummary } from '../extension/lib/connection-doctor';
import { checkConnection, fetchCodebook, fetchPassages, messageOf, sendBatch } from '../extension/lib/web-app-client';
import type { Passage } from '../shared/passage';
import { postIdentity } from '../shared/url';

/** The post the test passage is filed under, in the form the extension stores: on the blog (never a real post). */
export const SMOKE_POST = postIdentity('https://socialbarnungdom.se/annotera-smoke-test/')!;

export interface Step {
  name: string;
  ok: boolean;
  /** What happened, in plain words. */
  text: string;
  ms: number;
}

const SMOKE_QUOTE = 'Annotera smoke test: written and deleted by npm run smoke.';

function testPassage(now: string): Passage {
  return {
    id: randomUUID(), url: SMOKE_POST, pageTitle: 'Annotera smoke test', kind: 'theme', themes: [], municipality: '0180',
    quote: SMOKE_QUOTE, prefix: '', suffix: '', start: 0, end: SMOKE_QUOTE.length,
    note: 'Safe to ignore: deleted again at once (the row stays as a tombstone on the hidden tab of deleted passages).', author: 'npm run smoke',
    createdAt: now, updatedAt: now, rev: 1, deleted: false,
  };
}

/** Runs the steps in order, stopping at the first failure; log gets one line per step. */
export async function smoke(endpoint: string, token: string, log: (line: string) => void): Promise<Step[]> {
  const steps: Step[] = [];
  const step = async (name: string, work: () => Promise<string>): Promise<boolean> => {
    const started = performance.now();
    let result: { ok: boolean; text: string };
    try {
      result = { ok: true, text: await work() };
    } catch (error) {
      result = { ok: false, text: messageOf(error) };
    }
    const done = { name, ...result, ms: Math.round(performance.now() - started) };
    steps.push(done);
    log(`  ${done.ok ? '✓' : '✗'} ${name}: ${done.text} (${done.ms} ms)`);
    return done.ok;
  };
  const passage = testPassage(new Date().toISOString());
  const livePassages = async () => (await fetchPassages(endpoint, token, SMOKE_POST)) as { passages: Passage[] };
  const status = async (op: Parameters<typeof sendBatch>[2][number]) => {
    const answer = (await sendBatch(endpoint, token, [op])) as { results: { status: string }[] };
    if (answer.results[0]?.status !== 'applied') throw new Error(`the add-on answered "${answer.results[0]?.status}" instead of "applied"`);
  };
  const ok =
    (await step('ping', async () => {
      const diagnosis = await checkConnection(endpoint, token);
      if (diagnosis.kind !== 'ok') throw new Error(diagnosisSummary(diagnosis));
      return `the add-on answers, version ${diagnosis.version}`;
    })) &&
    (await step('send', async () => {
      await status({ op: 'upsert', passage });
      return `a test passage was stored (id ${passage.id})`;
    })) &&
    (await step('read back', async () => {
      const found = (await livePassages()).passages.find((p) => p.id === passage.id);
      if (!found) throw new Error('passages?url= does not return the passage just stored');
      if (found.quote !== passage.quote) throw new Error('the passage came back changed');
      return 'passages?url= returns it unchanged';
    })) &&
    (await step('delete', async () => {
      await status({ op: 'delete', id: passage.id, rev: 2 });
      if ((await livePassages()).passages.some((p) => p.id === passage.id)) throw new Error('it is still listed after the delete');
      return 'it is now a tombstone and no longer listed';
    })) &&
    (await step('codebook', async () => {
      const answer = (await fetchCodebook(endpoint, token)) as { codebook: { themes: unknown[] } };
      return `${answer.codebook.themes.length} themes`;
    }));
  const total = steps.reduce((sum, s) => sum + s.ms, 0);
  log(ok ? `All ${steps.length} steps passed in ${total} ms.` : `Stopped at "${steps.at(-1)!.name}".`);
  return steps;
}

async function main(): Promise<void> {
  const [endpoint, token] = process.argv.slice(2);
  if (!endpoint || !token) {
    console.error('Usage: npm run smoke -- <web app /exec address> <team token>');
    process.exitCode = 2;
    return;
  }
  console.log(`Annotera smoke test against ${endpoint}`);
  const steps = await smoke(endpoint, token, (line) => console.log(line));
  if (!steps.every((s) => s.ok)) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === new URL(import.meta.url).pathname) await main();
