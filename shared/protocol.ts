// The web-app wire format (version 1) between the extension and the add-on: requests, answers, error codes, validators.
import * as v from 'valibot';
import { MAX_FIELD_ERRORS, validateWith, type FieldError, type Validated } from './validation';
import { LIMITS, PassageIdSchema, PassageSchema, RevSchema, UrlSchema, type Passage } from './passage';
import type { Codebook } from './codebook';
import { CodebookSchema } from './codebook-schema';

export const PROTOCOL_VERSION = 1;
export const MAX_OPS = 500;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_TOKEN_LENGTH = 200;
/** How long a client waits for an answer; the add-on sizes its lock wait against it. */
export const CLIENT_TIMEOUT_MS = 30_000;

/** The last three come only from the local runtime, when it cannot save the workbook (nothing was acknowledged). */
export const ERROR_CODES = ['unauthorized', 'invalid_request', 'too_large', 'server_busy', 'internal', 'disk_full', 'read_only', 'storage_failed'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const RESULT_STATUSES = ['applied', 'duplicate', 'stale'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/**
 * The post a passage stands in, sent once with the post's first passage (an optional, compatible addition to v1):
 * its title, its date when the page gives one, and the content root's text that the passages' offsets point into.
 */
export const PostSchema = v.strictObject({
  title: v.pipe(v.string(), v.maxLength(LIMITS.pageTitle, `at most ${LIMITS.pageTitle} characters`)),
  text: v.pipe(v.string(), v.maxLength(LIMITS.postText, `at most ${LIMITS.postText} characters`)),
  published: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2016-03-01'))),
});
export type Post = v.InferOutput<typeof PostSchema>;

export function validatePost(input: unknown): Validated<Post> {
  return validateWith(PostSchema, input);
}

const UpsertOpSchema = v.pipe(
  v.strictObject({ op: v.literal('upsert'), passage: PassageSchema, post: v.optional(PostSchema) }),
  v.forward(
    v.check((op) => !op.post || op.passage.end <= op.post.text.length, 'the passage must lie inside the post\'s text'),
    ['post', 'text'],
  ),
);
const DeleteOpSchema = v.strictObject({ op: v.literal('delete'), id: PassageIdSchema, rev: RevSchema });
export const OpSchema = v.variant('op', [UpsertOpSchema, DeleteOpSchema], 'an op: "upsert" or "delete"');

export const BatchRequestSchema = v.strictObject({
  v: v.literal(PROTOCOL_VERSION, `the protocol version ${PROTOCOL_VERSION}`),
  token: v.pipe(v.string(), v.maxLength(MAX_TOKEN_LENGTH)),
  ops: v.pipe(v.array(v.unknown()), v.minLength(1, 'at least one op'), v.maxLength(MAX_OPS, `at most ${MAX_OPS} ops`), v.array(OpSchema)),
});

export type Op = v.InferOutput<typeof OpSchema>;
export type BatchRequest = v.InferOutput<typeof BatchRequestSchema>;

export const GET_ACTIONS = ['ping', 'codebook', 'passages'] as const;
export type GetAction = (typeof GET_ACTIONS)[number];

export const GetRequestSchema = v.variant('action', [
  v.object({ action: v.literal('ping'), token: v.string() }),
  v.object({ action: v.literal('codebook'), token: v.string() }),
  v.object({ action: v.literal('passages'), token: v.string(), url: UrlSchema }),
], `action: one of ${GET_ACTIONS.join(', ')}`);
export type GetRequest = v.InferOutput<typeof GetRequestSchema>;

export interface OpResult {
  id: string;
  status: ResultStatus;
  rev: number;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: FieldError[];
}

export type Failure = { ok: false; error: ErrorBody };
export type BatchAnswer = { ok: true; results: OpResult[] } | Failure;
export type PingAnswer = { ok: true; version: string; sheetUrl?: string } | Failure;
export type CodebookAnswer = { ok: true; codebook: Codebook } | Failure;
export type PassagesAnswer = { ok: true; passages: Passage[] } | Failure;

const FailureSchema = v.object({
  ok: v.literal(false),
  error: v.object({
    code: v.picklist(ERROR_CODES),
    message: v.string(),
    details: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
  }),
});
const answer = <T extends v.ObjectEntries>(entries: T) =>
  v.union([v.object({ ok: v.literal(true), ...entries }), FailureSchema]);

export const BatchAnswerSchema = answer({
  results: v.array(v.object({ id: v.string(), status: v.picklist(RESULT_STATUSES), rev: v.number() })),
});
/** `sheetUrl` (the spreadsheet's address) is an optional, compatible addition to v1. */
export const PingAnswerSchema = answer({ version: v.string(), sheetUrl: v.optional(v.string()) });
export const CodebookAnswerSchema = answer({ codebook: CodebookSchema });
export const PassagesAnswerSchema = answer({ passages: v.array(PassageSchema) });

export function failure(code: ErrorCode, message: string, details?: FieldError[]): Failure {
  return { ok: false, error: details?.length ? { code, message, details } : { code, message } };
}

/** The refusal of a body over MAX_BODY_BYTES: its size when known (the add-on's count, or the Content-Length), else only that it is over. */
export function bodyTooLarge(bytes?: number): Failure {
  const size = bytes === undefined ? `over ${MAX_BODY_BYTES}` : String(bytes);
  return failure('too_large', `The request body is ${size} bytes; at most ${MAX_BODY_BYTES} are accepted.`);
}

/** The refusal of a request without the team token, the same whoever refuses it (the add-on or the local runtime's door). */
export function unauthorized(): Failure {
  return failure('unauthorized', 'The team token is missing or wrong. Copy it from Annotera → Inställningar (Settings) in the sheet.');
}

/** At most MAX_FIELD_ERRORS errors, the last of them counting the rest when there are more. */
function capped<T>(errors: FieldError[], moreOps = 0): Validated<T> {
  if (errors.length <= MAX_FIELD_ERRORS && moreOps === 0) return { ok: false, errors };
  const kept = MAX_FIELD_ERRORS - 1;
  const rest = errors.length - kept;
  const more = [rest > 0 ? `${rest} more` : '', moreOps > 0 ? `errors in ${moreOps} more ops` : ''].filter(Boolean).join(', and ');
  return { ok: false, errors: [...errors.slice(0, kept), { path: '', message: `and ${more}` }] };
}

const EnvelopeSchema = v.strictObject({ ...BatchRequestSchema.entries, ops: v.pipe(v.array(v.unknown()), v.minLength(1, 'at least one op')) });

/**
 * Validates a parsed POST body; too many ops is reported as too_large, everything else as invalid_request.
 * Time stays linear in the body: once the details are full, later ops are only checked for being invalid at all.
 */
export function validateBatchRequest(input: unknown): Validated<BatchRequest> & { tooLarge?: boolean } {
  const quick = v.safeParse(BatchRequestSchema, input, { abortEarly: true });
  if (quick.success) return { ok: true, value: quick.output };
  const ops = (input as { ops?: unknown } | null)?.ops;
  if (Array.isArray(ops) && ops.length > MAX_OPS) return { ok: false, errors: [], tooLarge: true };
  const envelope = validateWith(EnvelopeSchema, input);
  const errors = envelope.ok ? [] : envelope.errors;
  let moreOps = 0;
  (Array.isArray(ops) ? ops : []).forEach((op, i) => {
    if (errors.length > MAX_FIELD_ERRORS) {
      if (!v.is(OpSchema, op)) moreOps += 1;
      return;
    }
    const checked = validateWith(OpSchema, op);
    if (!checked.ok) errors.push(...checked.errors.map((e) => ({ path: e.path ? `ops.${i}.${e.path}` : `ops.${i}`, message: e.message })));
  });
  return { ...capped<BatchRequest>(errors, moreOps), tooLarge: false };
}

export function validateGetRequest(input: unknown): Validated<GetRequest> {
  return validateWith(GetRequestSchema, input);
}

/** Validates an answer from the web app before the client trusts it. */
export function validateAnswer<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  return validateWith(schema, input);
}
