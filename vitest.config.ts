// Vitest configuration: unit tests, add-on tests on the local runtime and end-to-end tests in Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Polls wait for what a real browser and server do; under a loaded 2-core CI machine that can take seconds.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
