import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { crc32, toBase64Url, utf8 } from '../../shared/sync/bytes';
import { encodeInvite, INVITE_MESSAGES } from '../../shared/sync/invite';
import { baseUrl, launchChromium, newPage } from './support/browser';

// A locked-out former teammate still knows the workspace's id and sends an invite for it that
// points at their own server. Joining must show what would change, warn, and change nothing
// until the person confirms.

const storedText = (page: Page) =>
  page.evaluate(() => Object.values({ ...localStorage }).join('\n'));

/** An invite made by hand, with a correct checksum: whatever name its maker wrote. */
function forgedInvite(workspaceId: string, name: string, room: string): string {
  const payload = { v: 1, w: workspaceId, n: name, r: room, p: 'p'.repeat(24), s: [] };
  const body = toBase64Url(utf8.encode(JSON.stringify(payload)));
  return `CAD1.${body}.${crc32(utf8.encode(body)).toString(36).padStart(7, '0')}`;
}

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

  it('refuses a blank name in words and stores nothing; a name with line breaks joins cleaned', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    const dialog = page.getByRole('dialog', { name: 'Join a workspace' });
    const join = async (code: string) => {
      await page.getByRole('button', { name: /^Sync:/ }).click();
      await page.getByRole('button', { name: 'Join a workspace…' }).click();
      await page.getByRole('textbox', { name: 'Invite code or link' }).fill(code);
      await dialog.getByRole('button', { name: 'Join' }).click();
    };

    // Only spaces and a direction override: refused with the invite's own message. It used to
    // show the name check's raw JSON, after storing the invite's room for no workspace.
    await join(forgedInvite('w_blankname', '  \u202e  ', 'b'.repeat(24)));
    await expect.poll(() => dialog.textContent()).toContain(INVITE_MESSAGES.invalid);
    expect(await dialog.textContent()).not.toContain('too_small');
    expect(await storedText(page)).not.toContain('b'.repeat(24));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Escape');

    // Line breaks, a bell and a direction override become spaces in the workspace's name.
    await join(forgedInvite('w_linebreaks', 'Night\nLinen\u0007 \u202eTeam', 'c'.repeat(24)));
    await page
      .getByRole('button', { name: 'Workspace: Night Linen Team. Switch workspace' })
      .waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('refuses a pasted text far too long to be an invite at once, and still takes a real one', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    // The workspace the test before joined opens, still waiting for its board: no cards.
    await page.getByRole('button', { name: /^Sync:/ }).waitFor();
    await page.getByRole('button', { name: /^Sync:/ }).click();
    await page.getByRole('button', { name: 'Join a workspace…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Join a workspace' });
    const box = page.getByRole('textbox', { name: 'Invite code or link' });
    // Three megabytes of a made-up code: the box froze the window for about 35 s holding it.
    const huge = `CAD1.${'A'.repeat(3_000_000)}.abcdefg`;
    await box.evaluate((el, text) => {
      const area = el as HTMLTextAreaElement;
      // As a paste puts it there: the value, then the input event React listens to.
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(area, text);
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, huge);
    await expect.poll(() => dialog.textContent()).toContain(INVITE_MESSAGES.tooLong);
    expect(await box.inputValue()).toBe('');

    // Positive control: a real invite pasted next is read and reviewed.
    const code = forgedInvite('w_afterhuge', 'Harbour Team', 'd'.repeat(24));
    await box.fill(code);
    await expect
      .poll(() => page.getByTestId('join-review').textContent())
      .toContain('Harbour Team');
    expect(await dialog.textContent()).not.toContain(INVITE_MESSAGES.tooLong);
    expect(pageErrors).toEqual([]);
  });
});
