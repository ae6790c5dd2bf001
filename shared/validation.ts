// Turns valibot results into plain field errors ({ path, message }) that both sides report the same way.
import * as v from 'valibot';

export interface FieldError {
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** "ops.0.passage.quote" style path of a valibot issue; "" for the root. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.');
}

export function validateWith<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortEarly: false });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, errors: result.issues.map((issue) => ({ path: issuePath(issue), message: issue.message })) };
}
