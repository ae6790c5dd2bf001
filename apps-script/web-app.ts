// The web app: doPost takes batches of passage ops, doGet answers ping, codebook and a page's passages — wire format v1.
import { validatePassage } from '../shared/passage';
import {
  bodyTooLarge, failure, MAX_BODY_BYTES, MAX_OPS, unauthorized, validateBatchRequest, validateGetRequest,
  type BatchAnswer, type Failure, type OpResult,
} from '../shared/protocol';
import { postIdentity } from '../shared/url';
import { applyOps } from './apply-ops';
import { planPassageWrites, readPassages, readStore, rowWriter, storageOrder } from './passage-store';
import { planPostsTab } from './posts-tab';
import { readLinkTarget } from './link-setting';
import { planDerivedTabs, readCodebook, writeDerivedTabs } from './rebuild';
import { propertiesOf, withSheetsBatch, type SheetsBatch } from './sheets-batch';
import { openTabs, readToken } from './tabs';
import { tokensMatch } from './team-token';
import { BUSY_MESSAGE, withScriptLock } from './script-lock';

declare const __ANNOTERA_VERSION__: string;

type Answer = Record<string, unknown> & { ok: boolean };

/** Bytes of a string in UTF-8, without a service call. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function authorised(token: unknown, properties = PropertiesService.getDocumentProperties()): boolean {
  return tokensMatch(token, readToken(properties));
}

/** Handles a POST body: size, JSON, token, shape, then the batch under the script lock. */
export function handlePost(body: string): BatchAnswer {
  const bytes = utf8Length(body);
  if (bytes > MAX_BODY_BYTES) return bodyTooLarge(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return failure('invalid_request', 'The request body is not JSON.');
  }
  const properties = PropertiesService.getDocumentProperties();
  if (!authorised((parsed as { token?: unknown } | null)?.token, properties)) return unauthorized();
  const request = validateBatchRequest(parsed);
  if (!request.ok) {
    return request.tooLarge
      ? failure('too_large', `A batch holds at most ${MAX_OPS} ops.`)
      : failure('invalid_request', 'The request does not have the expected shape.', request.errors);
  }
  // Sheets API calls only: nothing is queued in SpreadsheetApp, so nothing needs a flush before the lock is released.
  const written = withScriptLock(() => withSheetsBatch(properties, (batch) => writeBatch(batch, request.value.ops)), false);
  return written ? { ok: true, results: written.value } : failure('server_busy', BUSY_MESSAGE);
}

/**
 * Applies a batch: reads Passager, the codebook, the stored state and whatever the derived tabs need, computes,
 * then writes only the Passager rows that changed and only the derived tabs that are stale — no read after a write.
 * A batch that changes nothing (a retry answered `duplicate`) still rebuilds derived tabs that are stale.
 */
function writeBatch(batch: SheetsBatch, ops: Parameters<typeof applyOps>[1]): OpResult[] {
  const { tabs } = batch;
  const store = readStore(tabs);
  const applied = applyOps(store.passages, ops, new Date().toISOString());
  const codebook = readCodebook(tabs);
  const rows = rowWriter(tabs, codebook);
  const unchanged = new Set(store.passages);
  // The passages as the tabs will give them back, in their order, so that the next request computes the same fingerprint.
  const asRead = storageOrder(applied.passages).map((p) => (unchanged.has(p) ? p : rows.asRead(p)));
  const posts = ops.flatMap((op) => (op.op === 'upsert' && op.post ? [{ ...op.post, url: op.passage.url }] : []));
  const derived = planDerivedTabs(batch, asRead, false, codebook);
  const target = readLinkTarget(propertiesOf(batch));
  const postsTab = planPostsTab(tabs, asRead, posts, target);
  const passages = planPassageWrites(tabs, store, applied.passages, rows.toRow, target);
  const grew = passages();
  postsTab.write();
  writeDerivedTabs(derived, grew);
  return applied.results;
}

/** Handles a GET: ping, codebook, or the live passages of one post. */
export function handleGet(parameters: Record<string, string | undefined>): Answer {
  if (!authorised(parameters.token)) return unauthorized();
  const request = validateGetRequest(parameters);
  if (!request.ok) return failure('invalid_request', 'Unknown action or missing parameters.', request.errors);
  if (request.value.action === 'ping') {
    return { ok: true, version: __ANNOTERA_VERSION__, sheetUrl: SpreadsheetApp.getActiveSpreadsheet().getUrl() };
  }
  const tabs = openTabs();
  if (request.value.action === 'codebook') return { ok: true, codebook: readCodebook(tabs) };
  const url = postIdentity(request.value.url);
  // A row the team has edited by hand into something invalid is left out rather than spoiling the whole answer.
  const passages = readPassages(tabs).filter((p) => !p.deleted && p.url === url && validatePassage(p).ok);
  return { ok: true, passages };
}

/** Runs a handler and turns any exception into an `internal` answer that says what went wrong. */
export function answering(handler: () => Answer): Answer | Failure {
  try {
    return handler();
  } catch (error) {
    return failure('internal', `The add-on failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
