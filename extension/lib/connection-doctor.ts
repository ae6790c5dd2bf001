// The connection doctor: from the web app's address and what its ping answered, which problem it is (a pure function).
import { webAppUrlKind, type WebAppUrlKind } from '../../shared/web-app-url';

/** The add-on version this extension needs: its ping answer must carry this version or a later one. */
export const ADDON_VERSION_NEEDED = '0.1.0';

export type Diagnosis =
  | { kind: 'ok'; version: string; sheetUrl: string }
  | { kind: 'not_exec'; urlKind: Exclude<WebAppUrlKind, 'exec'> }
  | { kind: 'network'; message: string }
  | { kind: 'sign_in' }
  | { kind: 'authorisation' }
  | { kind: 'quota'; message: string }
  | { kind: 'script_error'; message: string }
  | { kind: 'not_found' }
  | { kind: 'wrong_token' }
  | { kind: 'old_version'; version: string; needed: string }
  | { kind: 'add_on_error'; code: string; message: string }
  | { kind: 'unknown'; status: number; excerpt: string };

/** What the ping brought back: the final page after redirects, or why nothing came. */
export type PingOutcome =
  | { page: { status: number; url: string; text: string } }
  /** /exec redirected to a host this extension may not read (Google's sign-in page is on accounts.google.com). */
  | { blockedRedirect: true }
  | { networkError: string };

const MESSAGE_LIMIT = 300;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The words a person reads on an HTML page: scripts, styles and tags removed, entities decoded, spaces collapsed. */
export function pageText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return body
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#39|[a-z]+);/gi, (entity, name: string) => ENTITIES[name.toLowerCase()] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

const cap = (text: string) => (text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT - 1)}…` : text);

/** -1, 0 or 1 as version a is before, equal to or after b (dotted numbers; missing parts count as 0). */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.+-]/).map((part) => Number.parseInt(part, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

function fromJson(body: unknown, needed: string): Diagnosis | null {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return null;
  const answer = body as { ok: unknown; version?: unknown; sheetUrl?: unknown; error?: { code?: unknown; message?: unknown } };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  if (answer.ok === true && typeof answer.version === 'string') {
    if (compareVersions(answer.version, needed) < 0) return { kind: 'old_version', version: answer.version, needed };
    return { kind: 'ok', version: answer.version, sheetUrl: typeof answer.sheetUrl === 'string' ? answer.sheetUrl : '' };
  }
  if (answer.ok !== false) return null;
  const code = text(answer.error?.code);
  if (code === 'unauthorized') return { kind: 'wrong_token' };
  return { kind: 'add_on_error', code, message: cap(text(answer.error?.message)) };
}

const SIGN_IN_ADDRESS = /^https:\/\/accounts\.google\.com\/|\/ServiceLogin\b|\/v3\/signin\//i;
const SIGN_IN_PAGE = /ServiceLogin|accounts\.google\.com\/v3\/signin|identifierId/i;
const AUTHORISATION = /Authori[sz]ation is required|Auktorisering krävs/i;
const QUOTA = /Service invoked too many times|too many simultaneous invocations|Bandwidth quota exceeded|quota/i;
const NOT_FOUND = /unable to open the file|could not be found|Page Not Found/i;
const SCRIPT_ERROR = /\(line \d+, file|Script function not found|Exception:|Error:/i;

function fromPage(page: { status: number; url: string; text: string }): Diagnosis {
  if (SIGN_IN_ADDRESS.test(page.url) || SIGN_IN_PAGE.test(page.text)) return { kind: 'sign_in' };
  const text = pageText(page.text);
  if (AUTHORISATION.test(text)) return { kind: 'authorisation' };
  if (QUOTA.test(text)) return { kind: 'quota', message: cap(text.replace(/^Google Apps Script\s*/i, '')) };
  if (page.status === 404 || NOT_FOUND.test(text)) return { kind: 'not_found' };
  if (SCRIPT_ERROR.test(text)) return { kind: 'script_error', message: cap(text.replace(/^Google Apps Script\s*/i, '')) };
  return { kind: 'unknown', status: page.status, excerpt: cap(text) };
}

/** The problem with the address itself (not a deployment's /exec address), found before anything is sent; null when none. */
export function addressProblem(endpoint: string): Diagnosis | null {
  const urlKind = webAppUrlKind(endpoint);
  return urlKind === 'exec' ? null : { kind: 'not_exec', urlKind };
}

/** What the ping's answer says: it works, or which problem it is. */
export function diagnosePing(outcome: PingOutcome, needed = ADDON_VERSION_NEEDED): Diagnosis {
  if ('networkError' in outcome) return { kind: 'network', message: outcome.networkError };
  if ('blockedRedirect' in outcome) return { kind: 'sign_in' };
  let json: unknown;
  try {
    json = JSON.parse(outcome.page.text);
  } catch {
    json = undefined;
  }
  return fromJson(json, needed) ?? fromPage(outcome.page);
}

/** Which problem the connection has, or that it works: the address first, then what the ping answered. */
export const diagnose = (endpoint: string, outcome: PingOutcome, needed = ADDON_VERSION_NEEDED): Diagnosis =>
  addressProblem(endpoint) ?? diagnosePing(outcome, needed);

/** A diagnosis in one English line, for logs, errors and the terminal (the options page says it in the user's language). */
export function diagnosisSummary(diagnosis: Diagnosis): string {
  switch (diagnosis.kind) {
    case 'not_exec': return 'this is not a web app /exec address (a /dev, editor or spreadsheet address?); use the one npm run deploy prints';
    case 'network': return `the address could not be reached (${diagnosis.message})`;
    case 'sign_in': return "Google answered with its sign-in page: the deployment's access is not \"Anyone\"";
    case 'authorisation': return 'Google says authorisation is required: open the spreadsheet as the owner, use the Annotera menu once and accept';
    case 'quota': return `a Google quota is used up: ${diagnosis.message}`;
    case 'script_error': return `the add-on failed on Google: ${diagnosis.message}`;
    case 'not_found': return 'Google has no web app at this address (removed deployment or a typo)';
    case 'wrong_token': return 'the web app answers but refuses this token (the sheet: Extensions → Annotera → Settings)';
    case 'old_version': return `the add-on is version ${diagnosis.version}; ${diagnosis.needed} or later is needed: run npm run deploy`;
    case 'add_on_error': return `the add-on answered ${diagnosis.code}: ${diagnosis.message}`;
    case 'unknown': return `the answer is not Annotera's (HTTP ${diagnosis.status}): ${diagnosis.excerpt}`;
    case 'ok': return `it works (add-on version ${diagnosis.version})`;
  }
}
