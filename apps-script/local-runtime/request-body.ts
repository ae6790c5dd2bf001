// Reads a request body up to a byte limit: one announced as larger is refused before it is read, a chunked one once it
// passes the limit; a large body is read at the pace the shared upload budget allows.
import type { IncomingMessage } from 'node:http';
import type { UploadBudget } from './upload-budget';

/** Bodies announced below this many bytes are read at once; larger or unannounced ones are paced by the budget. */
export const SMALL_BODY = 64 * 1024;

/** Reads on after each chunk, pausing the request while the budget says to wait (a paused client is held back by TCP). */
export function paced(request: IncomingMessage, budget: UploadBudget | undefined, receive: (chunk: Buffer) => void): (chunk: Buffer) => void {
  const announced = Number(request.headers['content-length']);
  if (!budget || announced < SMALL_BODY) return receive;
  return (chunk) => {
    receive(chunk);
    const wait = budget.take(chunk.length);
    if (wait <= 0 || request.readableEnded) return;
    request.pause();
    setTimeout(() => request.resume(), wait);
  };
}

/** The body as it arrived (its chunks, not yet joined, and their size), or that it is too large: with its size when the Content-Length announced it. */
export type LimitedBody = { chunks: Buffer[]; size: number } | { tooLarge: true; announced?: number };

/** Reads the body unless it is larger than `limit` bytes; the rest of a refused body is left unread, for the caller to drop. */
export function readLimitedBody(request: IncomingMessage, limit: number, budget?: UploadBudget): Promise<LimitedBody> {
  const announced = Number(request.headers['content-length']);
  if (announced > limit) return Promise.resolve({ tooLarge: true, announced });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const receive = paced(request, budget, (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      chunks.push(chunk);
      if (size <= limit) return;
      tooLarge = true;
      request.off('data', receive);
      request.pause();
      resolve({ tooLarge: true });
    });
    request.on('data', receive);
    request.on('end', () => resolve({ chunks, size }));
    request.on('error', reject);
  });
}
