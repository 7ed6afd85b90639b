import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../../unit/sync/support/teamServers';
import { baseUrl, launchChromium, newPage, type WatchedPage } from './browser';

/**
 * A suite of team server tests in the built app: one browser for the suite; each test's
 * profiles and the server it started are closed after it.
 */
export function useServerSuite() {
  let browser: Browser;
  let server: ServerProcess | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await server?.kill();
    server = null;
  });
  return {
    /** Starts `npm run server`'s process for this test (again after a restart). */
    async startServer(opts: Parameters<typeof startServerProcess>[0]): Promise<ServerProcess> {
      server = await startServerProcess(opts);
      return server;
    },
    /** A new profile, on the sample workspace's board. */
    async open(): Promise<WatchedPage> {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      contexts.push(context);
      const watched = await newPage(context);
      await watched.page.goto(baseUrl());
      await watched.page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
      return watched;
    },
  };
}
