// Keeps the local copy of a page's passages in step with the sheet: colleagues' passages come in, unsent local edits win.
import type { Passage } from '../../shared/passage';
import type { Outbox } from './outbox';

/** Local passages merged with the sheet's: the sheet's version is taken when it is newer and nothing local is waiting. */
export function mergeFromSheet(local: Readonly<Record<string, Passage>>, fromSheet: readonly Passage[], outbox: Outbox): Record<string, Passage> {
  const merged = { ...local };
  for (const passage of fromSheet) {
    const mine = merged[passage.id];
    if (outbox[passage.id] !== undefined) continue;
    if (!mine || passage.rev > mine.rev) merged[passage.id] = passage;
  }
  return merged;
}

export const livePassagesOf = (passages: Readonly<Record<string, Passage>>, url: string) =>
  Object.values(passages).filter((p) => p.url === url && !p.deleted);
