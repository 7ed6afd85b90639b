import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, invite, join, moveRight, setSyncEnabled, stageOf, useTeam } from './support/team';

// Two people in the built app (real sync panel, invite and join). While they are apart, one
// removes a stage and sends its drops to a stage they choose; the other moves a card into the
// stage being removed. Once they sync, the card follows the remover's choice on both boards,
// and the person who moved it is told where it went; the remover is not.

const columns = (page: Page) =>
  page
    .locator('[data-testid="column"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-stage-name') ?? ''));
// Real WebRTC connections between browser contexts: one retry absorbs a slow connection.
describe('a stage removed while a teammate moves a card into it', { retry: 1 }, () => {
  const team = useTeam();

  it('sends the card where the remover chose, on both boards, and tells the mover where it went', async () => {
    const ines = await team.person();
    const theo = await team.person();
    const a = ines.page;
    const b = theo.page;
    const code = await invite(a, team.signaling);
    const stages = await columns(a);
    // The card: the first of the first stage. It moves into the second stage, which Ines
    // removes, sending its drops to the last stage (not the default the dialog offers).
    const first = a.locator(
      `[data-testid="column"][data-stage-name="${stages[0]}"] [data-testid="drop-card"] .card-title`,
    );
    const title = (await first.first().textContent())!.trim();
    const removed = stages[1]!;
    const destination = stages.at(-1)!;
    await join(b, code);
    await card(b, title).waitFor({ timeout: 30_000 });
    await expect.poll(() => columns(b), { timeout: 30_000 }).toEqual(stages);

    // Both go offline: the endpoint stops and sync is switched off on both sides.
    await team.stopSignaling();
    await setSyncEnabled(a, false);
    await setSyncEnabled(b, false);

    // Theo moves the card into the second stage...
    await moveRight(b, title);
    expect(await stageOf(card(b, title))).toBe(removed);
    // ...while Ines removes that stage and sends its drops to the last one.
    await a.getByRole('button', { name: `Stage ${removed} options` }).click();
    await a.getByRole('menuitem', { name: /Remove stage/ }).click();
    const dialog = a.getByRole('dialog', { name: `Remove “${removed}”?` });
    await dialog
      .getByRole('combobox', { name: 'Move its drops to' })
      .selectOption({ label: destination });
    await dialog.getByRole('button', { name: 'Remove stage' }).click();
    await expect.poll(() => columns(a)).not.toContain(removed);
    expect(await stageOf(card(a, title))).toBe(stages[0]);

    // Back online: they sync by themselves.
    await team.restartSignaling();
    await setSyncEnabled(a, true);
    await setSyncEnabled(b, true);

    // The card follows the remover's choice on both boards, once each.
    for (const p of [a, b]) {
      await expect.poll(() => columns(p), { timeout: 30_000 }).not.toContain(removed);
      await expect.poll(() => stageOf(card(p, title)), { timeout: 30_000 }).toBe(destination);
      await expect.poll(() => card(p, title).count()).toBe(1);
    }
    // Theo, who moved it, is told where it went.
    const told = `“${title}” is in ${destination} now: a teammate removed ${removed} as you moved it there.`;
    await b.getByText(told).waitFor({ timeout: 15_000 });
    // Ines, who removed the stage, is not (she sees the card in place on her board above).
    expect(await a.getByText(/as you moved (it|them) there/).count()).toBe(0);

    for (const w of [ines, theo]) expect(w.pageErrors).toEqual([]);
  });
});
