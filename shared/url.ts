// A post's identity: its original address, whichever copy (canonical link, web archive, http/https, www) it is read through.
// Written without the URL class, which the Apps Script runtime does not have.

const WAYBACK = /^https?:\/\/web\.archive\.org\/web\/\d{1,14}(?:[a-z]{2}_)?\/(.+)$/i;
const BLOG_HOST = /^(?:www\.)?socialbarnungdom\.se$/i;
const CANONICAL_BLOG_ORIGIN = 'http://www.socialbarnungdom.se';
const HTTP_URL = /^(https?):\/\/([^/?#\s@]+)([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/i;

export interface HttpUrl {
  scheme: 'http' | 'https';
  /** Lower-case host with the port when it is not the default, e.g. "127.0.0.1:8080". */
  host: string;
  hostname: string;
  path: string;
  /** Query parameters in order, undecoded. */
  query: Array<[string, string]>;
}

/** Parses an absolute http(s) address; null for anything else. */
export function parseHttpUrl(address: string): HttpUrl | null {
  const match = HTTP_URL.exec(address.trim());
  if (!match) return null;
  const scheme = match[1].toLowerCase() as HttpUrl['scheme'];
  const [hostname, port] = match[2].toLowerCase().split(/:(?=\d*$)/);
  if (!/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/.test(hostname) || (port !== undefined && !/^\d{1,5}$/.test(port))) return null;
  const defaultPort = port === undefined || port === '' || (scheme === 'http' && port === '80') || (scheme === 'https' && port === '443');
  const query = (match[4] ?? '').slice(1).split('&').filter(Boolean).map((pair): [string, string] => {
    const at = pair.indexOf('=');
    return at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
  });
  return { scheme, hostname, host: defaultPort ? hostname : `${hostname}:${port}`, path: match[3] || '/', query };
}

/** Is this an absolute http(s) address? */
export const isHttpUrl = (address: string) => parseHttpUrl(address) !== null;

function formatUrl(url: HttpUrl): string {
  const query = url.query.map(([key, value]) => (value === '' ? key : `${key}=${value}`)).join('&');
  return `${url.scheme}://${url.host}${url.path}${query ? `?${query}` : ''}`;
}

/** An href resolved against the page it stands on (absolute, protocol-relative or root-relative). */
function resolveHref(href: string, page: HttpUrl | null): HttpUrl | null {
  const trimmed = href.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return parseHttpUrl(trimmed);
  if (!page) return null;
  if (trimmed.startsWith('//')) return parseHttpUrl(`${page.scheme}:${trimmed}`);
  if (trimmed.startsWith('/')) return parseHttpUrl(`${page.scheme}://${page.host}${trimmed}`);
  return null;
}

/** The address a web-archive copy was made of, or the address itself. */
export function unwrapWebArchive(address: string): string {
  const match = WAYBACK.exec(address.trim());
  if (!match) return address.trim();
  const original = match[1];
  return /^https?:\/\//i.test(original) ? original : `http://${original.replace(/^\/+/, '')}`;
}

/** Is this address (or the original behind a web-archive copy) a post of the blog? */
export function isBlogAddress(address: string): boolean {
  const url = parseHttpUrl(unwrapWebArchive(address));
  return url !== null && BLOG_HOST.test(url.hostname);
}

/**
 * The post's identity: the canonical link when the page has one, the original behind a web-archive copy,
 * one form for the blog's http/https and www variants, no fragment and no utm_* parameters.
 * Returns null when neither address is an absolute http(s) URL.
 */
export function postIdentity(pageAddress: string, canonicalHref?: string | null): string | null {
  const page = parseHttpUrl(unwrapWebArchive(pageAddress));
  const canonical = canonicalHref ? resolveHref(unwrapWebArchive(canonicalHref), page) : null;
  const url = canonical ?? page;
  if (!url) return null;
  url.query = url.query.filter(([key]) => !/^utm_/i.test(key));
  if (!BLOG_HOST.test(url.hostname)) return formatUrl(url);
  const path = /\/$|\.[a-z0-9]{1,5}$/i.test(url.path) ? url.path : `${url.path}/`;
  return `${CANONICAL_BLOG_ORIGIN}${formatUrl({ ...url, path }).replace(/^https?:\/\/[^/]+/, '')}`;
}
