import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freePort, tempDir } from '../unit/sync/support/teamServers';
import { useServerSuite } from './support/serverSuite';
import { closeSync, join, nameSelf, openSync } from './support/team';

// Two people who meet only through a team server see each other online, also once the server
// has restarted under them.

const serverState = (page: Page) => page.getByTestId('team-server-state').innerText();
const indicator = (p: Page) => p.getByRole('button', { name: /^Sync:/ }).getAttribute('aria-label');
/** The names in the top bar's "Online now" list (empty when nobody is). */
const onlineNow = (page: Page) =>
  page.evaluate(
    () =>
      (document.querySelector('[aria-label="Online now"]') as HTMLElement | null)?.innerText ?? '',
  );

describe('presence through a team server', { timeout: 180_000 }, () => {
  const { startServer, open } = useServerSuite();

  it('each sees the other again after the server restarts', async () => {
    const database = joinPath(tempDir(), 'team.sqlite');
    const port = await freePort();
    let server = await startServer({ database, port });
    const ines = await open();
    const a = ines.page;
    await nameSelf(a, 'Ines');
    await openSync(a);
    await a.getByRole('textbox', { name: 'Team server address' }).fill(server.url);
    await a.getByRole('button', { name: 'Add team server' }).click();
    await expect
      .poll(() => serverState(a), { timeout: 30_000 })
      .toBe('Connected: every change made here is on the server.');
    await a.getByRole('button', { name: 'Invite teammates' }).click();
    const code = await a.getByRole('textbox', { name: 'Invite code' }).inputValue();
    await a.getByRole('button', { name: 'Done' }).click();
    await closeSync(a);

    const theo = await open();
    const b = theo.page;
    await join(b, code);
    await b.locator('[data-testid="drop-card"]').first().waitFor({ timeout: 30_000 });
    await nameSelf(b, 'Theo');
    // Positive control: before the restart each sees the other.
    await expect.poll(() => onlineNow(a), { timeout: 30_000 }).toContain('Theo');
    await expect.poll(() => onlineNow(b), { timeout: 30_000 }).toContain('Ines');

    // Ctrl+C, both apps see the server gone, then it is back on the same port.
    expect(await server.interrupt()).toBe(0);
    for (const p of [a, b]) {
      await expect.poll(() => indicator(p), { timeout: 30_000 }).toContain('Sync: Offline');
      await expect.poll(() => onlineNow(p)).toBe('');
    }
    server = await startServer({ database, port });
    for (const p of [a, b])
      await expect
        .poll(() => indicator(p), { timeout: 60_000 })
        .toMatch(/Connected to (the team server|1 peer)/);
    // The one who reconnected first used to miss the other until they opened a drop.
    await expect.poll(() => onlineNow(a), { timeout: 30_000 }).toContain('Theo');
    await expect.poll(() => onlineNow(b), { timeout: 30_000 }).toContain('Ines');
    expect(await indicator(a)).toContain('Connected to 1 peer');
    expect(await indicator(b)).toContain('Connected to 1 peer');
    for (const w of [ines, theo]) expect(w.pageErrors).toEqual([]);
  });
});
