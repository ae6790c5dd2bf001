// Vitest configuration: unit tests, add-on tests on the local runtime and end-to-end tests in Chromium; the extension's
// storage and sync modules run against WXT's in-memory fake browser in a project of their own.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/** Tests of extension modules that use browser.* (storage, alarms): they get WXT's fakeBrowser as `browser`. */
const WITH_FAKE_BROWSER = ['tests/unit/outbox-*.test.ts', 'tests/unit/sync*.test.ts', 'tests/unit/storage*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Polls wait for what a real browser and server do. On a 2-core machine under stress-ng (npm run test:soak) a save
    // can take a send, a retry after the first backoff (2 s) and a second send to reach the sheet, so a condition gets up
    // to the extension's own request timeout (30 s) before the test gives up; a condition that holds ends the wait at once.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: WITH_FAKE_BROWSER } },
      {
        extends: true,
        plugins: [WxtVitest()],
        // What the build defines (wxt.config.ts): no preset connection in these tests.
        define: { __ANNOTERA_ENDPOINT__: '""', __ANNOTERA_TOKEN__: '""' },
        test: { name: 'fake-browser', include: WITH_FAKE_BROWSER },
      },
    ],
  },
});
