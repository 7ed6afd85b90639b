import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SignalingServer } from '../../../electron/signaling/server';
import { baseUrl, newPage, type WatchedPage } from './browser';

// Teammates in the built app: each is a Chromium context that sets up sync through the real
// sync panel, invites through the real invite dialog and joins by pasting the code.

export const card = (page: Page, title: string) =>
  page.locator('[data-testid="drop-card"]', { hasText: title });

export async function openSync(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Sync:/ }).click();
  await page.getByRole('dialog', { name: 'Sync' }).waitFor();
}

export const closeSync = (page: Page) =>
  page.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Close' }).click();

/**
 * Opens the app on the sample workspace in a new context (kept in `contexts` to close later);
 * `init` runs in the page before the app, `onPage` sees the page before it loads.
 */
export async function person(
  browser: Browser,
  contexts: BrowserContext[],
  opts: { init?: () => void; onPage?: (page: Page) => void } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  if (opts.init) await context.addInitScript(opts.init);
  const watched = await newPage(context);
  opts.onPage?.(watched.page);
  await watched.page.goto(baseUrl());
  await watched.page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
  return watched;
}

/** Names this person in the sync panel (and picks their colour when given). */
export async function nameSelf(page: Page, name: string, colour?: string): Promise<void> {
  await openSync(page);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  if (colour) await page.locator('input.sync-colour').fill(colour);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await closeSync(page);
}

/** Points the workspace at the endpoint and returns an invite code from the invite dialog. */
export async function invite(page: Page, signaling: SignalingServer): Promise<string> {
  await openSync(page);
  await page.getByRole('textbox', { name: /Signaling addresses/ }).fill(signaling.address);
  await page.getByRole('button', { name: 'Save servers' }).click();
  await page.getByRole('button', { name: 'Invite teammates' }).click();
  const code = await page.getByRole('textbox', { name: 'Invite code' }).inputValue();
  await page.getByRole('button', { name: 'Done' }).click();
  await closeSync(page);
  return code;
}

/** Pastes an invite code into the join dialog. */
export async function join(page: Page, code: string): Promise<void> {
  await openSync(page);
  await page.getByRole('button', { name: 'Join a workspace…' }).click();
  await page.getByRole('textbox', { name: 'Invite code or link' }).fill(code);
  await page
    .getByRole('dialog', { name: 'Join a workspace' })
    .getByRole('button', { name: 'Join' })
    .click();
}
