/* global window, PerformanceObserver */ // browser globals inside the page's init script
// Helpers shared by the benchmark sections (files starting with `_` are not sections).
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import chromiumFlags from '../chromium-flags.json' with { type: 'json' };

/** Flags for Debian's Chromium on a machine with no network but loopback (see the JSON file). */
export const CHROMIUM_ARGS = chromiumFlags.args;

/** What a benchmark's trace records: script, style, layout and paint, and the app's marks. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-devtools.timeline',
];

const sorted = (xs) => [...xs].sort((a, b) => a - b);
export const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
export const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
/** Milliseconds rounded to one decimal, for printing. */
export const ms = (x) => Math.round(x * 10) / 10;

/**
 * Bundles a benchmark page (`test/bench/<name>.tsx`) with esbuild into `dir`, beside an
 * index.html that loads it, so a section can open the real views from a file:// URL.
 */
export async function bundlePage(dir, name, loader = {}) {
  await build({
    entryPoints: [join(fileURLToPath(new URL('.', import.meta.url)), `${name}.tsx`)],
    bundle: true,
    outdir: dir,
    format: 'iife',
    jsx: 'automatic',
    // Profiles (CADENCE_BENCH_PROFILE) keep the function names.
    minify: !process.env.CADENCE_BENCH_PROFILE,
    loader,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="${name}.css">` +
      `<body style="margin:0"><div id="root"></div><script src="${name}.js"></script>`,
  );
}

/**
 * Hears each time a page sets the performance mark `name`, without evaluating anything in the
 * page: Playwright's first evaluation in a page installs its own script on the main thread
 * (about 35 ms here) and `waitForFunction` polls every frame, both in the middle of what an
 * open measures. A PerformanceObserver added before the page's own scripts (on every
 * navigation) calls a binding instead. Call before `goto`; `next()` resolves at the next mark.
 */
export async function watchMark(page, name) {
  const waiting = [];
  await page.exposeFunction('__cadenceBenchMark', () => waiting.shift()?.());
  await page.addInitScript((mark) => {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === mark) window.__cadenceBenchMark();
    }).observe({ type: 'mark' });
  }, name);
  return {
    next(timeout = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${name} within ${timeout} ms`)),
          timeout,
        );
        waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The blank page on the app's origin where seed scripts run without the app. */
export const BENCH_PAGE = '__bench__';

/**
 * Serves the built app (dist/) with `vite preview` on loopback, and a blank page at
 * `BENCH_PAGE`. The server serves that page itself: a Playwright route would turn off the
 * browser's HTTP cache for the whole context, and with it V8's cache of compiled scripts, so
 * every "warm" open would fetch and compile the app's scripts again as on a first start.
 * Returns `{ base, close }`.
 */
export async function previewApp(root) {
  const port = await freePort();
  const server = await preview({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'error',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    plugins: [
      {
        name: 'cadence-bench-page',
        configurePreviewServer(s) {
          s.middlewares.use(`/${BENCH_PAGE}`, (_req, res) => {
            res.setHeader('Content-Type', 'text/html');
            res.end('<!doctype html><title>bench</title>');
          });
        },
      },
    ],
  });
  return {
    base: `http://127.0.0.1:${port}/`,
    close: () => server.close(),
  };
}
