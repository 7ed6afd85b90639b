import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server';
import { launchChromium } from './support/browser';
import { closeSync, openSync, pairUp, person } from './support/team';

// Ines changes the workspace's password while Theo is connected. Theo, left with the old
// password, is told once that his invite no longer works; Ines is told once that someone still
// has the old invite, however often his app knocks; no notice covers the board's controls.

const alerts = (p: Page) => p.locator('.sync-notices [role="alert"]').allInnerTexts();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Notices and the board's headers and buttons that overlap on screen. */
async function coveredControls(page: Page): Promise<string[]> {
  const notices = await page
    .locator('.sync-notices')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box));
  const controls = await page
    .locator('[data-testid="board"] :is(.column-header, button)')
    .evaluateAll((els) =>
      els.map((el) => ({
        name: el.textContent?.trim() ?? '',
        box: el.getBoundingClientRect().toJSON() as Box,
      })),
    );
  return controls
    .filter((c) => c.box.width > 0 && notices.some((n) => overlaps(n, c.box)))
    .map((c) => c.name);
}

describe('a password change, as each person sees it', { retry: 1 }, () => {
  let browser: Browser;
  let signaling: SignalingServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    signaling = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await signaling?.close();
  });

  it('tells the locked-out person once, and teammates once per person, covering nothing', async () => {
    // Signaling messages each page receives: after the change, Theo's app keeps knocking.
    const received = { a: 0, b: 0 };
    const ines = await person(browser, contexts, {
      onPage: (p) => p.on('websocket', (ws) => ws.on('framereceived', () => (received.a += 1))),
    });
    const theo = await person(browser, contexts, {
      onPage: (p) => p.on('websocket', (ws) => ws.on('framereceived', () => (received.b += 1))),
    });
    const a = ines.page;
    const b = theo.page;
    await pairUp(a, b, signaling);

    // Ines changes the password.
    await openSync(a);
    await a.getByRole('button', { name: 'Rotate password…' }).click();
    await a.getByRole('button', { name: 'Rotate password', exact: true }).click();
    await closeSync(a);

    const retired = expect.stringContaining("This workspace's invite no longer works");
    const former = expect.stringContaining('still has the invite from before you changed');
    await expect.poll(() => alerts(b), { timeout: 30_000 }).toEqual([retired]);
    await expect.poll(() => alerts(a), { timeout: 30_000 }).toEqual([former]);

    // Twelve seconds on, with messages still arriving, each still shows one notice, once.
    const before = { ...received };
    await a.waitForTimeout(12_000);
    expect(received.a - before.a).toBeGreaterThan(0);
    expect(await alerts(b)).toEqual([retired]);
    expect(await alerts(a)).toEqual([former]);
    for (const text of [...(await alerts(a)), ...(await alerts(b))]) {
      expect(text).not.toMatch(/×|people/);
    }

    // Notices sit above the board, never over a column header or button.
    for (const p of [a, b]) {
      await p.locator('[data-testid="board"] .column-header').first().waitFor();
      expect(await coveredControls(p)).toEqual([]);
    }
    await b.screenshot({ path: 'test-results/sync-notices-locked-out.png' });
    await a.screenshot({ path: 'test-results/sync-notices-rotated.png' });

    // Dismissed, it stays dismissed while the old password keeps knocking.
    await a.locator('.sync-notices').getByRole('button', { name: 'Dismiss' }).click();
    await a.waitForTimeout(3_000);
    expect(await alerts(a)).toEqual([]);
    for (const w of [ines, theo]) expect(w.pageErrors).toEqual([]);
  });
});
