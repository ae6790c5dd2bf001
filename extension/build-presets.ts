// Build-time presets (web app address, team token, extra content-script matches): only local development builds get them.

/** The build mode of the builds `npm start`, the tests and the screenshots make (`wxt build --mode localdev`). */
export const LOCAL_MODE = 'localdev';

export interface Presets {
  ANNOTERA_ENDPOINT?: string;
  ANNOTERA_TOKEN?: string;
  ANNOTERA_EXTRA_MATCHES?: string;
}

/**
 * The presets a build gets from its environment: all of them in a local build (which must name its own output folder),
 * none in any other, so `npm run build` never carries a token even when one is set in the shell.
 */
export function buildPresets(mode: string, env: Record<string, string | undefined>): Presets {
  if (mode !== LOCAL_MODE) return {};
  if (!env.ANNOTERA_OUT_DIR) throw new Error('A local build (--mode localdev) needs ANNOTERA_OUT_DIR, so it never lands in the release folder .output/.');
  return { ANNOTERA_ENDPOINT: env.ANNOTERA_ENDPOINT, ANNOTERA_TOKEN: env.ANNOTERA_TOKEN, ANNOTERA_EXTRA_MATCHES: env.ANNOTERA_EXTRA_MATCHES };
}
