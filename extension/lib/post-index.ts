// A post's index: which passages the post has and which of them are live, so a save reads and writes no other passage.
import type { Passage } from '../../shared/passage';

/** Passage id → true while the passage is live, false for a tombstone. */
export type PostIndex = Record<string, boolean>;

/** The index with these passages of its post in it; the same object when nothing changes (so nothing is written). */
export function indexWith(index: PostIndex, passages: readonly Passage[]): PostIndex {
  const changed = passages.filter((p) => index[p.id] !== !p.deleted);
  return changed.length ? { ...index, ...Object.fromEntries(changed.map((p) => [p.id, !p.deleted])) } : index;
}

export const hasLive = (index: PostIndex) => Object.values(index).some(Boolean);
