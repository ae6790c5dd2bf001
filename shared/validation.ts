// Turns valibot results into plain field errors ({ path, message }) that both sides report the same way.
import * as v from 'valibot';

export interface FieldError {
  path: string;
  message: string;
}

/** At most this many field errors are reported: enough to fix a request, never an answer larger than the request. */
export const MAX_FIELD_ERRORS = 20;

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** "ops.0.passage.quote" style path of a valibot issue; "" for the root. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.');
}

export function validateWith<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortEarly: false });
  if (result.success) return { ok: true, value: result.output };
  const issues = result.issues.slice(0, MAX_FIELD_ERRORS);
  return { ok: false, errors: issues.map((issue) => ({ path: issuePath(issue), message: issue.message })) };
}
