// Builds the extension for a test run and launches the system Chromium (headless) with it loaded, through playwright-core.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { LOCAL_MODE } from '../../extension/build-presets';
import { CHROME, chromiumFlags } from '../../scripts/chromium';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Builds the extension into .output/<name>/chrome-mv3 with the settings preset and the extra match patterns. */
export function buildExtension(name: string, env: Record<string, string>): string {
  const outDir = join(ROOT, '.output', name);
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build', '--mode', LOCAL_MODE], {
    cwd: ROOT,
    env: { ...process.env, ...env, ANNOTERA_OUT_DIR: outDir },
    stdio: 'pipe',
  });
  return join(outDir, 'chrome-mv3');
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  /** Stops the extension's service worker as Chrome does when it idles, through chrome://serviceworker-internals (if it runs). */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Chromium in a language (its UI locale, which picks the extension's _locales, and navigator.language). */
export async function launchWithExtension(extensionPath: string, language = 'sv-SE'): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'annotera-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: language,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...chromiumFlags(extensionPath), '--disable-gpu', `--lang=${language}`],
    env: { ...process.env, LANGUAGE: language.replace('-', '_') },
  });
  const worker = async () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? context.waitForEvent('serviceworker');
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    async stopWorker() {
      const internals = await context.newPage();
      await internals.goto('chrome://serviceworker-internals/');
      const registration = internals.locator('.serviceworker-registration', { hasText: `chrome-extension://${extensionId}/` });
      const stopped = registration.getByText('Running Status: STOPPED');
      // A worker that nothing has started since it was last stopped has nothing to stop.
      if (!(await stopped.isVisible())) await registration.getByText('Stop', { exact: true }).click();
      await stopped.waitFor();
      await internals.close();
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
