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
    // No retries here: a test that fails once has failed. Only the files with a network between
    // peers (sync, brief-peers, brief-paragraph-end, presence) allow one retry, on their own describe block.
    retry: 0,
  },
});
