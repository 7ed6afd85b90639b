import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { encodeInvite } from '../../shared/sync/invite';
import { baseUrl, launchChromium, newPage } from './support/browser';

// A locked-out former teammate still knows the workspace's id and sends an invite for it that
// points at their own server. Joining must show what would change, warn, and change nothing
// until the person confirms.

const storedText = (page: Page) =>
  page.evaluate(() => Object.values({ ...localStorage }).join('\n'));

describe('an invite that would redirect an existing workspace', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('shows the workspace and the servers, warns, and changes nothing until confirmed', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    await page.locator('[data-testid="drop-card"]').first().click();
    await page.getByTestId('open-brief').click();
    const workspaceId = (await page.locator('.brief-sheet').getAttribute('data-workspace-id'))!;
    await page.reload();
    await page.waitForSelector('[data-testid="drop-card"]');

    const code = encodeInvite({
      workspaceId,
      name: 'Saltmarsh Studio',
      room: 'r'.repeat(24),
      password: 'p'.repeat(24),
      signaling: ['wss://evil.example:4444/?token=aaaaaaaaaaaaaaaaaaaaaaaa'],
    });
    const openJoin = async () => {
      await page.getByRole('button', { name: /^Sync:/ }).click();
      await page.getByRole('button', { name: 'Join a workspace…' }).click();
      await page.getByRole('textbox', { name: 'Invite code or link' }).fill(code);
    };
    const dialog = page.getByRole('dialog', { name: 'Join a workspace' });

    await openJoin();
    const review = page.getByTestId('join-review');
    await expect.poll(() => review.textContent()).toContain('already on this computer');
    expect(await review.textContent()).toContain('evil.example');
    expect(await page.getByTestId('join-servers-warning').textContent()).toMatch(
      /not the servers this workspace uses now/,
    );
    // Pressing Join once only asks for confirmation: nothing is stored yet.
    await dialog.getByRole('button', { name: 'Join' }).click();
    await dialog.getByRole('button', { name: 'Replace sync settings and join' }).waitFor();
    expect(await storedText(page)).not.toContain('evil.example');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await storedText(page)).not.toContain('evil.example');

    // Positive control: confirming does store the invite's servers.
    await page.keyboard.press('Escape');
    await openJoin();
    await dialog.getByRole('button', { name: 'Join' }).click();
    await dialog.getByRole('button', { name: 'Replace sync settings and join' }).click();
    await expect.poll(() => storedText(page)).toContain('evil.example');
    expect(pageErrors).toEqual([]);
  });
});
