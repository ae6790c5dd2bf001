// Keeps a copy of a page's passages in step: colleagues' passages come in from the sheet, unsent local edits win, and
// the page takes in its post's passages as they are stored.
import type { Passage } from '../../shared/passage';
import type { Outbox } from './outbox';
import { PASSAGE_PREFIX } from './storage-keys';

/** Known passages with newer versions merged in: a version is taken when its rev is higher and no local edit waits. */
export function mergeNewer(known: Readonly<Record<string, Passage>>, newer: readonly Passage[], outbox: Outbox = {}): Record<string, Passage> {
  const merged = { ...known };
  for (const passage of newer) {
    const mine = merged[passage.id];
    if (outbox[passage.id] !== undefined) continue;
    if (!mine || passage.rev > mine.rev) merged[passage.id] = passage;
  }
  return merged;
}

export const livePassagesOf = (passages: Readonly<Record<string, Passage>>, url: string) =>
  Object.values(passages).filter((p) => p.url === url && !p.deleted);

/** The passages of a post among changes to chrome.storage.local, as they are stored now. */
export const storedPassagesOf = (changes: Record<string, { newValue?: unknown }>, url: string) =>
  Object.entries(changes).flatMap(([key, { newValue }]) =>
    key.startsWith(PASSAGE_PREFIX) && (newValue as Passage | undefined)?.url === url ? [newValue as Passage] : []);
