// The shared pace for reading large request bodies: a burst passes at once, then bytes wait their turn at the set rate;
// small bodies are never paced, large ones are paused while the budget says to wait.
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { paced, SMALL_BODY } from '../../apps-script/local-runtime/request-body';
import { UploadBudget } from '../../apps-script/local-runtime/upload-budget';

describe('UploadBudget', () => {
  test('the burst is free; beyond it each byte waits its share of the rate, and the wait shrinks as time passes', () => {
    let now = 0;
    const budget = new UploadBudget(1000, 500, () => now);
    expect(budget.take(500)).toBe(0);
    expect(budget.take(250)).toBe(250);
    now += 100;
    expect(budget.take(0)).toBe(150);
    now += 1000;
    expect(budget.take(400)).toBe(0);
  });

  test('many clients taking at once share one debt: the later ones wait longer', () => {
    const budget = new UploadBudget(1_000_000, 0, () => 0);
    const waits = Array.from({ length: 4 }, () => budget.take(500_000));
    expect(waits).toEqual([500, 1000, 1500, 2000]);
  });
});

describe('paced reading', () => {
  afterEach(() => vi.useRealTimers());

  /** A request with its Content-Length (none: chunked), and spies on its pause and resume. */
  const request = (length?: number) => {
    const pause = vi.fn();
    const resume = vi.fn();
    const message = Object.assign(new EventEmitter(), {
      headers: length === undefined ? {} : { 'content-length': String(length) },
      readableEnded: false,
      pause,
      resume,
    }) as unknown as IncomingMessage;
    return { message, pause, resume };
  };

  test('a small body is read as it comes, whatever the budget', () => {
    const small = request(SMALL_BODY - 1);
    const received: number[] = [];
    const read = paced(small.message, new UploadBudget(1, 0, () => 0), (chunk) => received.push(chunk.length));
    read(Buffer.alloc(1000));
    expect(received).toEqual([1000]);
    expect(small.pause).not.toHaveBeenCalled();
  });

  test('a large or unannounced body is paused while the budget says to wait, then resumed', () => {
    vi.useFakeTimers();
    for (const large of [request(SMALL_BODY), request()]) {
      const received: number[] = [];
      const read = paced(large.message, new UploadBudget(1000, 0, () => 0), (chunk) => received.push(chunk.length));
      read(Buffer.alloc(500));
      expect(received).toEqual([500]);
      expect(large.pause).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(499);
      expect(large.resume).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(large.resume).toHaveBeenCalledTimes(1);
    }
  });
});
