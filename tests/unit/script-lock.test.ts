// The web app's lock wait is sized against the client's request timeout, leaving time for the work and the answer.
import { expect, test } from 'vitest';
import { LOCK_WAIT_MS } from '../../apps-script/script-lock';
import { CLIENT_TIMEOUT_MS } from '../../shared/protocol';

test('a request that waits the whole lock wait still has half the client timeout for its work and answer', () => {
  expect(CLIENT_TIMEOUT_MS).toBe(30_000);
  expect(LOCK_WAIT_MS).toBe(15_000);
  expect(CLIENT_TIMEOUT_MS - LOCK_WAIT_MS).toBeGreaterThanOrEqual(LOCK_WAIT_MS);
});
