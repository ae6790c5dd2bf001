// The messages between content script, popup, options page and background, and a typed way to send them.
import type { Codebook } from '../../shared/codebook';
import type { Passage } from '../../shared/passage';
import type { Post } from '../../shared/protocol';
import type { Diagnosis } from './connection-doctor';
import type { Section } from '../../shared/post-structure';
import type { Settings, SyncState } from './settings';

export interface PagePassage {
  passage: Passage;
  anchored: boolean;
  /** Where it is found in the post's text now (null for an orphan): the panel lists in reading order. */
  start: number | null;
}

export interface PageState {
  url: string;
  title: string;
  /** The content root's text and its sections, for suggestions from the post's structure. */
  text: string;
  sections: Section[];
  /** Municipality codes found in the post, best first. */
  detected: string[];
  passages: PagePassage[];
}

export interface SyncSummary {
  unsent: number;
  unsentIds: string[];
  state: SyncState;
  configured: boolean;
  sheetUrl: string;
}

export type Request =
  | { type: 'save-passage'; passage: Passage; post?: Post }
  | { type: 'page-passages'; url: string }
  | { type: 'author' }
  | { type: 'sync-now' }
  | { type: 'sync-summary' }
  | { type: 'check-connection'; settings: Settings }
  | { type: 'refresh-codebook' }
  | { type: 'get-codebook' }
  | { type: 'open-toolbar' }
  | { type: 'page-state' }
  | { type: 'scroll-to'; id: string }
  | { type: 'reattach'; id: string }
  | { type: 'page-changed'; url: string };

export interface Responses {
  'save-passage': { ok: true };
  'page-passages': Passage[];
  author: string;
  'sync-now': SyncSummary;
  'sync-summary': SyncSummary;
  'check-connection': Diagnosis;
  'refresh-codebook': { ok: true; codebook: Codebook } | { ok: false; code: string; message: string };
  'get-codebook': Codebook;
  'open-toolbar': { opened: boolean };
  'page-state': PageState | null;
  'scroll-to': { found: boolean };
  reattach: { ok: true } | { ok: false; message: string };
  'page-changed': undefined;
}

export function send<R extends Request>(request: R): Promise<Responses[R['type']]> {
  return browser.runtime.sendMessage(request);
}

export function sendToTab<R extends Request>(tabId: number, request: R): Promise<Responses[R['type']]> {
  return browser.tabs.sendMessage(tabId, request);
}
