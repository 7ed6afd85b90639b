import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeInvite, encodeInvite, type Invite } from '../../shared/sync/invite';
import { newTeamServer } from '../../shared/sync/teamServer';
import { tempDir } from '../unit/sync/support/teamServers';
import { useServerSuite } from './support/serverSuite';
import { closeSync, openSync } from './support/team';

// Invites that carry a team server, read by someone who already has the workspace or not: the
// review names the host the app would really connect to, and joining never drops the team
// server a copy already syncs through.

const serverState = (page: Page) => page.getByTestId('team-server-state').innerText();
const joinDialog = (page: Page) => page.getByRole('dialog', { name: 'Join a workspace' });

/** Opens the join dialog and pastes `code` (the review appears below the box). */
async function paste(page: Page, code: string): Promise<void> {
  await openSync(page);
  await page.getByRole('button', { name: 'Join a workspace…' }).click();
  await page.getByRole('textbox', { name: 'Invite code or link' }).fill(code);
}

/** The invite the sync panel gives for the open workspace, decoded. */
async function ownInvite(page: Page): Promise<Invite> {
  await openSync(page);
  await page.getByRole('button', { name: 'Invite teammates' }).click();
  const code = await page.getByRole('textbox', { name: 'Invite code' }).inputValue();
  await page.getByRole('button', { name: 'Done' }).click();
  await closeSync(page);
  const decoded = decodeInvite(code);
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.invite;
}

describe('invites with a team server', { timeout: 180_000 }, () => {
  const { startServer, open } = useServerSuite();

  it('names the host an address with a user name really reaches, in the review and the warning', async () => {
    const { page, pageErrors } = await open();
    await openSync(page);
    await page
      .getByRole('textbox', { name: /Signaling addresses/ })
      .fill('wss://signal.mybrand.com:4444');
    await page.getByRole('button', { name: 'Save servers' }).click();
    await closeSync(page);
    const own = await ownInvite(page);

    // Someone sends an invite for this workspace whose team server looks like the team's own:
    // before the `@` is only a user name; the socket goes to evil.example.
    await paste(
      page,
      encodeInvite({
        ...own,
        server: newTeamServer('wss://cadence.mybrand.com:443@evil.example'),
      }),
    );
    const review = page.getByTestId('join-review');
    await expect.poll(() => review.textContent()).toContain('Team server: evil.example');
    expect(await review.textContent()).not.toContain('cadence.mybrand.com');
    // The warning names where the board would newly go: the team server, not the signaling
    // server this workspace already uses.
    const warning = await page.getByTestId('join-servers-warning').textContent();
    expect(warning).toContain('your board would sync to evil.example.');
    expect(warning).not.toContain('signal.mybrand.com');
    await joinDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Escape');

    // A workspace new here: a signaling address with a user name shows its real host too.
    await paste(
      page,
      encodeInvite({
        ...own,
        workspaceId: 'w_saltmarsh_new',
        signaling: ['wss://signal.mybrand.com@evil-signal.example/'],
        server: newTeamServer('wss://cadence.mybrand.com@evil.example'),
      }),
    );
    await expect
      .poll(() => review.textContent())
      .toContain('Signaling servers: evil-signal.example · Team server: evil.example');
    expect(await review.textContent()).not.toContain('mybrand');
    expect(pageErrors).toEqual([]);
  });

  it('an invite without a team server, for a copy that has one, keeps it and says so', async () => {
    const server = await startServer({ database: joinPath(tempDir(), 'team.sqlite') });
    const { page, pageErrors } = await open();
    await openSync(page);
    await page.getByRole('textbox', { name: 'Team server address' }).fill(server.url);
    await page.getByRole('button', { name: 'Add team server' }).click();
    await expect
      .poll(() => serverState(page), { timeout: 30_000 })
      .toBe('Connected: every change made here is on the server.');
    await closeSync(page);

    // The same workspace's invite as an earlier build, or a teammate on peer to peer only,
    // writes it: no team server in it.
    const { server: _withServer, ...older } = await ownInvite(page);
    await paste(page, encodeInvite(older));
    await expect
      .poll(() => page.getByTestId('join-kept-team-server').textContent())
      .toContain('your team server, 127.0.0.1');
    await joinDialog(page).getByRole('button', { name: 'Join' }).click();
    await joinDialog(page).getByRole('button', { name: 'Replace sync settings and join' }).click();
    await joinDialog(page).waitFor({ state: 'detached' });

    await openSync(page);
    await expect
      .poll(() => serverState(page), { timeout: 30_000 })
      .toBe('Connected: every change made here is on the server.');
    expect(await page.locator('.sync-server-url').textContent()).toBe(server.url);
    expect(pageErrors).toEqual([]);
  });
});
