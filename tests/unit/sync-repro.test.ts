import { expect, test, vi } from 'vitest';
import { storage } from '@wxt-dev/storage';
import { fakeBrowser } from 'wxt/testing';
import { enqueue } from '../../extension/lib/outbox';
import { outboxItem, passagesItem, settingsItem } from '../../extension/lib/settings';
import { flush } from '../../extension/lib/sync';
import { exclusive } from '../../extension/lib/exclusive';
import { makePassage } from '../helpers/passages';
import type { Passage } from '../../shared/passage';

const save = (passage: Passage) => exclusive(async () => {
  const passages = await passagesItem.getValue();
  await storage.setItems([
    { item: passagesItem, value: { ...passages, [passage.id]: passage } },
    { item: outboxItem, value: enqueue(await outboxItem.getValue(), passage) },
  ]);
});

test('repro: saves landing at every storage read of a running send all reach the sheet', async () => {
  fakeBrowser.reset();
  const sheet = new Map<string, number>();
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const { ops } = JSON.parse(String(init.body));
    const results = ops.map((op: { passage: Passage }) => { sheet.set(op.passage.id, op.passage.rev); return { id: op.passage.id, status: 'applied', rev: op.passage.rev }; });
    return new Response(JSON.stringify({ ok: true, results }));
  });
  await settingsItem.setValue({ endpoint: 'http://sheet.test/exec', token: 't'.repeat(40), author: 'A', sheetUrl: '' });
  const saved: Passage[] = [];
  const saves: Promise<void>[] = [];
  const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
    if (saved.length < 30) { const p = makePassage(); saved.push(p); saves.push(save(p)); }
    return get(keys);
  });
  const hooks = { schedule: async () => {}, cancel: async () => {}, badge: async () => {} };
  const first = makePassage(); saved.push(first); await save(first);
  await flush(hooks);
  await Promise.all(saves);
  vi.restoreAllMocks();
  await flush(hooks);
  expect(saved.filter((p) => !sheet.has(p.id)).length).toBe(0);
});
