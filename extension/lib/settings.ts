// What the extension keeps in browser storage: settings, the outbox, sync state and the cached codebook (passages: passage-store.ts).
import { storage } from '@wxt-dev/storage';
import { DEFAULT_CODEBOOK, type Codebook } from '../../shared/codebook';
import type { Passage } from '../../shared/passage';
import type { Outbox, PendingPosts } from './outbox';

declare const __ANNOTERA_ENDPOINT__: string;
declare const __ANNOTERA_TOKEN__: string;

export interface Settings {
  endpoint: string;
  token: string;
  author: string;
  /** The spreadsheet's address, as the web app reports it on ping. */
  sheetUrl: string;
}

export interface SyncState {
  lastError: { code: string; message: string; at: string } | null;
  lastSentAt: string | null;
  attempts: number;
  /** When the scheduled retry is due (ISO time), while sends fail; absent in states stored before it was kept. */
  retryAt?: string | null;
  /** The settings fingerprint for which the sheet said unauthorized: no retry until the settings change. */
  stoppedFor: string | null;
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { endpoint: __ANNOTERA_ENDPOINT__, token: __ANNOTERA_TOKEN__, author: '', sheetUrl: '' },
});
/** Passages by id (each is kept under its own key: see storage-keys.ts). */
export type PostPassages = Record<string, Passage>;
export const outboxItem = storage.defineItem<Outbox>('local:outbox', { fallback: {} });
/** Posts' texts waiting to be sent with their first passage (see outbox.nextBatch). */
export const pendingPostsItem = storage.defineItem<PendingPosts>('local:pending-posts', { fallback: {} });
export const syncStateItem = storage.defineItem<SyncState>('local:sync-state', {
  fallback: { lastError: null, lastSentAt: null, attempts: 0, stoppedFor: null },
});
export const codebookItem = storage.defineItem<{ codebook: Codebook; fetchedAt: string | null }>('local:codebook', {
  fallback: { codebook: DEFAULT_CODEBOOK, fetchedAt: null },
});

export const isConfigured = (settings: Settings) => Boolean(settings.endpoint && settings.token);
export const fingerprint = (settings: Settings) => `${settings.endpoint}\n${settings.token}`;
