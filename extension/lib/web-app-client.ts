// Talks to the sheet's web app in wire format v1: simple requests (text/plain POST, GET), answers validated before use.
import type * as v from 'valibot';
import {
  BatchAnswerSchema, CLIENT_TIMEOUT_MS, CodebookAnswerSchema, PassagesAnswerSchema, PROTOCOL_VERSION,
  validateAnswer, type ErrorBody, type Op,
} from '../../shared/protocol';
import { ADDON_VERSION_NEEDED, addressProblem, diagnosePing, diagnosisSummary, type Diagnosis, type PingOutcome } from './connection-doctor';

/** A failure with a stable code: the web app's own codes, or `network` / `bad_answer` from this side. */
export class WebAppError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

import { messageOf } from './thrown';

export { messageOf };

/** Anything thrown, as a WebAppError (unknown failures are `internal`). */
export const asWebAppError = (error: unknown) => (error instanceof WebAppError ? error : new WebAppError('internal', messageOf(error)));

/** Sends a request and returns the web app's answer; a refusal (`ok: false`) is thrown as a WebAppError with its code. */
async function exchange<S extends v.GenericSchema>(url: string, init: RequestInit, schema: S): Promise<Extract<v.InferOutput<S>, { ok: true }>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'follow', credentials: 'omit', signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
  } catch (error) {
    throw new WebAppError('network', `The web app could not be reached (${messageOf(error)}).`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const diagnosis = diagnosePing({ page: { status: response.status, url: response.url, text } });
    throw new WebAppError('bad_answer', `The web app answered HTTP ${response.status} without JSON: ${diagnosisSummary(diagnosis)}.`);
  }
  const checked = validateAnswer(schema, body);
  if (!checked.ok) throw new WebAppError('bad_answer', 'The web app answered in a form this extension does not know.');
  const answer = checked.value as { ok: boolean; error?: ErrorBody };
  if (!answer.ok) throw new WebAppError(answer.error!.code, answer.error!.message);
  return checked.value as Extract<v.InferOutput<S>, { ok: true }>;
}

const query = (endpoint: string, parameters: Record<string, string>) => `${endpoint}${endpoint.includes('?') ? '&' : '?'}${new URLSearchParams(parameters)}`;

export function sendBatch(endpoint: string, token: string, ops: Op[]) {
  const body = JSON.stringify({ v: PROTOCOL_VERSION, token, ops });
  return exchange(endpoint, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=utf-8' } }, BatchAnswerSchema);
}

export const fetchCodebook = (endpoint: string, token: string) => exchange(query(endpoint, { action: 'codebook', token }), {}, CodebookAnswerSchema);
export const fetchPassages = (endpoint: string, token: string, url: string) =>
  exchange(query(endpoint, { action: 'passages', token, url }), {}, PassagesAnswerSchema);

/** True when the address answers with a redirect (an opaque one in the extension's worker, a plain 3xx elsewhere). */
async function redirectsAway(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { redirect: 'manual', credentials: 'omit', signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
    return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
  } catch {
    return false;
  }
}

/** Pings the web app and says what is wrong, if anything (see connection-doctor.ts); never throws. */
export async function checkConnection(endpoint: string, token: string, needed = ADDON_VERSION_NEEDED): Promise<Diagnosis> {
  const problem = addressProblem(endpoint);
  if (problem) return problem;
  const url = query(endpoint.trim(), { action: 'ping', token });
  let outcome: PingOutcome;
  try {
    const response = await fetch(url, { redirect: 'follow', credentials: 'omit', signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
    outcome = { page: { status: response.status, url: response.url, text: await response.text() } };
  } catch (error) {
    // A redirect to a host without the extension's permission fails like a network error; asking again without following tells them apart.
    outcome = (await redirectsAway(url)) ? { blockedRedirect: true } : { networkError: messageOf(error) };
  }
  return diagnosePing(outcome, needed);
}
