import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server';
import { decodeInvite } from '../../shared/sync/invite';
import { baseUrl, launchChromium, newPage, type WatchedPage } from './support/browser';
import { card, closeSync, nameSelf, openSync } from './support/team';

// Sharing from the browser build: no invite without a way to connect (the dialog walks the
// person to one), a link worded for where it opens, and what a teammate sees after joining
// with it: a copy told apart from their own workspace of the same name, the waiting banner
// gone once the board is here, and an invite made before then carrying the real name.

async function setSyncEnabled(page: Page, on: boolean): Promise<void> {
  await openSync(page);
  const box = page.getByRole('checkbox', { name: 'Sync this workspace with teammates' });
  if ((await box.isChecked()) !== on) await box.click();
  await closeSync(page);
}

const notices = (page: Page) => page.locator('.notice-region, .sync-notices').allInnerTexts();

describe('sharing from the browser', { retry: 1 }, () => {
  let browser: Browser;
  let signaling: SignalingServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    signaling = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await signaling?.close();
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function person(): Promise<WatchedPage> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(baseUrl()).origin,
    });
    contexts.push(context);
    const watched = await newPage(context);
    await watched.page.goto(baseUrl());
    await watched.page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    return watched;
  }

  it('invites only once there is a way to connect; the browser link opens the join dialog', async () => {
    const ines = await person();
    const a = ines.page;
    await nameSelf(a, 'Ines');

    // No server yet: no code, but the ways to get one.
    await openSync(a);
    await a.getByRole('button', { name: 'Invite teammates' }).click();
    const dialog = a.getByRole('dialog', { name: 'Invite teammates' });
    await expect.poll(() => dialog.innerText()).toContain('Teammates can’t reach');
    expect(await dialog.getByRole('textbox', { name: 'Invite code' }).count()).toBe(0);
    expect(await dialog.getByRole('textbox', { name: 'Team server address' }).count()).toBe(1);
    // A browser cannot host: it says so instead of offering it.
    expect(await dialog.getByRole('button', { name: /Host sync/ }).count()).toBe(0);
    await dialog.getByRole('textbox', { name: 'Signaling address' }).fill('http://nope');
    await dialog.getByRole('button', { name: 'Use this address' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').allInnerTexts())
      .toContainEqual(expect.stringContaining('A signaling address looks like'));
    expect(await dialog.getByRole('textbox', { name: 'Invite code' }).count()).toBe(0);
    await dialog.getByRole('textbox', { name: 'Signaling address' }).fill(signaling.address);
    await dialog.getByRole('button', { name: 'Use this address' }).click();

    // Now the invite: it carries the address and who sent it.
    const code = await dialog.getByRole('textbox', { name: 'Invite code' }).inputValue();
    const decoded = decodeInvite(code);
    expect(decoded.ok && decoded.invite.signaling).toEqual([signaling.address]);
    expect(decoded.ok && decoded.invite.from).toBe('Ines');
    expect(decoded.ok && decoded.invite.name).toBe('Saltmarsh Studio');

    // The link is worded for, and opens, the browser.
    await dialog.getByRole('button', { name: 'Copy link for the browser' }).click();
    await expect
      .poll(() => dialog.getByRole('status').innerText())
      .toContain(`opens Cadence in the browser at ${new URL(baseUrl()).host}`);
    const link = await a.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${baseUrl()}`)).toBe(true);
    expect(link).toContain('#/join/CAD1.');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await closeSync(a);

    const theo = await person();
    const b = theo.page;
    await b.goto(link);
    const join = b.getByRole('dialog', { name: 'Join a workspace' });
    await join.waitFor();
    expect(await join.getByRole('textbox', { name: 'Invite code or link' }).inputValue()).toBe(
      code,
    );
    expect(await join.getByTestId('join-review').innerText()).toContain(
      '“Saltmarsh Studio” from Ines',
    );
    // The code left the address bar.
    expect(b.url()).not.toContain('#/join/');
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });

  it('a joined copy is told apart, names itself in invites, and stops waiting once its board arrives', async () => {
    const ines = await person();
    const a = ines.page;
    await nameSelf(a, 'Ines');
    await openSync(a);
    await a.getByRole('button', { name: 'Invite teammates' }).click();
    const dialog = a.getByRole('dialog', { name: 'Invite teammates' });
    await dialog.getByRole('textbox', { name: 'Signaling address' }).fill(signaling.address);
    await dialog.getByRole('button', { name: 'Use this address' }).click();
    const code = await dialog.getByRole('textbox', { name: 'Invite code' }).inputValue();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await closeSync(a);
    // Ines goes offline before Theo joins: his copy waits for its board.
    await setSyncEnabled(a, false);

    const theo = await person();
    const b = theo.page;
    await openSync(b);
    await b.getByRole('button', { name: 'Join a workspace…' }).click();
    await b.getByRole('textbox', { name: 'Invite code or link' }).fill(code);
    await b
      .getByRole('dialog', { name: 'Join a workspace' })
      .getByRole('button', { name: 'Join' })
      .click();
    await expect
      .poll(() => notices(b))
      .toContainEqual(expect.stringContaining('Waiting for a teammate'));
    // Nothing offers to build a board of its own meanwhile: a stage added now would sit beside
    // the team's own ones when the board arrives.
    const offers = () =>
      Promise.all([
        b.getByRole('button', { name: 'Add stage' }).count(),
        b.getByRole('button', { name: 'Add your first drop' }).count(),
        b.getByRole('region', { name: 'Getting started' }).count(),
      ]);
    expect(await offers()).toEqual([0, 0, 0]);

    // An invite Theo makes before the board arrived names the workspace, not "Untitled".
    await openSync(b);
    await b.getByRole('button', { name: 'Invite teammates' }).click();
    const theoCode = await b.getByRole('textbox', { name: 'Invite code' }).inputValue();
    const decoded = decodeInvite(theoCode);
    expect(decoded.ok && decoded.invite.name).toBe('Saltmarsh Studio');
    await b
      .getByRole('dialog', { name: 'Invite teammates' })
      .getByRole('button', { name: 'Done' })
      .click();
    await closeSync(b);

    // Ines comes back: the board arrives, the waiting banner goes, a toast says it is here.
    await setSyncEnabled(a, true);
    await card(b, 'Winter Pier Scarf').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => notices(b), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining('has arrived from your teammates'));
    const shown = (await notices(b)).join('\n');
    expect(shown).not.toContain('Waiting for a teammate');
    // The team's board is here: it can be added to again.
    await expect.poll(() => b.getByRole('button', { name: 'Add stage' }).count()).toBe(1);
    expect(shown).not.toContain('the board arrives as soon as');

    // Two "Saltmarsh Studio" in the switcher, each saying where it comes from.
    await b.getByRole('button', { name: /Switch workspace/ }).click();
    const entries = b.getByRole('menuitemradio');
    await expect.poll(() => entries.count()).toBe(2);
    const texts = await entries.allInnerTexts();
    expect(texts.every((t) => t.startsWith('Saltmarsh Studio'))).toBe(true);
    expect(texts).toContainEqual(expect.stringMatching(/Joined from Ines · \w/));
    expect(texts).toContainEqual(expect.stringMatching(/Made on this computer · \w/));
    await b.screenshot({ path: 'test-results/share-web-switcher.png' });
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });
});
