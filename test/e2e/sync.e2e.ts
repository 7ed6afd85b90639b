import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server';
import { decodeInvite, encodeInvite } from '../../shared/sync/invite';
import { newSyncSettings } from '../../shared/sync/settings';
import { baseUrl, launchChromium, newPage, type WatchedPage } from './support/browser';

// Two people in two browser contexts share one workspace through the sync panel and an
// invite, over a signaling endpoint on 127.0.0.1: edits cross, presence shows, both work
// offline (signaling stopped, sync switched off) and converge when they come back; a third
// person with a wrong password sees nothing and nobody crashes.

const card = (page: Page, title: string) =>
  page.locator('[data-testid="drop-card"]', { hasText: title });
const stageOf = (c: Locator) =>
  c.first().evaluate((el) => el.closest('[data-testid="column"]')?.getAttribute('data-stage-name'));
const cardTitles = (page: Page) => page.locator('[data-testid="drop-card"]').allInnerTexts();

async function openSync(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Sync:/ }).click();
  await page.getByRole('dialog', { name: 'Sync' }).waitFor();
}
const closeSync = (page: Page) =>
  page.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Close' }).click();

async function quickAdd(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Add drop to Concept & creator' }).click();
  await page.getByPlaceholder('Drop title').fill(title);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await card(page, title).waitFor();
}

const announced = (page: Page) => page.locator('[role="status"][aria-live]').allInnerTexts();

/** Keyboard drag one stage to the right, waiting for each step like a person would. */
async function moveRight(page: Page, title: string): Promise<void> {
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

async function setSyncEnabled(page: Page, on: boolean): Promise<void> {
  await openSync(page);
  const box = page.getByRole('checkbox', { name: 'Sync this workspace with teammates' });
  if ((await box.isChecked()) !== on) await box.click();
  await closeSync(page);
}

async function join(page: Page, code: string): Promise<void> {
  await openSync(page);
  await page.getByRole('button', { name: 'Join a workspace…' }).click();
  await page.getByRole('textbox', { name: 'Invite code or link' }).fill(code);
  await page
    .getByRole('dialog', { name: 'Join a workspace' })
    .getByRole('button', { name: 'Join' })
    .click();
}

// Real WebRTC connections between browser contexts: on a busy two-core machine a connection
// now and then takes longer than its wait. One retry absorbs that; a real failure fails both.
describe('two people sync a workspace', { retry: 1 }, () => {
  let browser: Browser;
  let signaling: SignalingServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // Each attempt (a retry included) starts with its own endpoint and closes its people: a
  // failed attempt may have left the endpoint stopped, or peers that would feed the next one.
  beforeEach(async () => {
    signaling = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await signaling?.close();
  });

  async function person(): Promise<WatchedPage> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const watched = await newPage(context);
    await watched.page.goto(baseUrl());
    await watched.page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    return watched;
  }

  it('invites, syncs, shows presence, converges after offline edits, and shuts out a wrong password', async () => {
    const ines = await person();
    const theo = await person();
    const a = ines.page;
    const b = theo.page;

    // Ines points her workspace at the team's signaling endpoint, names herself, invites.
    await openSync(a);
    await a.getByRole('textbox', { name: /Signaling addresses/ }).fill(signaling.address);
    await a.getByRole('button', { name: 'Save servers' }).click();
    await a.getByRole('textbox', { name: 'Your name' }).fill('Ines');
    await a.getByRole('button', { name: 'Save', exact: true }).click();
    await a.getByRole('button', { name: 'Invite teammates' }).click();
    const code = await a.getByRole('textbox', { name: 'Invite code' }).inputValue();
    expect(code).toMatch(/^CAD1\./);
    await a.getByRole('button', { name: 'Done' }).click();
    await closeSync(a);
    await quickAdd(a, 'Harbour Linen Reprise');

    // A damaged code gets a clear message; the whole code joins.
    await join(b, code.slice(0, 60));
    await expect
      .poll(() => b.getByRole('alert').allInnerTexts())
      .toContainEqual(expect.stringContaining('incomplete'));
    await b.getByRole('button', { name: 'Cancel' }).click();
    await b.keyboard.press('Escape');
    await join(b, code);
    await card(b, 'Harbour Linen Reprise').waitFor({ timeout: 30_000 });
    await openSync(b);
    await b.getByRole('textbox', { name: 'Your name' }).fill('Theo');
    await b.getByRole('button', { name: 'Save', exact: true }).click();
    await closeSync(b);

    // An edit on one appears on the other.
    await quickAdd(a, 'Café pop-up capsule');
    await card(b, 'Café pop-up capsule').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => a.getByRole('button', { name: /^Sync: Connected to 1 peer/ }).count())
      .toBe(1);

    // Presence: each sees the other by name.
    await expect
      .poll(() => a.getByRole('list', { name: 'Online now' }).innerText(), { timeout: 15_000 })
      .toContain('Theo');
    await expect
      .poll(() => b.getByRole('list', { name: 'Online now' }).innerText())
      .toContain('Ines');

    // A rename on one shows in the other's workspace switcher at once.
    await a.getByRole('button', { name: /Switch workspace$/ }).click();
    await a.getByRole('menuitem', { name: /^Rename/ }).click();
    await a.getByRole('textbox', { name: 'Name' }).fill('Saltmarsh Studio, spring');
    await a.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect
      .poll(() => b.getByRole('button', { name: /Switch workspace$/ }).getAttribute('aria-label'))
      .toBe('Workspace: Saltmarsh Studio, spring. Switch workspace');

    // Both go offline: the signaling endpoint stops and sync is switched off on both sides.
    const port = signaling.port;
    await signaling.close();
    await setSyncEnabled(a, false);
    await setSyncEnabled(b, false);
    await quickAdd(a, 'Made offline by Ines');
    await quickAdd(b, 'Made offline by Theo');
    await moveRight(a, 'Harbour Linen Reprise');
    await moveRight(b, 'Café pop-up capsule');
    await moveRight(b, 'Harbour Linen Reprise');
    await moveRight(b, 'Harbour Linen Reprise');
    const indicator = (p: Page) =>
      p.getByRole('button', { name: /^Sync:/ }).getAttribute('aria-label');
    await expect.poll(() => indicator(a)).toContain('only on this device');
    await expect
      .poll(() => card(a, 'Made offline by Ines').innerText())
      .toContain('Only on this device');

    // Back online: they converge without anyone doing anything more.
    signaling = await startSignalingServer({ host: '127.0.0.1', port });
    await setSyncEnabled(a, true);
    await setSyncEnabled(b, true);
    for (const p of [a, b]) {
      await card(p, 'Made offline by Ines').waitFor({ timeout: 30_000 });
      await card(p, 'Made offline by Theo').waitFor({ timeout: 30_000 });
    }
    for (const title of ['Harbour Linen Reprise', 'Café pop-up capsule']) {
      await expect.poll(() => card(a, title).count()).toBe(1);
      await expect.poll(() => card(b, title).count()).toBe(1);
      await expect
        .poll(async () => (await stageOf(card(a, title))) === (await stageOf(card(b, title))))
        .toBe(true);
    }
    expect(await stageOf(card(a, 'Café pop-up capsule'))).toBe('Brief');
    expect((await cardTitles(a)).length).toBe((await cardTitles(b)).length);
    await expect.poll(() => indicator(a)).not.toContain('only on this device');
    await expect.poll(() => a.getByText('Only on this device').count()).toBe(0);

    // A third person with the right room but a wrong password sees nothing.
    const parsed = decodeInvite(code);
    if (!parsed.ok) throw new Error(parsed.message);
    const wrong = encodeInvite({ ...parsed.invite, password: newSyncSettings().password });
    const mallory = await person();
    await join(mallory.page, wrong);
    await expect
      .poll(() => a.getByRole('alert').allInnerTexts(), { timeout: 30_000 })
      .toContainEqual(expect.stringContaining('Someone tried to join with a wrong password'));
    await expect
      .poll(() => mallory.page.getByText('Waiting for a teammate to send this workspace').count())
      .toBe(1);
    expect(await mallory.page.locator('[data-testid="drop-card"]').count()).toBe(0);

    // Nobody crashed: no uncaught OperationError anywhere.
    for (const w of [ines, theo, mallory]) expect(w.pageErrors).toEqual([]);
  });
});
