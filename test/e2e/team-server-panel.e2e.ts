import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tempDir } from '../unit/sync/support/teamServers';
import { useServerSuite } from './support/serverSuite';
import { closeSync, openSync, quickAdd } from './support/team';

// The sync panel's team server line: an address typed as people copy it from a browser's
// address bar or a chat, and what the line says while sync is off.

const serverState = (page: Page) => page.getByTestId('team-server-state').innerText();

describe('the sync panel’s team server line', { timeout: 120_000 }, () => {
  const { startServer, open } = useServerSuite();

  /** A fresh profile (the sample workspace) with the sync panel open and `address` added. */
  const addServer = async (address: (url: string) => string = (url) => url) => {
    const server = await startServer({ database: join(tempDir(), 'team.sqlite') });
    const watched = await open();
    const { page } = watched;
    await openSync(page);
    await page.getByRole('textbox', { name: 'Team server address' }).fill(address(server.url));
    await page.getByRole('button', { name: 'Add team server' }).click();
    await expect
      .poll(() => serverState(page), { timeout: 30_000 })
      .toBe('Connected: every change made here is on the server.');
    return { ...watched, server };
  };

  it('an address with a #… part connects, kept without it (a WebSocket refuses one)', async () => {
    const { page, pageErrors, server } = await addServer((url) => `${url}/#team`);
    // It used to be kept as typed and shown "Unreachable" for ever, the server up all along.
    expect(await page.locator('.sync-server-url').textContent()).toBe(`${server.url}/`);
    expect(pageErrors).toEqual([]);
  });

  it('says it is off while sync is off, not unreachable, and connects when sync is back on', async () => {
    const { page, pageErrors } = await addServer();

    const syncBox = page.getByRole('checkbox', { name: 'Sync this workspace with teammates' });
    await syncBox.click();
    // It used to say "Unreachable: changes wait here…", blaming a server that was up.
    await expect.poll(() => serverState(page)).toBe('Off while sync is off.');
    await syncBox.click();
    await expect
      .poll(() => serverState(page), { timeout: 30_000 })
      .toBe('Connected: every change made here is on the server.');
    expect(pageErrors).toEqual([]);
  });

  it('says a change waits for the team server too, while the server is down', async () => {
    const { page, pageErrors, server } = await addServer();
    await closeSync(page);

    expect(await server.interrupt()).toBe(0);
    await expect
      .poll(() => page.getByRole('button', { name: /^Sync:/ }).getAttribute('aria-label'), {
        timeout: 30_000,
      })
      .toContain('Sync: Offline');
    await quickAdd(page, 'Dockside canvas tote');
    await openSync(page);
    const dialog = page.getByRole('dialog', { name: 'Sync' });
    // It used to say "not yet sent to a peer" to someone whose only teammate is the server.
    await expect
      .poll(() => dialog.textContent())
      .toMatch(/1 drop changed offline since [^:]+: not yet sent to a peer or the team server\./);
    expect(await serverState(page)).toBe(
      'Unreachable: changes wait here and go out when it is back.',
    );

    // Removing it now asks first: teammates only on the server would not get the new drop.
    await dialog.getByRole('button', { name: 'Remove team server' }).click();
    const ask = dialog.getByRole('group', { name: 'Remove the team server?' });
    await ask.waitFor();
    expect(await ask.innerText()).toContain(
      'The team server cannot be reached, so it may not have what changed here.',
    );
    await ask.getByRole('button', { name: 'Keep it' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await page.locator('.sync-server-url').textContent()).toBe(server.url);
    // Asked again and confirmed, it goes.
    await dialog.getByRole('button', { name: 'Remove team server' }).click();
    await ask.getByRole('button', { name: 'Remove team server' }).click();
    await page.getByRole('textbox', { name: 'Team server address' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('removes a team server that has every change at once, without asking', async () => {
    const { page, pageErrors } = await addServer();
    await page.getByRole('button', { name: 'Remove team server' }).click();
    await page.getByRole('textbox', { name: 'Team server address' }).waitFor();
    expect(await page.getByRole('group', { name: 'Remove the team server?' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
