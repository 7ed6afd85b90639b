import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';
import { card as cardOf, pairUp, setSyncEnabled, useTeam } from './support/team';

// Leaving a workspace through the real sync panel: what would be lost is named, a backup is
// offered first, the copy stays restorable from the switcher for 30 days, and "remove now" or
// Delete leave nothing of the workspace behind in localStorage or IndexedDB.

const boardReady = () => performance.getEntriesByName('cadence:board-ready').length > 0;
const card = (page: Page, title: string) =>
  page.locator('[data-testid="drop-card"]', { hasText: title });

const workspaceId = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('cadence.workspaces.v1')!)[0].id as string);

/** Everything the browser keeps that names the workspace: localStorage keys and values, databases, preview. */
const leftovers = (page: Page, id: string) =>
  page.evaluate(async (id) => {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (key.includes(id) || (localStorage.getItem(key) ?? '').includes(id)) keys.push(key);
    }
    const databases = (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((n) => n.includes(id));
    const preview = await new Promise<unknown>((resolve) => {
      const open = indexedDB.open('cadence-board-previews');
      open.onupgradeneeded = () => open.result.createObjectStore('previews');
      open.onsuccess = () => {
        const db = open.result;
        const req = db.transaction('previews').objectStore('previews').get(id);
        req.onsuccess = () => (db.close(), resolve(req.result ?? null));
        req.onerror = () => (db.close(), resolve(null));
      };
      open.onerror = () => resolve(null);
    });
    return { keys, databases, preview: preview !== null };
  }, id);

const marks = (page: Page, id: string) =>
  page.evaluate(
    (key) =>
      JSON.parse(localStorage.getItem(key) ?? 'null') as {
        lastSyncedAt: number | null;
        unsentDropIds: string[];
      } | null,
    `cadence.syncMarks.${id}`,
  );

async function openLeaveDialog(page: Page) {
  // Cancelling the leave dialog goes back to the sync panel; otherwise the panel opens.
  if ((await page.getByRole('dialog', { name: 'Sync' }).count()) === 0)
    await page.locator('.sync-indicator').click();
  await page
    .getByRole('dialog', { name: 'Sync' })
    .getByRole('button', { name: 'Leave workspace…' })
    .click();
  const dialog = page.getByRole('dialog', { name: /^Leave “/ });
  await dialog.waitFor();
  return dialog;
}

function inThirtyDays(): string {
  return new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
}

describe('leaving a workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names the unsent drops, exports first, keeps the copy and restores it from Recently left', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const a = await newPage(context);
    await a.page.goto(baseUrl());
    await a.page.waitForFunction(boardReady);
    const id = await workspaceId(a.page);

    // A second tab of the workspace is a teammate (they meet on a BroadcastChannel): once they
    // have synced, the workspace has been shared.
    const b = await newPage(context);
    await b.page.goto(`${baseUrl()}?ws=${id}`);
    await b.page.waitForFunction(boardReady);
    await expect
      .poll(async () => (await marks(a.page, id))?.lastSyncedAt ?? null, { timeout: 30_000 })
      .not.toBeNull();
    await b.page.close({ runBeforeUnload: true });
    // With the teammate gone, new drops stay on this computer only.
    await expect
      .poll(() => a.page.locator('.sync-indicator').getAttribute('aria-label'), {
        timeout: 30_000,
      })
      .not.toMatch(/1 (peer|teammate|person)/i);
    await a.page.getByRole('button', { name: 'Add drop to Concept & creator' }).click();
    const input = a.page.getByPlaceholder('Drop title');
    for (const title of ['Tidepool Knit', 'Harbour Rain Shell']) {
      await input.fill(title);
      await input.press('Enter');
    }
    await input.press('Escape');
    await card(a.page, 'Harbour Rain Shell').waitFor();
    await expect
      .poll(async () => (await marks(a.page, id))?.unsentDropIds.length, { timeout: 30_000 })
      .toBe(2);

    // Leave names what is lost, with the drops' titles.
    let dialog = await openLeaveDialog(a.page);
    await expect
      .poll(() => dialog.getByRole('note').innerText())
      .toMatch(/2 drops changed here .*have not reached a teammate yet/);
    const note = await dialog.getByRole('note').innerText();
    expect(note).toContain('Tidepool Knit');
    expect(note).toContain('Harbour Rain Shell');

    // Escape cancels, back to the sync panel: the workspace is still here.
    await a.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await a.page.getByRole('dialog', { name: 'Sync' }).waitFor();
    expect(await workspaceId(a.page)).toBe(id);

    // The export is offered in the same dialog, and its file arrives.
    dialog = await openLeaveDialog(a.page);
    const [download] = await Promise.all([
      a.page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export a backup first…' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.cadence$/);
    await dialog.getByRole('status').filter({ hasText: /Saved/ }).waitFor();

    // The kept copy names the day it is removed; leaving keeps it by default.
    const until = inThirtyDays();
    expect(await dialog.getByLabel(/Keep it until/).isChecked()).toBe(true);
    expect(await dialog.innerText()).toContain(until);
    await dialog.getByRole('button', { name: 'Leave workspace' }).click();
    await a.page.getByText(`Its copy stays on this computer until ${until}`).waitFor();
    expect(
      await a.page.evaluate(() => localStorage.getItem('cadence.workspaces.v1') ?? '[]'),
    ).not.toContain(id);
    expect((await leftovers(a.page, id)).databases).toEqual([`cadence-ws-${id}`]);

    // Restored from Recently left in the switcher, with its drops.
    await a.page.locator('.switcher-button').click();
    const restore = a.page.getByRole('menuitem', { name: /Restore “Saltmarsh Studio”/ });
    expect(await restore.innerText()).toContain(`Removed on ${until}`);
    await restore.click();
    await card(a.page, 'Harbour Rain Shell').waitFor();
    await card(a.page, 'Tidepool Knit').waitFor();
    expect(await workspaceId(a.page)).toBe(id);
    // The menu no longer offers it.
    await a.page.locator('.switcher-button').click();
    await a.page.getByRole('menuitemradio', { name: 'Saltmarsh Studio' }).waitFor();
    expect(await a.page.getByText('Recently left').count()).toBe(0);
    expect(a.pageErrors).toEqual([]);
    await context.close();
  });

  it('"remove now" and an expired kept copy leave nothing of the workspace behind', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForFunction(boardReady);
    const first = await workspaceId(page);

    // A second workspace, left with a kept copy whose time then runs out.
    await page.locator('.switcher-button').click();
    await page.getByRole('menuitem', { name: 'New workspace…' }).click();
    await page
      .getByRole('dialog', { name: 'New workspace' })
      .getByLabel('Name')
      .fill('Night Market');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.locator('.switcher-button', { hasText: 'Night Market' }).waitFor();
    const second = await page.evaluate(
      () =>
        (
          JSON.parse(localStorage.getItem('cadence.workspaces.v1')!) as {
            id: string;
            name: string;
          }[]
        ).find((w) => w.name === 'Night Market')!.id,
    );
    await page.waitForFunction(boardReady);
    let dialog = await openLeaveDialog(page);
    await dialog.getByRole('button', { name: 'Leave workspace' }).click();
    await page.getByText(/Left “Night Market”/).waitFor();
    // Positive control: the kept copy is there.
    expect((await leftovers(page, second)).databases).toEqual([`cadence-ws-${second}`]);
    await page.evaluate(() => {
      const left = JSON.parse(localStorage.getItem('cadence.recentlyLeft.v1')!) as {
        removeAt: number;
      }[];
      for (const w of left) w.removeAt = Date.now() - 1000;
      localStorage.setItem('cadence.recentlyLeft.v1', JSON.stringify(left));
    });
    await page.reload();
    await page.waitForFunction(boardReady);
    await expect
      .poll(() => leftovers(page, second))
      .toEqual({
        keys: [],
        databases: [],
        preview: false,
      });

    // "Remove now": the sample workspace, its room, password, marks, document and preview go.
    expect((await leftovers(page, first)).keys.length).toBeGreaterThan(1);
    expect((await leftovers(page, first)).preview).toBe(true);
    dialog = await openLeaveDialog(page);
    await dialog.getByLabel(/Remove it now/).check();
    await dialog.getByRole('button', { name: 'Leave and remove now' }).click();
    await page.getByText('No workspaces yet').waitFor();
    await expect
      .poll(() => leftovers(page, first))
      .toEqual({
        keys: [],
        databases: [],
        preview: false,
      });
    await page.locator('.switcher-button').click();
    expect(await page.getByText('Recently left').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('Delete in the switcher leaves nothing of the workspace behind', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForFunction(boardReady);
    const id = await workspaceId(page);
    // Its marks and preview exist before (positive control).
    await expect
      .poll(async () => (await leftovers(page, id)).preview, { timeout: 30_000 })
      .toBe(true);
    expect((await leftovers(page, id)).keys.length).toBeGreaterThan(1);
    await page.locator('.switcher-button').click();
    await page.getByRole('menuitem', { name: /Delete “/ }).click();
    await page.getByRole('button', { name: 'Delete workspace' }).click();
    await page.getByText('No workspaces yet').waitFor();
    await expect
      .poll(() => leftovers(page, id))
      .toEqual({
        keys: [],
        databases: [],
        preview: false,
      });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

// Theo joined Ines's workspace through an invite. With sync off he renames a stage: a change
// to no drop, so no card is marked, but the sync panel says it has not been sent. The leave
// dialog used to say "Everything here has reached a teammate." all the same.
describe('leaving a workspace joined through an invite', { retry: 1 }, () => {
  const team = useTeam();

  it('names changes outside the drops that no teammate has, and restoring the copy sends them', async () => {
    const ines = await team.person();
    const theo = await team.person();
    const a = ines.page;
    const b = theo.page;
    await pairUp(a, b, team.signaling);

    // Positive control: everything he has came from Ines, and the dialog says so.
    let dialog = await openLeaveDialog(b);
    await expect
      .poll(() => dialog.getByRole('note').innerText())
      .toBe('Everything here has reached a teammate.');
    await b.keyboard.press('Escape');
    await b.keyboard.press('Escape');
    await expect.poll(() => b.getByRole('dialog').count()).toBe(0);

    await setSyncEnabled(b, false);
    await b.getByRole('button', { name: 'Stage Shoot options' }).click();
    await b.getByRole('menuitem', { name: 'Rename stage' }).click();
    await b.getByRole('textbox', { name: 'Stage name' }).fill('Studio and location');
    await b.keyboard.press('Enter');
    await b.getByRole('button', { name: 'Stage Studio and location options' }).waitFor();
    await expect
      .poll(() => b.locator('.sync-indicator').getAttribute('aria-label'))
      .toContain('only on this device');

    dialog = await openLeaveDialog(b);
    const note = dialog.getByRole('note');
    await expect.poll(() => note.innerText()).toMatch(/have not reached a teammate yet/);
    expect(await note.innerText()).not.toContain('Everything here has reached a teammate.');
    expect(await note.getAttribute('class')).toContain('sync-warning');

    // He leaves, keeping the copy, and restores it: the rename is still his, and once he
    // turns sync back on it reaches Ines.
    await dialog.getByRole('button', { name: 'Leave workspace' }).click();
    await b.getByText(/Its copy stays on this computer until/).waitFor();
    await b.locator('.switcher-button').click();
    await b.getByRole('menuitem', { name: /Restore “Saltmarsh Studio”/ }).click();
    await b.getByRole('button', { name: 'Stage Studio and location options' }).waitFor();
    await setSyncEnabled(b, true);
    await a
      .getByRole('button', { name: 'Stage Studio and location options' })
      .waitFor({ timeout: 30_000 });
    dialog = await openLeaveDialog(b);
    await expect
      .poll(() => dialog.getByRole('note').innerText(), { timeout: 30_000 })
      .toBe('Everything here has reached a teammate.');
    expect(await cardOf(b, 'Harbour Linen').count()).toBe(1);
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });
});
