// A simulated sheet behind a stubbed fetch, for tests of the extension's sync: it keeps one row per passage by the
// wire format's rules (a higher rev wins, the same rev is a duplicate, a lower one is stale) and holds every request
// until the test answers it: ok, failed before it arrived, timed out after it was applied, or refused. A GET of a
// post's passages (action=passages) answers its live rows.
import type { Op, OpResult } from '../../shared/protocol';
import type { Passage } from '../../shared/passage';

export type Outcome = 'ok' | 'failed' | 'timed-out' | 'busy';

export interface HeldRequest {
  token: string;
  /** The ops of a POST; none for a GET. */
  ops: Op[];
  answer(outcome: Outcome): void;
  /** The request's worker was stopped: nobody hears the answer; `arrived` says whether the sheet got it. */
  abandon(arrived: boolean): void;
}

export class SheetSimulation {
  /** The sheet's rows, in the order they were added: a passage twice here is a duplicate row. */
  readonly rows: Passage[] = [];
  readonly held: HeldRequest[] = [];

  constructor(readonly token: string) {}

  apply(ops: readonly Op[]): OpResult[] {
    return ops.map((op) => {
      const passage = op.op === 'upsert' ? op.passage : null;
      if (!passage) throw new Error('the extension sends deletes as upserts of the tombstone');
      const at = this.rows.findIndex((row) => row.id === passage.id);
      if (at === -1) this.rows.push(passage);
      else if (passage.rev > this.rows[at].rev) this.rows[at] = passage;
      else return { id: passage.id, status: passage.rev === this.rows[at].rev ? 'duplicate' : 'stale', rev: this.rows[at].rev };
      return { id: passage.id, status: 'applied', rev: passage.rev };
    });
  }

  live(url: string | null): Passage[] {
    return this.rows.filter((row) => row.url === url && !row.deleted);
  }

  rev(id: string): number {
    return this.rows.find((row) => row.id === id)?.rev ?? 0;
  }

  /** The stand-in for fetch: each POST is held until the test answers it. */
  readonly fetch = (url: string, init?: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const query = new URL(url).searchParams;
      const { token, ops } = init?.method === 'POST'
        ? (JSON.parse(init.body as string) as { token: string; ops: Op[] })
        : { token: query.get('token') ?? '', ops: [] };
      const json = (body: unknown) => resolve(new Response(JSON.stringify(body)));
      const request: HeldRequest = {
        token,
        ops,
        answer: (outcome) => {
          this.held.splice(this.held.indexOf(request), 1);
          if (outcome === 'failed') return reject(new TypeError('Failed to fetch'));
          if (outcome === 'busy') return json({ ok: false, error: { code: 'server_busy', message: 'busy' } });
          if (token !== this.token) return json({ ok: false, error: { code: 'unauthorized', message: 'wrong token' } });
          const answer = ops.length ? { ok: true, results: this.apply(ops) } : { ok: true, passages: this.live(query.get('url')) };
          if (outcome === 'timed-out') reject(new DOMException('The operation timed out.', 'TimeoutError'));
          else json(answer);
        },
        abandon: (arrived) => {
          this.held.splice(this.held.indexOf(request), 1);
          if (arrived && token === this.token) this.apply(ops);
        },
      };
      this.held.push(request);
    });

  /** Answers every held request, now and as they come, with `ok`. */
  answerAll(): void {
    while (this.held.length) this.held[0].answer('ok');
  }
}
