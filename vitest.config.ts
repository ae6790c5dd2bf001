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
    // Polls wait for what a real browser and server do; under a loaded 2-core CI machine that can take seconds.
    expect: { poll: { timeout: 10_000, interval: 100 } },
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
