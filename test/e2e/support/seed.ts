import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import type { Seeds } from '../pages/seed';
import { baseUrl } from './browser';

let script: Promise<string> | null = null;
const seedScript = () =>
  (script ??= build({
    entryPoints: ['test/e2e/pages/seed.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  }).then((out) => out.outputFiles[0]!.text));

/**
 * Stores a workspace built by one of `test/e2e/pages/seed.ts`'s seeds in the context's
 * IndexedDB, from a blank page on the app's origin (the app's CSP allows no inline script), at
 * the page clock's `now` when given. Returns its id: open it with `${baseUrl()}?ws=${id}`.
 */
export async function seedWorkspace<K extends keyof Seeds>(
  context: BrowserContext,
  seed: K,
  args: Parameters<Seeds[K]>,
  now?: Date,
): Promise<string> {
  const base = baseUrl();
  await context.route(`${base}__seed__`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  );
  const page = await context.newPage();
  try {
    if (now) await page.clock.setFixedTime(now);
    await page.goto(`${base}__seed__`);
    await page.addScriptTag({ content: await seedScript() });
    return await page.evaluate(
      ({ seed, args }) =>
        (window.cadenceSeed[seed] as (...a: unknown[]) => Promise<string>)(...args),
      { seed, args: args as unknown[] },
    );
  } finally {
    await page.close();
  }
}
