// The outbox proven by properties: random interleavings of saves, edits, deletes, page opens, sends and their answers,
// worker restarts and settings changes, run on the real store and sync modules over WXT's fake browser and a simulated sheet.
import { AsyncLocalStorage } from 'node:async_hooks';
import { fc, test } from '@fast-check/vitest';
import { expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Passage } from '../../shared/passage';
import { deletePassage, editPassage } from '../../extension/lib/passage-edit';
import { makePassage } from '../helpers/passages';
import { SheetSimulation, type Outcome } from '../helpers/sheet-simulation';

const TOKEN = 'good-token-0123456789abcdef0123456789';
const POSTS = ['http://www.socialbarnungdom.se/a/', 'http://www.socialbarnungdom.se/b/', 'http://www.socialbarnungdom.se/c/'];
const SETTINGS = {
  good: { endpoint: 'http://sheet.test/exec', token: TOKEN, author: 'A', sheetUrl: '' },
  'wrong-token': { endpoint: 'http://sheet.test/exec', token: 'wrong-token-0123456789abcdef012345678', author: 'A', sheetUrl: '' },
  unconfigured: { endpoint: '', token: '', author: 'A', sheetUrl: '' },
};

/** After a step: run until only the network is awaited ('quiet'), or let that many microtasks pass, so steps interleave. */
type Wait = 'quiet' | number;
type Step =
  | { t: 'save' | 'open'; post: number; wait: Wait }
  | { t: 'edit' | 'delete'; pick: number; wait: Wait }
  | { t: 'send' | 'alarm'; wait: Wait }
  | { t: 'answer'; pick: number; outcome: Outcome; wait: Wait }
  | { t: 'restart'; arrived: boolean }
  | { t: 'settings'; to: keyof typeof SETTINGS; wait: Wait };

const wait = fc.oneof(fc.constant<Wait>('quiet'), fc.integer({ min: 0, max: 40 }));
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('save' as const), post: fc.integer({ min: 0, max: POSTS.length - 1 }), wait }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constantFrom('edit' as const, 'delete' as const), pick: fc.nat(), wait }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('open' as const), post: fc.integer({ min: 0, max: POSTS.length - 1 }), wait }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constantFrom('send' as const, 'alarm' as const), wait }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('answer' as const), pick: fc.nat(), outcome: fc.constantFrom<Outcome>('ok', 'failed', 'timed-out', 'busy'), wait }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('restart' as const), arrived: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('settings' as const), to: fc.constantFrom<keyof typeof SETTINGS>('good', 'wrong-token', 'unconfigured'), wait }) },
);

/**
 * Which worker a piece of code runs in. A stopped worker runs no more code: its storage and network calls made after
 * the stop never complete (a call already made has happened, as a storage write in Chrome either happened or not).
 */
const lifetime = new AsyncLocalStorage<number>();
let running = 0;
const inRunningWorker = <T>(work: () => T): T => lifetime.run(running, work);
const isRunning = () => lifetime.getStore() === running;
const never = () => new Promise<never>(() => undefined);

function stopCallsOfStoppedWorkers(sheet: SheetSimulation): void {
  const local = fakeBrowser.storage.local;
  for (const name of ['get', 'set', 'remove'] as const) {
    const real = local[name].bind(local) as (...args: unknown[]) => Promise<unknown>;
    vi.spyOn(local, name).mockImplementation(((...args: unknown[]) => (isRunning() ? real(...args) : never())) as never);
  }
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => (isRunning() ? sheet.fetch(url, init) : never()));
}

/** Lets every pending step run until all that is left waits on the network (fake storage answers in microtasks). */
async function quiet(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

async function pause(w: Wait): Promise<void> {
  if (w === 'quiet') return quiet();
  for (let i = 0; i < w; i += 1) await Promise.resolve();
}

/** A service worker: the modules loaded afresh (their state in memory is new), storage and alarms kept by the browser. */
async function startWorker() {
  running += 1;
  vi.resetModules();
  const [store, sync, settings] = await inRunningWorker(() => Promise.all([
    import('../../extension/lib/passage-store'),
    import('../../extension/lib/sync'),
    import('../../extension/lib/settings'),
  ]));
  inRunningWorker(() => sync.startSync());
  return {
    ...store,
    ...sync,
    ...settings,
    /** What the background does with a save-passage message. */
    save: async (passage: Passage) => {
      const stored = await store.storePassage(passage);
      void sync.flush();
      return stored;
    },
  };
}
type Worker = Awaited<ReturnType<typeof startWorker>>;

/** The browser stops the worker wherever it is: its listeners go, its requests in flight are never answered to it. */
function stopWorker(sheet: SheetSimulation, arrived: boolean): void {
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.storage.local.onChanged.removeAllListeners();
  fakeBrowser.storage.onChanged.removeAllListeners();
  for (const request of [...sheet.held]) request.abandon(arrived);
}

/** The popup marks a passage "sent" when it is not in the summary's unsent list: that rev must be in the sheet. */
async function expectNoFalseSent(worker: Worker, sheet: SheetSimulation): Promise<void> {
  const stored = Object.values(await worker.readPosts(POSTS)); // first the passages, then the summary (see below)
  const { unsentIds } = await worker.syncSummary();
  // A passage and its outbox entry are written together, and an entry leaves only when the sheet holds its rev:
  // so a passage read before the summary and missing from its unsent list has that rev, or a later one, in the sheet.
  for (const passage of stored) if (!unsentIds.includes(passage.id)) expect(sheet.rev(passage.id), `${passage.id} shown as sent`).toBeGreaterThanOrEqual(passage.rev);
}

async function fireScheduledAlarms(): Promise<number> {
  const alarms = [...(await fakeBrowser.alarms.getAll())]; // a copy: the fake hands out its own list
  await fakeBrowser.alarms.clearAll();
  for (const alarm of alarms) await fakeBrowser.alarms.onAlarm.trigger(alarm);
  return alarms.length;
}

test.prop([fc.array(step, { minLength: 1, maxLength: 60 })], { numRuns: 150 })(
  'whatever happens, once the network is back every passage’s latest rev is in the sheet exactly once, and nothing is shown as sent before it is',
  async (steps) => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    const sheet = new SheetSimulation(TOKEN);
    stopCallsOfStoppedWorkers(sheet);
    let worker = await startWorker();
    await inRunningWorker(() => worker.settingsItem.setValue(SETTINGS.good));
    /** What the user saved last, per passage: the truth the sheet must end up with. */
    const latest = new Map<string, Passage>();
    /** Saves not yet answered; a save whose worker stopped is not answered, and the user saves it again. */
    const pending = new Set<{ passage: Passage; answer: Promise<boolean> }>();
    let made = 0;
    const live = () => [...latest.values()].filter((p) => !p.deleted);
    const send = (passage: Passage) => {
      const save = { passage, answer: inRunningWorker(() => worker.save(passage)) };
      pending.add(save);
      void save.answer.finally(() => pending.delete(save));
    };
    const save = (passage: Passage) => {
      latest.set(passage.id, passage);
      send(passage);
    };

    for (const s of steps) {
      if (s.t === 'save') {
        made += 1;
        save(makePassage({ id: `00000000-0000-4000-8000-${String(made).padStart(12, '0')}`, url: POSTS[s.post], note: `n${made}` }));
      } else if (s.t === 'edit' || s.t === 'delete') {
        const target = live()[s.pick % Math.max(1, live().length)];
        if (target) save(s.t === 'edit' ? editPassage(target, { kind: 'plan', themes: [], municipality: '0182', note: `edit ${target.rev}` }, target.updatedAt) : deletePassage(target, target.updatedAt));
      } else if (s.t === 'open') void inRunningWorker(() => worker.pullPost(POSTS[s.post])); // page-passages, besides reading the post
      else if (s.t === 'send') void inRunningWorker(() => worker.flush());
      else if (s.t === 'alarm') await inRunningWorker(fireScheduledAlarms);
      else if (s.t === 'answer') sheet.held[s.pick % Math.max(1, sheet.held.length)]?.answer(s.outcome);
      else if (s.t === 'settings') await inRunningWorker(() => worker.settingsItem.setValue(SETTINGS[s.to]));
      else if (s.t === 'restart') {
        const unanswered = [...pending];
        pending.clear();
        stopWorker(sheet, s.arrived);
        worker = await startWorker();
        // The toolbar showed an error for each: the user saves them again, in the order made.
        for (const { passage } of unanswered) send(passage);
      }
      await pause('wait' in s ? s.wait : 'quiet');
      await inRunningWorker(() => expectNoFalseSent(worker, sheet));
    }

    // The network is back and the settings are right: the answers come, and the retries the extension scheduled fire.
    await inRunningWorker(() => worker.settingsItem.setValue(SETTINGS.good));
    await quiet();
    for (let round = 0; round < 50; round += 1) {
      const held = sheet.held.length;
      sheet.answerAll();
      const fired = await inRunningWorker(fireScheduledAlarms);
      await quiet();
      await inRunningWorker(() => expectNoFalseSent(worker, sheet));
      if (!held && !fired && !sheet.held.length) break;
    }
    expect(pending.size, 'every save of the running worker is answered').toBe(0);
    expect(await inRunningWorker(() => worker.readOutbox()), 'the outbox is empty').toEqual({});
    const stored = await inRunningWorker(() => worker.readPosts(POSTS));
    for (const passage of latest.values()) {
      expect(stored[passage.id], 'kept in the browser').toEqual(passage);
      expect(sheet.rows.filter((row) => row.id === passage.id), 'in the sheet exactly once, at its latest rev').toEqual([passage]);
    }
    expect(sheet.rows).toHaveLength(latest.size);
    expect((await inRunningWorker(() => worker.syncSummary())).unsent).toBe(0);
  },
  // 150 sequences take 15–25 s on a loaded 2-core machine; room for a machine under stress-ng (npm run test:soak).
  300_000,
);
