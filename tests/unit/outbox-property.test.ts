// The outbox proven by properties: random interleavings of saves, edits, deletes, page opens, sends and their answers,
// timers and alarms, worker stops and settings changes, run on the real store and sync modules over WXT's fake browser
// and a simulated sheet. A stopped worker stays stopped until something wakes it, as in Chrome.
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
  | { t: 'send' | 'timer' | 'alarm'; wait: Wait }
  | { t: 'answer'; pick: number; outcome: Outcome; wait: Wait }
  | { t: 'stop'; arrived: boolean }
  | { t: 'settings'; to: keyof typeof SETTINGS; wait: Wait };

const wait = fc.oneof(fc.constant<Wait>('quiet'), fc.integer({ min: 0, max: 40 }));
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('save' as const), post: fc.integer({ min: 0, max: POSTS.length - 1 }), wait }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constantFrom('edit' as const, 'delete' as const), pick: fc.nat(), wait }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('open' as const), post: fc.integer({ min: 0, max: POSTS.length - 1 }), wait }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constantFrom('send' as const, 'timer' as const, 'alarm' as const), wait }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('answer' as const), pick: fc.nat(), outcome: fc.constantFrom<Outcome>('ok', 'failed', 'timed-out', 'busy'), wait }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('stop' as const), arrived: fc.boolean() }) },
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

/** Timers set in a worker: they fire on 'timer' and 'alarm' steps while that worker runs, and go with it when it stops. */
const timers = new Map<number, { worker: number; run: () => void }>();
let lastTimer = 0;
const realSet = globalThis.setTimeout;
const realClear = globalThis.clearTimeout;

function holdTimersOfWorkers(): void {
  timers.clear();
  vi.stubGlobal('setTimeout', (run: () => void, ...rest: unknown[]) => {
    const worker = lifetime.getStore();
    if (worker === undefined) return realSet(run, ...(rest as [number]));
    timers.set((lastTimer += 1), { worker, run });
    return lastTimer;
  });
  vi.stubGlobal('clearTimeout', (id: unknown) => (typeof id === 'number' && timers.has(id) ? void timers.delete(id) : realClear(id as NodeJS.Timeout)));
}

/** Some seconds pass: the running worker's timers fire, in its context; a stopped worker's timers are gone. */
function fireTimers(): number {
  const due = [...timers].filter(([, timer]) => timer.worker === running);
  timers.clear();
  for (const [, timer] of due) lifetime.run(running, timer.run);
  return due.length;
}

/** Lets every pending step run until all that is left waits on the network (fake storage answers in microtasks). */
async function quiet(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

async function pause(w: Wait): Promise<void> {
  if (w === 'quiet') return quiet();
  for (let i = 0; i < w; i += 1) await Promise.resolve();
}

/** A new worker's modules, loaded afresh (their state in memory is new); storage and alarms are kept by the browser. */
async function loadModules() {
  running += 1;
  vi.resetModules();
  const [store, sync, settings] = await inRunningWorker(() => Promise.all([
    import('../../extension/lib/passage-store'),
    import('../../extension/lib/sync'),
    import('../../extension/lib/settings'),
  ]));
  return {
    ...store,
    ...sync,
    ...settings,
    /** What the background does with a save-passage message. */
    save: async (passage: Passage) => {
      const stored = await store.storePassage(passage);
      await sync.sendStored();
      return stored;
    },
  };
}
type Worker = Awaited<ReturnType<typeof loadModules>>;

/** A service worker starting, as an event (a message, an alarm, a storage change) starts it. */
async function startWorker(): Promise<Worker> {
  const worker = await loadModules();
  inRunningWorker(() => worker.startSync());
  return worker;
}

/** The browser stops the worker wherever it is: its listeners and timers go, its requests in flight are never answered to it. */
function stopWorker(sheet: SheetSimulation, arrived: boolean): void {
  running += 1;
  timers.clear();
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

/** The alarms that are due, taken from the browser (the fake hands out its own list, so a copy). */
async function takeAlarms() {
  const alarms = [...(await fakeBrowser.alarms.getAll())];
  await fakeBrowser.alarms.clearAll();
  return alarms;
}

test.prop([fc.array(step, { minLength: 1, maxLength: 60 })], { numRuns: 150 })(
  'whatever happens, once the network is back every passage’s latest rev reaches the sheet exactly once with nobody waking the worker, and nothing is shown as sent before it is',
  async (steps) => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    const sheet = new SheetSimulation(TOKEN);
    stopCallsOfStoppedWorkers(sheet);
    holdTimersOfWorkers();
    /** The running worker, or null while the browser has it stopped. */
    let worker: Worker | null = await startWorker();
    /** The modules of a stopped worker's storage, loaded only to check it (no sync runs in them). */
    let reader: Worker | null = null;
    let settings: keyof typeof SETTINGS = 'good';
    await inRunningWorker(() => worker!.settingsItem.setValue(SETTINGS[settings]));
    /** What the user saved last, per passage: the truth the sheet must end up with. */
    const latest = new Map<string, Passage>();
    /** Saves not yet answered; a save whose worker stopped is not answered, and the user saves it again. */
    const pending = new Set<{ passage: Passage; answer: Promise<boolean> }>();
    let made = 0;
    const live = () => [...latest.values()].filter((p) => !p.deleted);
    /** The worker an event goes to: the running one, or one the event starts. */
    const woken = async (): Promise<Worker> => {
      reader = null;
      return (worker ??= await startWorker());
    };
    const current = async () => worker ?? (reader ??= await loadModules());
    const send = async (passage: Passage) => {
      const to = await woken();
      const save = { passage, answer: inRunningWorker(() => to.save(passage)) };
      pending.add(save);
      void save.answer.finally(() => pending.delete(save));
    };
    const save = (passage: Passage) => {
      latest.set(passage.id, passage);
      return send(passage);
    };
    /** Chrome fires the alarms that are set, starting the worker for them if it is stopped. */
    const fireAlarms = async () => {
      const alarms = await takeAlarms();
      if (alarms.length) await woken();
      for (const alarm of alarms) await inRunningWorker(() => fakeBrowser.alarms.onAlarm.trigger(alarm));
      return alarms.length;
    };

    for (const s of steps) {
      if (s.t === 'save') {
        made += 1;
        await save(makePassage({ id: `00000000-0000-4000-8000-${String(made).padStart(12, '0')}`, url: POSTS[s.post], note: `n${made}` }));
      } else if (s.t === 'edit' || s.t === 'delete') {
        const target = live()[s.pick % Math.max(1, live().length)];
        if (target) await save(s.t === 'edit' ? editPassage(target, { kind: 'plan', themes: [], municipality: '0182', note: `edit ${target.rev}` }, target.updatedAt) : deletePassage(target, target.updatedAt));
      } else if (s.t === 'open') {
        const to = await woken();
        void inRunningWorker(() => to.pullPost(POSTS[s.post])); // page-passages, besides reading the post
      } else if (s.t === 'send') {
        const to = await woken();
        void inRunningWorker(() => to.flush());
      } else if (s.t === 'timer') fireTimers();
      else if (s.t === 'alarm') {
        fireTimers();
        await fireAlarms();
      } else if (s.t === 'answer') sheet.held[s.pick % Math.max(1, sheet.held.length)]?.answer(s.outcome);
      else if (s.t === 'settings') {
        settings = s.to;
        const to = await woken(); // the options page writes the settings; the change starts the worker
        await inRunningWorker(() => to.settingsItem.setValue(SETTINGS[settings]));
      } else if (s.t === 'stop' && worker) {
        const unanswered = [...pending];
        pending.clear();
        stopWorker(sheet, s.arrived);
        worker = null;
        // The toolbar showed an error for each: the user saves them again (which starts a worker), in the order made.
        for (const { passage } of unanswered) await send(passage);
      }
      await pause('wait' in s ? s.wait : 'quiet');
      const checked = await current();
      await inRunningWorker(() => expectNoFalseSent(checked, sheet));
    }

    // The network is back and the settings are right (where they were not, the user puts them right, which starts the
    // worker); nobody does anything else: the answers come, and the timers and alarms the extension set fire.
    if (settings !== 'good') {
      const to = await woken();
      await inRunningWorker(() => to.settingsItem.setValue(SETTINGS.good));
    }
    await quiet();
    for (let round = 0; round < 50; round += 1) {
      const held = sheet.held.length;
      sheet.answerAll();
      const fired = fireTimers() + (await fireAlarms());
      await quiet();
      const checked = await current();
      await inRunningWorker(() => expectNoFalseSent(checked, sheet));
      if (!held && !fired && !sheet.held.length) break;
    }
    const end = await current();
    expect(pending.size, 'every save of the running worker is answered').toBe(0);
    expect(await inRunningWorker(() => end.readOutbox()), 'the outbox is empty').toEqual({});
    const stored = await inRunningWorker(() => end.readPosts(POSTS));
    for (const passage of latest.values()) {
      expect(stored[passage.id], 'kept in the browser').toEqual(passage);
      expect(sheet.rows.filter((row) => row.id === passage.id), 'in the sheet exactly once, at its latest rev').toEqual([passage]);
    }
    expect(sheet.rows).toHaveLength(latest.size);
    expect((await inRunningWorker(() => end.syncSummary())).unsent).toBe(0);
  },
  // 150 sequences take 15–25 s on a loaded 2-core machine; room for a machine under stress-ng (npm run test:soak).
  300_000,
);
