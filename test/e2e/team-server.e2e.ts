import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  freePort,
  startServerProcess,
  tempDir,
  type ServerProcess,
} from '../unit/sync/support/teamServers';
import { baseUrl, launchChromium, newPage, type WatchedPage } from './support/browser';

// Two people in the built app share a workspace through a team server process (`npm run
// server`, SQLite) on 127.0.0.1, with no peer-to-peer path at all: invite and join through the
// sync panel, edits both ways, presence, a restart of the server process (nothing lost),
// and asynchronous work (each edits while the other's app is closed).

const card = (page: Page, title: string) =>
  page.locator('[data-testid="drop-card"]', { hasText: title });
const indicator = (p: Page) => p.getByRole('button', { name: /^Sync:/ }).getAttribute('aria-label');

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

/** The team server line of the sync panel. */
const serverState = (page: Page) => page.getByTestId('team-server-state').innerText();

/** Opens the panel until the server has every change made here, as a person would check. */
async function waitAllSent(page: Page): Promise<void> {
  await openSync(page);
  await expect
    .poll(() => serverState(page), { timeout: 30_000 })
    .toBe('Connected: every change made here is on the server.');
  await closeSync(page);
}

describe('two people through a team server', { timeout: 300_000, retry: 1 }, () => {
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
  });

  async function newPerson(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    return context;
  }
  /** Opens the app in `context` (its IndexedDB keeps the person's workspaces). */
  async function open(context: BrowserContext): Promise<WatchedPage> {
    const watched = await newPage(context);
    await watched.page.goto(baseUrl());
    await watched.page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    return watched;
  }

  it('invite, join, edits both ways, a server restart, asynchronous work', async () => {
    const dir = tempDir();
    const port = await freePort();
    server = await startServerProcess({ database: join(dir, 'team.sqlite'), port });

    const inesContext = await newPerson();
    const theoContext = await newPerson();
    const ines = await open(inesContext);
    const a = ines.page;

    // Ines adds the team server and invites (no signaling address: the server is the only path).
    await openSync(a);
    await a.getByRole('textbox', { name: 'Your name' }).fill('Ines');
    await a.getByRole('button', { name: 'Save', exact: true }).click();
    await a.getByRole('textbox', { name: 'Team server address' }).fill('http://nope');
    await a.getByRole('button', { name: 'Add team server' }).click();
    await expect
      .poll(() => a.getByRole('alert').allInnerTexts())
      .toContainEqual(expect.stringContaining('A team server address looks like'));
    await a.getByRole('textbox', { name: 'Team server address' }).fill(server.url);
    await a.getByRole('button', { name: 'Add team server' }).click();
    await expect
      .poll(() => serverState(a), { timeout: 30_000 })
      .toBe('Connected: every change made here is on the server.');
    await a.getByRole('button', { name: 'Invite teammates' }).click();
    const code = await a.getByRole('textbox', { name: 'Invite code' }).inputValue();
    await a.getByRole('button', { name: 'Done' }).click();
    await closeSync(a);
    await expect.poll(() => indicator(a)).toContain('Connected to the team server');
    await quickAdd(a, 'Harbour Linen Reprise');

    // Theo joins with the invite: the board comes from the server.
    const theo = await open(theoContext);
    const b = theo.page;
    await openSync(b);
    await b.getByRole('button', { name: 'Join a workspace…' }).click();
    await b.getByRole('textbox', { name: 'Invite code or link' }).fill(code);
    await b
      .getByRole('dialog', { name: 'Join a workspace' })
      .getByRole('button', { name: 'Join' })
      .click();
    await card(b, 'Harbour Linen Reprise').waitFor({ timeout: 30_000 });
    await openSync(b);
    await b.getByRole('textbox', { name: 'Your name' }).fill('Theo');
    await b.getByRole('button', { name: 'Save', exact: true }).click();
    await closeSync(b);

    // Edits both ways, and presence through the server.
    await quickAdd(b, 'Café pop-up capsule');
    await card(a, 'Café pop-up capsule').waitFor({ timeout: 15_000 });
    await quickAdd(a, 'Dawn run');
    await card(b, 'Dawn run').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => a.getByRole('list', { name: 'Online now' }).innerText(), { timeout: 15_000 })
      .toContain('Theo');
    await openSync(a);
    await expect
      .poll(() => a.getByRole('list', { name: 'Peers' }).innerText())
      .toMatch(/Theo\s*Through the team server/);
    await closeSync(a);

    // The server process restarts (Ctrl+C): an edit made meanwhile waits, marked, then goes out.
    expect(await server.interrupt()).toBe(0);
    await expect.poll(() => indicator(a), { timeout: 30_000 }).not.toContain('team server');
    await quickAdd(a, 'Made while the server was down');
    await expect
      .poll(() => card(a, 'Made while the server was down').innerText())
      .toContain('Only on this device');
    server = await startServerProcess({ database: join(dir, 'team.sqlite'), port });
    await card(b, 'Made while the server was down').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => a.getByText('Only on this device').count(), { timeout: 30_000 })
      .toBe(0);
    for (const p of [a, b]) {
      for (const title of ['Harbour Linen Reprise', 'Café pop-up capsule', 'Dawn run'])
        await expect.poll(() => card(p, title).count()).toBe(1);
    }

    // Asynchronous: Theo closes the app; Ines edits and closes hers; Theo opens and gets it.
    await waitAllSent(b);
    await b.close();
    await quickAdd(a, 'For Theo in Los Angeles');
    await waitAllSent(a);
    await a.close();
    const theoAgain = (await open(theoContext)).page;
    await card(theoAgain, 'For Theo in Los Angeles').waitFor({ timeout: 30_000 });
    await quickAdd(theoAgain, 'For Ines in Lisbon');
    await waitAllSent(theoAgain);
    await theoAgain.close();
    const inesAgain = (await open(inesContext)).page;
    await card(inesAgain, 'For Ines in Lisbon').waitFor({ timeout: 30_000 });
    expect(await card(inesAgain, 'For Theo in Los Angeles').count()).toBe(1);

    for (const w of [ines, theo]) expect(w.pageErrors).toEqual([]);
  });

  it('a wrong token is refused with a clear message in the sync panel', async () => {
    server = await startServerProcess({ database: join(tempDir(), 'team.sqlite') });
    const owner = (await open(await newPerson())).page;
    await openSync(owner);
    await owner.getByRole('textbox', { name: 'Team server address' }).fill(server.url);
    await owner.getByRole('button', { name: 'Add team server' }).click();
    await expect
      .poll(() => serverState(owner), { timeout: 30_000 })
      .toBe('Connected: every change made here is on the server.');
    await owner.getByRole('button', { name: 'Invite teammates' }).click();
    const code = await owner.getByRole('textbox', { name: 'Invite code' }).inputValue();
    await owner.getByRole('button', { name: 'Done' }).click();
    await closeSync(owner);

    // The same invite with another token (what an outdated or forged invite holds).
    const { decodeInvite, encodeInvite } = await import('../../shared/sync/invite');
    const { newTeamServer } = await import('../../shared/sync/teamServer');
    const parsed = decodeInvite(code);
    if (!parsed.ok) throw new Error(parsed.message);
    const forged = encodeInvite({
      ...parsed.invite,
      server: { ...parsed.invite.server!, token: newTeamServer(server.url).token },
    });
    const intruder = (await open(await newPerson())).page;
    await openSync(intruder);
    await intruder.getByRole('button', { name: 'Join a workspace…' }).click();
    await intruder.getByRole('textbox', { name: 'Invite code or link' }).fill(forged);
    await intruder
      .getByRole('dialog', { name: 'Join a workspace' })
      .getByRole('button', { name: 'Join' })
      .click();
    await expect
      .poll(() => intruder.getByRole('alert').allInnerTexts(), { timeout: 30_000 })
      .toContainEqual(expect.stringContaining('refused this workspace’s access token'));
    await openSync(intruder);
    await expect.poll(() => serverState(intruder)).toBe('Refused');
    expect(await intruder.locator('[data-testid="drop-card"]').count()).toBe(0);
  });
});
