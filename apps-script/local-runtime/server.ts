// Serves the local runtime over HTTP on 127.0.0.1: /exec as a deployed web app would (with its redirect), and the review room (room/).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LocalRuntime } from './runtime';
import { roomRoutes } from './room/room-routes';

/** Google accepts POST bodies up to about 50 MB; the add-on itself refuses more than 2 MB. */
const MAX_PLATFORM_BODY = 50 * 1024 * 1024;
const ECHO_TTL_MS = 60_000;

interface TextOutputLike {
  getContent(): string;
  getMimeType(): string;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PLATFORM_BODY) {
        resolve(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'access-control-allow-origin': '*', 'cache-control': 'no-store', ...headers });
  response.end(body);
}

/** Answers a request in place of the runtime (a platform page, see google-pages.ts); true when it did. */
export type Intercept = (response: ServerResponse, url: URL) => boolean;

/** Starts the server; every request that reaches the add-on runs one at a time, and the workbook is written before the answer. */
export function serve(runtime: LocalRuntime, port: number, host = '127.0.0.1', intercept?: Intercept): Promise<RunningServer> {
  const echoes = new Map<string, { output: TextOutputLike; expires: number }>();
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  const room = roomRoutes(runtime, { serial, port: () => (server.address() as { port: number }).port });

  const runWebApp = async (name: 'doGet' | 'doPost', event: object, response: ServerResponse, base: string) => {
    const { output, calls, flushes } = await serial(async () => {
      const { result, calls: count, flushes: flushCount } = runtime.invoke<TextOutputLike>(name, event);
      await runtime.persist();
      return { output: result, calls: count, flushes: flushCount };
    });
    const key = randomUUID();
    const now = Date.now();
    for (const [id, echo] of echoes) if (echo.expires < now) echoes.delete(id);
    echoes.set(key, { output, expires: now + ECHO_TTL_MS });
    // Apps Script answers /exec with a redirect to a one-time GET address that holds the output.
    response.writeHead(302, { location: `${base}/echo?key=${key}`, 'access-control-allow-origin': '*', 'x-annotera-service-calls': String(calls), 'x-annotera-flushes': String(flushes) });
    response.end();
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const base = `http://${request.headers.host ?? `${host}:${port}`}`;
    const url = new URL(request.url ?? '/', base);
    if (intercept?.(response, url)) return;
    const parameter = Object.fromEntries(url.searchParams);
    const parameters = Object.fromEntries([...new Set(url.searchParams.keys())].map((k) => [k, url.searchParams.getAll(k)]));
    const common = { parameter, parameters, queryString: url.search.slice(1), contextPath: '', contentLength: -1 };
    if (url.pathname === '/exec' && request.method === 'GET') return runWebApp('doGet', common, response, base);
    if (url.pathname === '/exec' && request.method === 'POST') {
      const contents = await readBody(request);
      if (contents === null) return send(response, 413, 'text/plain', 'The request is too large for Apps Script.');
      const postData = { contents, length: Buffer.byteLength(contents), type: request.headers['content-type'] ?? 'text/plain', name: 'postData' };
      return runWebApp('doPost', { ...common, contentLength: postData.length, postData }, response, base);
    }
    if (url.pathname === '/echo' && request.method === 'GET') {
      const echo = echoes.get(url.searchParams.get('key') ?? '');
      if (!echo) return send(response, 404, 'text/plain', 'This answer has expired.');
      echoes.delete(url.searchParams.get('key') ?? '');
      return send(response, 200, echo.output.getMimeType(), echo.output.getContent());
    }
    if (await room(request, response, url)) return;
    return send(response, 404, 'text/plain', 'Not found.');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', `Script error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        url: `http://${host}:${actualPort}`,
        // Browsers keep idle connections open; closing them lets close() finish at once.
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
