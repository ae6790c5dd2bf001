// Addresses the sheet links to: a post or one passage in it (`#annotera=<id>`), at the original address or its web-archive copy.

export const LINK_TARGETS = ['archive', 'original'] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];

/** The blog is offline: by default links go to the Wayback Machine's copy, which redirects to the nearest capture. */
export const DEFAULT_LINK_TARGET: LinkTarget = 'archive';

const ARCHIVE_PREFIX = 'https://web.archive.org/web/2016/';

export const isLinkTarget = (value: unknown): value is LinkTarget => LINK_TARGETS.includes(value as LinkTarget);

/** The post's address to open: the original, or its web-archive copy. */
export function postLink(url: string, target: LinkTarget): string {
  return target === 'archive' ? `${ARCHIVE_PREFIX}${url}` : url;
}

/** The address that opens the post scrolled to one passage (the extension reads the fragment). */
export function passageLink(url: string, id: string, target: LinkTarget): string {
  return `${postLink(url, target)}#annotera=${id}`;
}
