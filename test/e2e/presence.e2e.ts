import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, invite, join, nameSelf, useTeam } from './support/team';

// Two people in the built app (real sync panel, invite and join) open the same brief and put
// their carets in its text: each sees the other's caret with their name and colour, their
// presence keeps every field (the caret and the drop they have open), and with both carets
// idle the awareness traffic stays quiet. Every awareness message a page sends over WebRTC is
// counted where it leaves (first byte 1 is y-webrtc's awareness message).

interface Counter {
  sent: number;
}

function countAwarenessSends(): void {
  const w = window as unknown as { awarenessSent: Counter };
  w.awarenessSent = { sent: 0 };
  const send = RTCDataChannel.prototype.send;
  RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: never) {
    const bytes: unknown = data;
    const first = ArrayBuffer.isView(bytes)
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, 1)[0]
      : bytes instanceof ArrayBuffer
        ? new Uint8Array(bytes)[0]
        : undefined;
    if (first === 1) w.awarenessSent.sent += 1;
    return send.call(this, data);
  };
}

const sent = (page: Page) =>
  page.evaluate(() => (window as unknown as { awarenessSent: Counter }).awarenessSent.sent);

/** Awareness messages each page sent per second over a window of `ms`, while `during` runs. */
async function ratesOver(pages: Page[], ms: number, during?: () => Promise<void>) {
  const before = await Promise.all(pages.map(sent));
  const start = Date.now();
  if (during) await during();
  const left = ms - (Date.now() - start);
  // A measurement window, not a wait for something to happen.
  if (left > 0) await pages[0]!.waitForTimeout(left);
  const after = await Promise.all(pages.map(sent));
  const seconds = (Date.now() - start) / 1000;
  return after.map((n, i) => (n - before[i]!) / seconds);
}

const caretLabels = (page: Page) =>
  page.locator('.collaboration-carets__label').evaluateAll((els) =>
    els.map((el) => ({
      name: el.textContent,
      colour: getComputedStyle(el).backgroundColor,
    })),
  );

async function openBrief(page: Page, title: string): Promise<void> {
  await card(page, title).first().click();
  await page.getByTestId('open-brief').click();
  await page.locator('.brief-sheet .brief-prose').waitFor();
}

// Real WebRTC connections between browser contexts: one retry absorbs a slow connection.
describe('teammates in one brief, in the app', { retry: 1 }, () => {
  const team = useTeam();

  it('shows named, coloured carets, keeps every presence field, and stays quiet when idle', async () => {
    const ines = await team.person({ init: countAwarenessSends });
    const theo = await team.person({ init: countAwarenessSends });
    const a = ines.page;
    const b = theo.page;
    await nameSelf(a, 'Ines', '#c2410c');
    const code = await invite(a, team.signaling);
    const title = (await a
      .locator('[data-testid="drop-card"] .card-title')
      .first()
      .textContent())!.trim();
    await join(b, code);
    await card(b, title).waitFor({ timeout: 30_000 });
    await nameSelf(b, 'Theo', '#1d4ed8');

    // Both open the same brief; Ines writes a line, Theo puts his caret at its end.
    await openBrief(a, title);
    await openBrief(b, title);
    await a.locator('.brief-prose').click();
    await a.keyboard.type('Golden hour on the quay.', { delay: 10 });
    await b.locator('.brief-prose p', { hasText: 'Golden hour on the quay.' }).waitFor();
    await b.locator('.brief-prose p').first().click();
    await b.keyboard.press('End');

    // Each sees the other's caret, named and in their colour.
    await expect
      .poll(() => caretLabels(a), { timeout: 15_000 })
      .toEqual([{ name: 'Theo', colour: 'rgb(29, 78, 216)' }]);
    await expect
      .poll(() => caretLabels(b), { timeout: 15_000 })
      .toEqual([{ name: 'Ines', colour: 'rgb(194, 65, 12)' }]);
    // The same presence still says which drop each has open: no field erased another.
    await expect
      .poll(() => a.getByRole('list', { name: 'Online now' }).innerText())
      .toContain(`Theo, looking at “${title}”`);
    await expect
      .poll(() => b.getByRole('list', { name: 'Online now' }).innerText())
      .toContain(`Ines, looking at “${title}”`);

    // Positive control: moving a caret is counted (one awareness message per move).
    const [moving] = await ratesOver([a], 2_000, async () => {
      for (let i = 0; i < 8; i++) await a.keyboard.press('ArrowLeft', { delay: 50 });
    });
    expect(moving! * 2).toBeGreaterThanOrEqual(6);

    // Both carets idle in the editor: fewer than 2 awareness messages a second from each.
    const idle = await ratesOver([a, b], 5_000);
    expect(idle[0]).toBeLessThan(2);
    expect(idle[1]).toBeLessThan(2);
    // ...and the carets are still there.
    expect(await caretLabels(a)).toEqual([{ name: 'Theo', colour: 'rgb(29, 78, 216)' }]);
    expect(await caretLabels(b)).toEqual([{ name: 'Ines', colour: 'rgb(194, 65, 12)' }]);
    for (const w of [ines, theo]) expect(w.pageErrors).toEqual([]);
  });
});
