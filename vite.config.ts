import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The renderer is one Vite app: served by `npm run web` in a browser, loaded from
// dist/ by Electron in the desktop build (relative base so file:// works).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  publicDir: '../resources/public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 5173, strictPort: true },
  test: {
    root: '.',
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'server/**/*.test.ts',
      'test/unit/**/*.test.ts',
      'test/harness/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
  },
});
