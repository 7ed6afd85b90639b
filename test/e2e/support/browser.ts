import { afterAll, beforeAll, inject } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { assertChromium } from './chromium';
import chromiumFlags from '../../chromium-flags.json';

// Shared with the benchmarks; test/README.md says why each flag is there.
export const CHROMIUM_ARGS: string[] = [...chromiumFlags.args];

/** Launches headless Debian Chromium (fails clearly when it is missing). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: assertChromium(), headless: true, args: CHROMIUM_ARGS });
}

/** A context that keeps IndexedDB in `userDataDir` across browser restarts. */
export function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: assertChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * One browser and one context for the `describe` block it is called in: launched before its
 * tests, closed after them. Read the context inside a test with `context()`.
 */
export function contextForSuite(options: BrowserContextOptions): () => BrowserContext {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext(options);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });
  return () => {
    if (!context) throw new Error('The suite’s browser is not open yet.');
    return context;
  };
}

/** The built renderer's base URL (ends with '/'), e.g. `${baseUrl()}?ws=w_123`. */
export function baseUrl(): string {
  return inject('baseUrl') ?? process.env.CADENCE_E2E_BASE_URL ?? '';
}

/** A page plus what went wrong on it, so a test can assert that nothing did. */
export interface WatchedPage {
  page: Page;
  /** console.error messages and uncaught exceptions, in order. */
  errors: string[];
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections: a test should normally expect none. */
  pageErrors: string[];
  /** Responses with an HTTP error status, as `404 http://…`. */
  failedResponses: string[];
}

/** Opens a page that records console errors and uncaught page errors. */
export async function newPage(context: BrowserContext | Browser): Promise<WatchedPage> {
  const page = await context.newPage();
  const watched: WatchedPage = {
    page,
    errors: [],
    consoleErrors: [],
    pageErrors: [],
    failedResponses: [],
  };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    const text = where ? `${msg.text()} (${where})` : msg.text();
    watched.consoleErrors.push(text);
    watched.errors.push(`console: ${text}`);
  });
  page.on('pageerror', (err) => {
    const text = err.stack ?? err.message;
    watched.pageErrors.push(text);
    watched.errors.push(`page: ${text}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) watched.failedResponses.push(`${res.status()} ${res.url()}`);
  });
  return watched;
}
