import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startSignalingServer, type SignalingServer } from '../../../electron/signaling/server';
import { baseUrl, launchChromium, newPage, type WatchedPage } from './browser';

// Teammates in the built app: each is a Chromium context that sets up sync through the real
// sync panel, invites through the real invite dialog and joins by pasting the code.

export const card = (page: Page, title: string) =>
  page.locator('[data-testid="drop-card"]', { hasText: title });

/** The stage (column name) a card stands in. */
export const stageOf = (c: Locator) =>
  c.first().evaluate((el) => el.closest('[data-testid="column"]')?.getAttribute('data-stage-name'));

/** What the board's live regions have said. */
export const announced = (page: Page) => page.locator('[role="status"][aria-live]').allInnerTexts();

/** Adds a drop to the first stage with the column's quick add and waits for its card. */
export async function quickAdd(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Add drop to Concept & creator' }).click();
  await page.getByPlaceholder('Drop title').fill(title);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await card(page, title).waitFor();
}

/** Keyboard drag one stage to the right, waiting for each step like a person would. */
export async function moveRight(page: Page, title: string): Promise<void> {
  const before = await stageOf(card(page, title));
  await card(page, title).focus();
  await page.keyboard.press('Space');
  await expect
    .poll(() => announced(page))
    .toContainEqual(expect.stringContaining(`Picked up drop ${title}`));
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => announced(page)).toContainEqual(expect.stringContaining('moved to'));
  await page.keyboard.press('Space');
  await expect.poll(() => stageOf(card(page, title))).not.toBe(before);
}

export async function openSync(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Sync:/ }).click();
  await page.getByRole('dialog', { name: 'Sync' }).waitFor();
}

export const closeSync = (page: Page) =>
  page.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Close' }).click();

/** Switches sync on or off in the sync panel. */
export async function setSyncEnabled(page: Page, on: boolean): Promise<void> {
  await openSync(page);
  const box = page.getByRole('checkbox', { name: 'Sync this workspace with teammates' });
  if ((await box.isChecked()) !== on) await box.click();
  await closeSync(page);
}

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

/**
 * Ines (`a`) invites, Theo (`b`) joins with the code, and both wait until Theo has the board and
 * Ines counts him as a connected peer. Returns the title of Ines's first card.
 */
export async function pairUp(a: Page, b: Page, signaling: SignalingServer): Promise<string> {
  const code = await invite(a, signaling);
  const title = (await a.locator('[data-testid="drop-card"] .card-title').first().textContent())!;
  await join(b, code);
  await card(b, title).waitFor({ timeout: 30_000 });
  await expect
    .poll(() => a.getByRole('button', { name: /^Sync: Connected to 1 peer/ }).count(), {
      timeout: 30_000,
    })
    .toBe(1);
  return title;
}

/** A describe block's teammates: see useTeam. */
export interface Team {
  readonly browser: Browser;
  /** This test's signaling endpoint on 127.0.0.1. */
  readonly signaling: SignalingServer;
  /** A new person on the sample workspace, closed after the test. */
  person(opts?: Parameters<typeof person>[2]): Promise<WatchedPage>;
  /** Stops the endpoint (everyone is cut off from signaling). */
  stopSignaling(): Promise<void>;
  /** Starts the endpoint again on the same port, so the apps reconnect to it. */
  restartSignaling(): Promise<void>;
}

/**
 * Registers the hooks of a describe block where teammates meet: one Chromium for the block and,
 * for each test (a retry included), its own signaling endpoint and people, closed after it: a
 * failed attempt may have left the endpoint stopped, or peers that would feed the next one.
 */
export function useTeam(): Team {
  let browser: Browser | undefined;
  let signaling: SignalingServer | undefined;
  let port = 0;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    signaling = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    port = signaling.port;
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await signaling?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: call useTeam() in describe`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'Chromium');
    },
    get signaling() {
      return ready(signaling, 'The signaling endpoint');
    },
    person: (opts) => person(ready(browser, 'Chromium'), contexts, opts),
    stopSignaling: async () => {
      await ready(signaling, 'The signaling endpoint').close();
    },
    restartSignaling: async () => {
      signaling = await startSignalingServer({ host: '127.0.0.1', port });
    },
  };
}
