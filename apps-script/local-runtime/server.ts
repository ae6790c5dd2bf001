// Serves the local runtime over HTTP on 127.0.0.1: /exec as a deployed web app would (with its redirect), and the review room (room/).
// Every answer of its own is JSON with a stable code; none carries Access-Control-Allow-Origin (the extension has host permission).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LocalRuntime } from './runtime';
import { roomRoutes } from './room/room-routes';
import { storageFailure } from './workbook-file';
import { paced, readLimitedBody, SMALL_BODY } from './request-body';
import { UploadBudget } from './upload-budget';
import { bodyTooLarge, MAX_BODY_BYTES, unauthorized, type Failure } from '../../shared/protocol';

const ECHO_TTL_MS = 60_000;
/**
 * Large bodies (SMALL_BODY and more) are read at most this fast in all, with a burst of two of the largest batches: a
 * legitimate large batch passes at once, a flood of uploads is held back by TCP instead of taking the thread that
 * serves every execution's service calls (a small save never waits for this).
 */
const UPLOAD_BYTES_PER_SECOND = 16 * 1024 * 1024;
const UPLOAD_BURST = 2 * MAX_BODY_BYTES;
/** How long the rest of a body too large to take is read and dropped, so that its sender can take the answer (see refuseTooLarge). */
const LINGER_MS = 2000;

interface TextOutputLike {
  getContent(): string;
  getMimeType(): string;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** The headers of every answer of the runtime's own. */
const headersFor = (type: string) => ({ 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) {
  response.writeHead(status, { ...headersFor(type), ...headers });
  response.end(body);
}

/** An answer of the runtime itself (not of the add-on): JSON in the wire format's failure shape, with a stable code. */
export function sendFailure(response: ServerResponse, status: number, code: string, message: string) {
  send(response, status, 'application/json', JSON.stringify({ ok: false, error: { code, message } }));
}

/** A refusal at the door, in the add-on's own words and with its status (200: Apps Script sets none). */
function refuse(response: ServerResponse, refusal: Failure) {
  send(response, 200, 'application/json', JSON.stringify(refusal));
}

/**
 * Refuses a body too large to take, before reading it: the answer goes out at once and complete (its length given);
 * the rest of the body is then read (at the upload budget's pace) and dropped — neither kept nor searched — until the client has sent it, at most
 * LINGER_MS, and the connection closes. Closed at once, under a client still sending, the answer is often lost:
 * Chromium's fetch lost it 2 times in 10 for a 3 MB body and 10 in 10 for 30 MB (a reset connection, "Failed to fetch").
 */
function answerTooLarge(request: IncomingMessage, response: ServerResponse, refusal: Failure, budget: UploadBudget) {
  const text = JSON.stringify(refusal);
  response.writeHead(200, { ...headersFor('application/json'), connection: 'close', 'content-length': String(Buffer.byteLength(text)) });
  response.write(text);
  const close = () => {
    clearTimeout(timer);
    response.end();
  };
  const timer = setTimeout(close, LINGER_MS);
  request.once('end', close);
  response.once('close', () => clearTimeout(timer));
  request.on('data', paced(request, budget, () => undefined));
  request.resume();
}

/**
 * Refuses a body too large to take; one refused by its Content-Length is charged to the upload budget for what it
 * announced (up to the limit) and answered when the budget allows: a flood of oversized posts is held back as the reading
 * of large bodies is, rather than answered as fast as it comes. With budget to spare (no flood) the answer goes at once.
 */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse, refusal: Failure, budget: UploadBudget, announced = 0) {
  const wait = budget.take(Math.min(announced, MAX_BODY_BYTES));
  if (wait <= 0) return answerTooLarge(request, response, refusal, budget);
  setTimeout(() => answerTooLarge(request, response, refusal, budget), wait);
}

/**
 * The web app's answers (/exec and its /echo) may be read by a browser extension built without host permission for
 * this address (its origin is named, never `*`); web pages, the views and the workbook get no CORS header at all.
 */
function allowExtension(request: IncomingMessage, response: ServerResponse) {
  const origin = request.headers.origin ?? '';
  const path = (request.url ?? '').split('?')[0];
  if ((path === '/exec' || path === '/echo') && /^(?:chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin)) {
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('vary', 'origin');
  }
}

/** Answers a request in place of the runtime (a platform page, see google-pages.ts); true when it did. */
export type Intercept = (response: ServerResponse, url: URL) => boolean;

/** Starts the server; each request to /exec is its own execution, overlapping the others; the workbook is written before the answer. */
export function serve(runtime: LocalRuntime, port: number, host = '127.0.0.1', intercept?: Intercept): Promise<RunningServer> {
  const echoes = new Map<string, { output: TextOutputLike; expires: number }>();
  const uploads = new UploadBudget(UPLOAD_BYTES_PER_SECOND, UPLOAD_BURST);
  // Addresses the runtime gives out are its own, never built from the request's Host header.
  let origin = `http://${host}:${port}`;

  const runWebApp = async (name: 'doGet' | 'doPost', event: object, response: ServerResponse) => {
    let output: TextOutputLike;
    let calls: number;
    let flushes: number;
    try {
      ({ result: output, calls, flushes } = await runtime.execute<TextOutputLike>(name, [event]));
    } catch (error) {
      return sendFailure(response, 500, 'internal', `The add-on's execution failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      await runtime.persist();
    } catch (error) {
      const failure = storageFailure(error, runtime.options.workbookPath);
      return sendFailure(response, 503, failure.code, failure.message);
    }
    const key = randomUUID();
    const now = Date.now();
    for (const [id, echo] of echoes) if (echo.expires < now) echoes.delete(id);
    echoes.set(key, { output, expires: now + ECHO_TTL_MS });
    // Apps Script answers /exec with a redirect to a one-time GET address that holds the output.
    response.writeHead(302, { location: `${origin}/echo?key=${key}`, 'x-annotera-service-calls': String(calls), 'x-annotera-flushes': String(flushes) });
    response.end();
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    allowExtension(request, response);
    const url = new URL(request.url ?? '/', origin);
    if (intercept?.(response, url)) return;
    // As on Google, the first of repeated parameters is e.parameter's value.
    const parameter: Record<string, string> = {};
    for (const [key, value] of url.searchParams) if (!Object.hasOwn(parameter, key)) parameter[key] = value;
    const parameters = Object.fromEntries([...new Set(url.searchParams.keys())].map((k) => [k, url.searchParams.getAll(k)]));
    const common = { parameter, parameters, queryString: url.search.slice(1), contextPath: '', contentLength: -1 };
    if (url.pathname === '/exec' && request.method === 'GET') return runWebApp('doGet', common, response);
    if (url.pathname === '/exec' && request.method === 'POST') {
      const body = await readLimitedBody(request, MAX_BODY_BYTES, uploads);
      if ('tooLarge' in body) return refuseTooLarge(request, response, bodyTooLarge(body.announced), uploads, body.announced);
      // Bodies this large that do not even contain the team token are refused at the door, without an execution.
      if (body.size >= SMALL_BODY && !runtime.mayHoldTeamToken(body.chunks)) return refuse(response, unauthorized());
      const contents = Buffer.concat(body.chunks, body.size).toString('utf8');
      const postData = { contents, length: body.size, type: request.headers['content-type'] ?? 'text/plain', name: 'postData' };
      return runWebApp('doPost', { ...common, contentLength: postData.length, postData }, response);
    }
    if (url.pathname === '/echo' && request.method === 'GET') {
      const echo = echoes.get(url.searchParams.get('key') ?? '');
      if (!echo) return sendFailure(response, 404, 'not_found', 'This answer has expired.');
      echoes.delete(url.searchParams.get('key') ?? '');
      return send(response, 200, echo.output.getMimeType(), echo.output.getContent());
    }
    if (await room(request, response, url)) return;
    return sendFailure(response, 404, 'not_found', 'Not found.');
  };

  const room = roomRoutes(runtime, { port: () => (server.address() as { port: number }).port });
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendFailure(response, 500, 'internal', `The local runtime failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      origin = `http://${host}:${actualPort}`;
      resolve({
        server,
        url: `http://${host}:${actualPort}`,
        // Browsers keep idle connections open; closing them lets close() finish at once.
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
          await runtime.close();
        },
      });
    });
  });
}
