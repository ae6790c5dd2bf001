// The room's HTTP routes: the sheet page, its tabs, the add-on's sidebars and dialogs, google.script.run, selection, hand edits, the download.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalRuntime } from '../runtime';
import { TOKEN_PROPERTY } from '../../tabs';
import { withBridge } from './addon-html';
import { applyEdit, type Edit } from './hand-edits';
import { renderTab } from './render-tab';
import { RoomAccess } from './room-access';
import { addonMenu, callable, menuFunctions, runAddonFunction, selectRange, thrownMessage, type Ran, type SelectionRequest } from './room-actions';
import { roomPage, tabLinks, tokenPage } from './room-page';
import { roomWords, type RoomWords } from './room-words';

/** google.script.run arguments are small; Apps Script caps a call at a few megabytes. */
const MAX_BODY = 4 * 1024 * 1024;
const STATIC: Record<string, string> = { 'room.js': 'text/javascript', 'bridge.js': 'text/javascript', 'room.css': 'text/css' };

export interface RoomOptions {
  /** The port the server listens on. */
  port: () => number;
}

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;

const PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'";
const FRAME_POLICY = "frame-ancestors 'self'";

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) {
  response.writeHead(status, {
    'content-type': type.startsWith('application/vnd') ? type : `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'SAMEORIGIN',
    'content-security-policy': FRAME_POLICY,
    ...headers,
  });
  response.end(body);
}

const json = (response: ServerResponse, status: number, value: unknown) => send(response, status, 'application/json', JSON.stringify(value));
const refuse = (response: ServerResponse, status: number, code: string, message: string) => json(response, status, { ok: false, error: { code, message } });

function readJson(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        const value: unknown = size <= MAX_BODY ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
        resolve(value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
      } catch {
        resolve(null);
      }
    });
    request.on('error', () => resolve(null));
  });
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;

function asSelection(body: Record<string, unknown>): SelectionRequest | null {
  const { sheet, row, column, rows = 1, columns = 1 } = body;
  return isText(sheet) && isCount(row) && isCount(column) && isCount(rows) && isCount(columns) ? { sheet, row, column, rows, columns } : null;
}

function asEdit(body: Record<string, unknown>): Edit | null {
  const { sheet, row, column, text, before, key } = body;
  return isText(sheet) && isCount(row) && isCount(column) && isText(text) && isText(before) && isText(key) ? { sheet, row, column, text, before, key } : null;
}

export function roomRoutes(runtime: LocalRuntime, options: RoomOptions): Handler {
  // The add-on keeps the team token in the spreadsheet's document properties.
  const access = new RoomAccess(() => runtime.documentProperties[TOKEN_PROPERTY] ?? '', options.port);
  const words = (): RoomWords => roomWords(runtime.book.locale);
  /** The room's own change (a selection, a hand edit), then the workbook written before the answer, as /exec does. */
  const execute = async <T>(work: () => T | Promise<T>) => {
    const value = await work();
    await runtime.persist();
    return value;
  };
  const ran = (response: ServerResponse, work: () => Promise<Ran | null>) =>
    execute(work).then(
      (result) => (result ? json(response, 200, { ok: true, ...result }) : refuse(response, 404, 'unknown_function', words().unknownFunction)),
      (error: unknown) => json(response, 200, { ok: false, error: { code: 'script_error', message: thrownMessage(error) } }),
    );

  const page = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const token = url.searchParams.get('token');
    if (token !== null) {
      if (!access.tokenMatches(token)) return send(response, 401, 'text/html', tokenPage(runtime.book, words(), true));
      return send(response, 303, 'text/plain', '', { location: '/', 'set-cookie': access.open() });
    }
    if (!access.hasSession(request)) return send(response, 401, 'text/html', tokenPage(runtime.book, words(), false));
    // Sheets runs onOpen each time the spreadsheet is opened: it adds the menu.
    await execute(() => runtime.trigger('onOpen', 'LIMITED'));
    return send(response, 200, 'text/html', roomPage(runtime.book, words(), addonMenu(runtime), url.searchParams.get('tab') ?? ''), { 'content-security-policy': PAGE_POLICY });
  };

  const reads = async (response: ServerResponse, url: URL, path: string): Promise<void> => {
    if (path === '/workbook.xlsx') {
      await execute(() => null);
      const bytes = await readFile(runtime.options.workbookPath).catch(() => null);
      if (!bytes) return refuse(response, 404, 'not_found', words().notFound);
      return send(response, 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes, { 'content-disposition': 'attachment; filename="annotera.xlsx"' });
    }
    if (path === '/room/state') return json(response, 200, { ok: true, version: runtime.book.version });
    if (path === '/room/tab') {
      const sheet = runtime.book.sheet(url.searchParams.get('name') ?? '');
      if (!sheet) return refuse(response, 404, 'not_found', words().notFound);
      return json(response, 200, { ok: true, version: runtime.book.version, grid: renderTab(runtime.book, sheet), tabs: tabLinks(runtime.book, sheet.name) });
    }
    const ui = /^\/room\/ui\/(\d+)$/.exec(path);
    const shown = ui ? runtime.shown[Number(ui[1])] : undefined;
    if (!shown) return refuse(response, 404, 'not_found', words().notFound);
    return send(response, 200, 'text/html', withBridge(shown.html, Number(ui![1]), callable(runtime)));
  };

  const writes = async (request: IncomingMessage, response: ServerResponse, path: string): Promise<void> => {
    const body = await readJson(request);
    if (!body) return refuse(response, 400, 'invalid_request', words().invalidRequest);
    if (path === '/room/menu') {
      const name = body.functionName;
      if (!isText(name) || !menuFunctions(addonMenu(runtime)).has(name)) return refuse(response, 404, 'unknown_function', words().unknownFunction);
      return ran(response, () => runAddonFunction(runtime, name, []));
    }
    if (path === '/room/run') {
      const { name, args = [] } = body;
      if (!isText(name) || !Array.isArray(args)) return refuse(response, 400, 'invalid_request', words().invalidRequest);
      return ran(response, () => runAddonFunction(runtime, name, args));
    }
    if (path === '/room/select') {
      const selection = asSelection(body);
      const done = selection && (await execute(() => selectRange(runtime, selection)));
      return done ? json(response, 200, { ok: true }) : refuse(response, 400, 'invalid_request', words().invalidRequest);
    }
    if (path !== '/room/edit') return refuse(response, 404, 'not_found', words().notFound);
    const edit = asEdit(body);
    if (!edit) return refuse(response, 400, 'invalid_request', words().invalidRequest);
    const refusal = await execute(() => applyEdit(runtime.book, runtime.spreadsheetApp, edit));
    if (refusal === 'not_editable') return refuse(response, 403, refusal, words().notEditable);
    if (refusal === 'edit_conflict') return refuse(response, 409, refusal, words().editConflict);
    if (refusal === 'formula_not_allowed') return refuse(response, 422, refusal, words().formula);
    return json(response, 200, { ok: true, version: runtime.book.version });
  };

  return async (request, response, url) => {
    const path = url.pathname;
    if (path !== '/' && path !== '/workbook.xlsx' && !path.startsWith('/room/')) return false;
    if (!access.hostAllowed(request)) {
      refuse(response, 403, 'forbidden_host', words().forbiddenOrigin);
      return true;
    }
    const file = /^\/room\/([\w.-]+)$/.exec(path)?.[1];
    if (request.method === 'GET' && file && STATIC[file]) {
      send(response, 200, STATIC[file], await readFile(new URL(`./${file}`, import.meta.url)));
    } else if (request.method === 'GET' && path === '/') {
      await page(request, response, url);
    } else if (!access.hasSession(request)) {
      refuse(response, 401, 'unauthorized', words().unauthorized);
    } else if (request.method === 'GET') {
      await reads(response, url, path);
    } else if (request.method === 'POST' && !access.sameOrigin(request)) {
      refuse(response, 403, 'forbidden_origin', words().forbiddenOrigin);
    } else if (request.method === 'POST') {
      await writes(request, response, path);
    } else refuse(response, 405, 'invalid_request', words().invalidRequest);
    return true;
  };
}
