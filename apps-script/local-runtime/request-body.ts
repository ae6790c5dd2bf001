// Reads a request body up to a byte limit: one announced as larger is refused before it is read, a chunked one once it passes the limit.
import type { IncomingMessage } from 'node:http';

/** The body as it arrived (its chunks, not yet joined, and their size), or that it is too large: with its size when the Content-Length announced it. */
export type LimitedBody = { chunks: Buffer[]; size: number } | { tooLarge: true; announced?: number };

/** Reads the body unless it is larger than `limit` bytes; the rest of a refused body is left unread, for the caller to drop. */
export function readLimitedBody(request: IncomingMessage, limit: number): Promise<LimitedBody> {
  const announced = Number(request.headers['content-length']);
  if (announced > limit) return Promise.resolve({ tooLarge: true, announced });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const receive = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size <= limit) return;
      request.off('data', receive);
      request.pause();
      resolve({ tooLarge: true });
    };
    request.on('data', receive);
    request.on('end', () => resolve({ chunks, size }));
    request.on('error', reject);
  });
}
