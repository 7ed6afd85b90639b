import { defineConfig } from 'vitest/config';

// End-to-end tests: Playwright drives Debian's Chromium against the built renderer (dist/),
// served once by `vite preview` in the global setup. Files run one after another: each one
// starts a browser, and the machine has few cores.
export default defineConfig({
  test: {
    root: '.',
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Peer-to-peer tests wait on real WebRTC connections between browser contexts; on a busy
    // two-core machine a connection now and then takes longer than its wait. One retry absorbs
    // that; a real failure fails both attempts.
    retry: 1,
  },
});
