// How Annotera starts the system Chromium with the extension loaded (npm start, the tests and the screenshots).

export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Flags for Chromium (with the unpacked extension when given), on a machine without network beyond loopback. */
export function chromiumFlags(extensionDir?: string): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-first-run',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Chromium refuses to run as root with its sandbox.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}
