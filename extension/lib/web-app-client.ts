// Talks to the sheet's web app in wire format v1: simple requests (text/plain POST, GET), answers validated before use.
import type * as v from 'valibot';
import {
  BatchAnswerSchema, CLIENT_TIMEOUT_MS, CodebookAnswerSchema, PassagesAnswerSchema, PingAnswerSchema, PROTOCOL_VERSION,
  validateAnswer, type ErrorBody, type Op,
} from '../../shared/protocol';

/** A failure with a stable code: the web app's own codes, or `network` / `bad_answer` from this side. */
export class WebAppError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** The message of anything thrown. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Anything thrown, as a WebAppError (unknown failures are `internal`). */
export const asWebAppError = (error: unknown) => (error instanceof WebAppError ? error : new WebAppError('internal', messageOf(error)));


async function exchange<S extends v.GenericSchema>(url: string, init: RequestInit, schema: S): Promise<v.InferOutput<S>> {
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
    throw new WebAppError('bad_answer', `The web app answered HTTP ${response.status} without JSON. Check the address and that the deployment gives access to anyone.`);
  }
  const checked = validateAnswer(schema, body);
  if (!checked.ok) throw new WebAppError('bad_answer', 'The web app answered in a form this extension does not know.');
  const answer = checked.value as { ok: boolean; error?: ErrorBody };
  if (!answer.ok) throw new WebAppError(answer.error!.code, answer.error!.message);
  return checked.value;
}

const query = (endpoint: string, parameters: Record<string, string>) => `${endpoint}${endpoint.includes('?') ? '&' : '?'}${new URLSearchParams(parameters)}`;

export function sendBatch(endpoint: string, token: string, ops: Op[]) {
  const body = JSON.stringify({ v: PROTOCOL_VERSION, token, ops });
  return exchange(endpoint, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=utf-8' } }, BatchAnswerSchema);
}

export const ping = (endpoint: string, token: string) => exchange(query(endpoint, { action: 'ping', token }), {}, PingAnswerSchema);
export const fetchCodebook = (endpoint: string, token: string) => exchange(query(endpoint, { action: 'codebook', token }), {}, CodebookAnswerSchema);
export const fetchPassages = (endpoint: string, token: string, url: string) =>
  exchange(query(endpoint, { action: 'passages', token, url }), {}, PassagesAnswerSchema);
