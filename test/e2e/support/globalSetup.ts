import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertChromium } from './chromium';
import { startPreview } from './preview';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the built renderer served by `vite preview`, e.g. http://127.0.0.1:41234/ */
    baseUrl: string;
  }
}

/** Checks Chromium, serves dist/ on a free loopback port, and hands its URL to the tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromium();
  if (!existsSync(resolve('dist/index.html'))) {
    throw new Error('dist/ is missing: build the renderer first (`npm run test:e2e` does it).');
  }
  const preview = await startPreview();
  project.provide('baseUrl', preview.url);
  process.env.CADENCE_E2E_BASE_URL = preview.url;
  return () => preview.close();
}
