// A post's identity: its original address, whichever copy (canonical link, web archive, http/https, www) it is read through.
const WAYBACK = /^https?:\/\/web\.archive\.org\/web\/\d{1,14}(?:[a-z]{2}_)?\/(.+)$/i;
const BLOG_HOST = /^(?:www\.)?socialbarnungdom\.se$/i;
const CANONICAL_BLOG_ORIGIN = 'http://www.socialbarnungdom.se';

/** The address a web-archive copy was made of, or the address itself. */
export function unwrapWebArchive(address: string): string {
  const match = WAYBACK.exec(address.trim());
  if (!match) return address.trim();
  const original = match[1];
  return /^https?:\/\//i.test(original) ? original : `http://${original.replace(/^\/+/, '')}`;
}

/** Is this address (or the original behind a web-archive copy) a post of the blog? */
export function isBlogAddress(address: string): boolean {
  try {
    return BLOG_HOST.test(new URL(unwrapWebArchive(address)).hostname);
  } catch {
    return false;
  }
}

/**
 * The post's identity: the canonical link when the page has one, the original behind a web-archive copy,
 * one form for the blog's http/https and www variants, no fragment and no utm_* parameters.
 * Returns null when neither address is an absolute http(s) URL.
 */
export function postIdentity(pageAddress: string, canonicalHref?: string | null): string | null {
  const page = parse(unwrapWebArchive(pageAddress));
  const canonical = canonicalHref ? parse(unwrapWebArchive(canonicalHref), page ?? undefined) : null;
  const url = canonical ?? page;
  if (!url) return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (/^utm_/i.test(key)) url.searchParams.delete(key);
  if (BLOG_HOST.test(url.hostname)) {
    const path = /\/$|\.[a-z0-9]{1,5}$/i.test(url.pathname) ? url.pathname : `${url.pathname}/`;
    return `${CANONICAL_BLOG_ORIGIN}${path}${url.search}`;
  }
  return url.toString();
}

function parse(address: string, base?: URL): URL | null {
  try {
    const url = new URL(address, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
