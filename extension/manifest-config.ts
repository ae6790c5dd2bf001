// The extension's manifest: where the content script runs and which hosts it may reach, from build-time settings.

/** The blog, with and without www., over http and https, and its web-archive copies. */
export const BLOG_MATCHES = [
  '*://socialbarnungdom.se/*',
  '*://www.socialbarnungdom.se/*',
  'https://web.archive.org/web/*/*socialbarnungdom.se/*',
];

/** Where a deployed Apps Script web app answers (/exec redirects to googleusercontent.com). */
export const WEB_APP_HOSTS = ['https://script.google.com/*', 'https://script.googleusercontent.com/*'];

export interface BuildSettings {
  ANNOTERA_EXTRA_MATCHES?: string;
  ANNOTERA_ENDPOINT?: string;
}

/** Extra match patterns from ANNOTERA_EXTRA_MATCHES (comma-separated), e.g. "http://127.0.0.1/*". */
export function extraMatches(settings: BuildSettings): string[] {
  return (settings.ANNOTERA_EXTRA_MATCHES ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

/** The match pattern of a preset endpoint's origin, e.g. "http://127.0.0.1/*" (ports are not part of patterns). */
export function endpointMatch(settings: BuildSettings): string[] {
  if (!settings.ANNOTERA_ENDPOINT) return [];
  const url = new URL(settings.ANNOTERA_ENDPOINT);
  return [`${url.protocol}//${url.hostname}/*`];
}

export function contentMatches(settings: BuildSettings): string[] {
  return [...BLOG_MATCHES, ...extraMatches(settings)];
}

/** Suggested keys Chrome really assigns (it keeps Alt+Shift+A, T, B and I for itself). */
export const COMMAND_KEYS = { 'tag-selection': 'Alt+Shift+K', 'open-side-panel': 'Alt+Shift+L' } as const;

export function buildManifest(settings: BuildSettings) {
  return {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'sv',
    permissions: ['storage', 'alarms', 'contextMenus', 'sidePanel'],
    host_permissions: [...new Set([...WEB_APP_HOSTS, ...contentMatches(settings), ...endpointMatch(settings)])],
    commands: {
      'tag-selection': { suggested_key: { default: COMMAND_KEYS['tag-selection'] }, description: '__MSG_commandTag__' },
      'open-side-panel': { suggested_key: { default: COMMAND_KEYS['open-side-panel'] }, description: '__MSG_commandPanel__' },
    },
  };
}
