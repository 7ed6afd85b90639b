import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  card,
  closeSync,
  moveRight,
  openSync,
  pairUp,
  quickAdd,
  setSyncEnabled,
  stageOf,
  useTeam,
} from './support/team';

// Two people on the same drop. Theo is writing its narrative when Ines saves her own change to
// it: his words stay in his box, the field says a teammate changed it meanwhile, and leaving
// the field saves his text (the box used to take Ines's text over his unsaved words, silently).
// Theo changes a drop offline that Ines deletes: back online, he is told, not left to find it
// gone, and can put it back as he had it.

const panel = (page: Page) => page.getByRole('complementary', { name: 'Drop details' });
const narrative = (page: Page) => panel(page).getByLabel('Narrative', { exact: true });

describe('two people on the same drop', { retry: 1 }, () => {
  const team = useTeam();
  /** Ines and Theo in one workspace, joined by a real invite; `title` is a drop both see. */
  const inesAndTheo = async () => {
    const ines = await team.person();
    const theo = await team.person();
    const title = await pairUp(ines.page, theo.page, team.signaling);
    return { ines, theo, a: ines.page, b: theo.page, title };
  };

  it("keeps the person's unsaved words and says a teammate changed the field", async () => {
    const { ines, theo, a, b, title } = await inesAndTheo();

    await card(a, title).click();
    await card(b, title).click();
    const hers = narrative(a);
    const his = narrative(b);
    const before = await his.inputValue();
    await his.click();
    await his.press('End');
    await b.keyboard.type(' Theo writes a careful paragraph.');

    await hers.fill(`${before} Ines's note.`);
    await hers.press('Tab');
    // Ines's change reaches Theo's page (the positive control): the field says so…
    const note = panel(b).getByText(/^A teammate changed this meanwhile to “/);
    await note.waitFor({ timeout: 30_000 });
    expect(await note.innerText()).toContain("Ines's note.");
    // …and his words are still in his box, where he is still typing.
    expect(await his.inputValue()).toBe(`${before} Theo writes a careful paragraph.`);
    await b.keyboard.type(' More.');
    expect(await his.inputValue()).toBe(`${before} Theo writes a careful paragraph. More.`);

    // Leaving the field saves his text, and Ines gets it.
    await his.press('Tab');
    await expect
      .poll(() => hers.inputValue(), { timeout: 30_000 })
      .toBe(`${before} Theo writes a careful paragraph. More.`);
    await expect.poll(() => note.count()).toBe(0);
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });

  it('tells the person when a teammate deleted a drop they had changed offline, and restores it', async () => {
    const { ines, theo, a, b, title } = await inesAndTheo();

    // Theo works offline on the drop; Ines deletes it meanwhile.
    await setSyncEnabled(b, false);
    await card(b, title).click();
    await narrative(b).fill('Rewritten offline, on the train.');
    await narrative(b).press('Tab');
    await b.keyboard.press('Escape');
    // The sync panel counts what waits to be sent in drops: one drop, however many edits.
    await openSync(b);
    await expect
      .poll(() => b.getByRole('dialog', { name: 'Sync' }).innerText())
      .toContain('1 drop changed offline since');
    await closeSync(b);
    await card(a, title).click();
    await panel(a).getByRole('button', { name: 'Delete', exact: true }).click();
    await a.getByRole('dialog').getByRole('button', { name: 'Delete drop' }).click();
    await card(a, title).waitFor({ state: 'detached' });

    // Back online: the drop goes from Theo's board (the positive control), and he is told.
    await setSyncEnabled(b, true);
    await card(b, title).waitFor({ state: 'detached', timeout: 30_000 });
    await expect
      .poll(() => b.locator('.notice-region .notice').allInnerTexts(), { timeout: 10_000 })
      .toContainEqual(
        expect.stringContaining(
          `A teammate deleted “${title}”, which you had changed here while it was not shared.`,
        ),
      );
    // Ines, who deleted it, is told nothing of the kind.
    expect((await a.locator('.notice-region').innerText()).includes('A teammate deleted')).toBe(
      false,
    );

    // Theo puts it back as he had it: on his board, and then on Ines's.
    await b.locator('.notice-region').getByRole('button', { name: 'Restore it' }).click();
    await card(b, title).waitFor();
    await expect
      .poll(() => b.locator('.notice-region').innerText())
      .toContain(`Restored “${title}” as you had it.`);
    await card(b, title).click();
    expect(await narrative(b).inputValue()).toBe('Rewritten offline, on the train.');
    await card(a, title).waitFor({ timeout: 30_000 });
    await card(a, title).click();
    await expect.poll(() => narrative(a).inputValue()).toBe('Rewritten offline, on the train.');
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });

  it('says so when an undo finds that a teammate has since changed what it would undo', async () => {
    const { ines, theo, a, b, title } = await inesAndTheo();

    // Theo writes the narrative; then Ines writes hers over it.
    await card(b, title).click();
    const his = narrative(b);
    await his.fill('Theo: linen for the harbour walk.');
    await his.press('Tab');
    await card(a, title).click();
    const hers = narrative(a);
    await expect
      .poll(() => hers.inputValue(), { timeout: 30_000 })
      .toBe('Theo: linen for the harbour walk.');
    await hers.fill('Ines: sand linen, first light.');
    await hers.press('Tab');
    // Her text has reached Theo (the positive control)…
    await expect
      .poll(() => his.inputValue(), { timeout: 30_000 })
      .toBe('Ines: sand linen, first light.');

    // …so his Ctrl+Z has nothing of his to undo, and he is told why.
    await b.keyboard.press('Escape');
    await b.keyboard.press('Control+z');
    await expect
      .poll(() => b.locator('.notice-region').innerText())
      .toContain('Nothing undone: a teammate has since changed what you did.');
    await card(b, title).click();
    expect(await his.inputValue()).toBe('Ines: sand linen, first light.');
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });

  it('leaves a drop the person added when a teammate has worked on it since, and says so', async () => {
    const { ines, theo, a, b, title } = await inesAndTheo();

    // Control: a drop Ines adds and nobody touches is taken back by her Ctrl+Z.
    await quickAdd(a, 'Typo drop');
    await card(b, 'Typo drop').waitFor({ timeout: 30_000 });
    await a.keyboard.press('Control+z');
    await expect.poll(() => card(b, 'Typo drop').count(), { timeout: 30_000 }).toBe(0);

    // Ines moves a card, then adds a drop; Theo writes its narrative and moves it on.
    await moveRight(a, title);
    await quickAdd(a, 'Dune Shirt');
    await card(b, 'Dune Shirt').waitFor({ timeout: 30_000 });
    await card(b, 'Dune Shirt').click();
    const his = narrative(b);
    await his.fill('Theo: two looks at the dunes at dusk.');
    await his.press('Tab');
    await b.keyboard.press('Escape');
    await moveRight(b, 'Dune Shirt');
    await expect.poll(() => stageOf(card(a, 'Dune Shirt')), { timeout: 30_000 }).toBe('Brief');

    // Her Ctrl+Z leaves the drop and his work in it, says why, and undoes her move before it.
    await a.keyboard.press('Control+z');
    await expect
      .poll(() => a.locator('.notice-region').innerText())
      .toContain('A teammate has since changed your last change, so Undo left it');
    await expect.poll(() => stageOf(card(a, title))).toBe('Concept & creator');
    await expect.poll(() => stageOf(card(b, title)), { timeout: 30_000 }).toBe('Concept & creator');
    for (const p of [a, b]) {
      expect(await card(p, 'Dune Shirt').count()).toBe(1);
      expect(await stageOf(card(p, 'Dune Shirt'))).toBe('Brief');
    }
    await card(a, 'Dune Shirt').click();
    expect(await narrative(a).inputValue()).toBe('Theo: two looks at the dunes at dusk.');
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });

  it('tells the person whose field a teammate changed too while they were apart, and puts theirs back', async () => {
    const { ines, theo, a, b, title } = await inesAndTheo();
    const id = (await card(a, title).getAttribute('data-drop-id'))!;
    const cardById = (p: Page) => p.locator(`[data-testid="drop-card"][data-drop-id="${id}"]`);
    const titleOf = (p: Page) => cardById(p).locator('.card-title').innerText();

    // Apart (sync switched off on both), each renames the drop and rewrites its narrative.
    await setSyncEnabled(a, false);
    await setSyncEnabled(b, false);
    const wrote = new Map<Page, { title: string; narrative: string }>([
      [a, { title: 'Harbour Linen, sand', narrative: 'Ines: sand linen at first light.' }],
      [b, { title: 'Harbour Linen, rope', narrative: 'Theo: rope details on the quay.' }],
    ]);
    for (const [p, mine] of wrote) {
      await cardById(p).click();
      await panel(p).getByLabel('Title', { exact: true }).fill(mine.title);
      await panel(p).getByLabel('Title', { exact: true }).press('Tab');
      await narrative(p).fill(mine.narrative);
      await narrative(p).press('Tab');
      await p.keyboard.press('Escape');
      await expect.poll(() => titleOf(p)).toBe(mine.title);
    }
    await setSyncEnabled(a, true);
    await setSyncEnabled(b, true);
    // They agree on one of the two (Yjs picks): the positive control that the change arrived.
    await expect
      .poll(async () => (await titleOf(a)) === (await titleOf(b)), { timeout: 30_000 })
      .toBe(true);
    const kept = await titleOf(a);
    const [winner, loser] = kept === wrote.get(a)!.title ? [a, b] : [b, a];
    const lost = wrote.get(loser)!;

    // The one whose words went is told which, and how to get them back.
    const notice = loser.locator('.notice-region');
    await expect
      .poll(() => notice.innerText(), { timeout: 30_000 })
      .toContain(
        `A teammate changed the title and narrative of “${kept}” (yours: “${lost.title}”) while you were apart`,
      );
    expect(await winner.locator('.notice-region').innerText()).not.toContain(
      'while you were apart',
    );

    // Use mine puts both back, for both people; one Ctrl+Z takes it back again.
    await loser.getByRole('button', { name: 'Use mine' }).click();
    for (const p of [a, b]) {
      await expect.poll(() => titleOf(p), { timeout: 30_000 }).toBe(lost.title);
      await cardById(p).click();
      await expect
        .poll(() => narrative(p).inputValue(), {
          timeout: 30_000,
        })
        .toBe(lost.narrative);
      await p.keyboard.press('Escape');
    }
    await loser.keyboard.press('Control+z');
    await expect.poll(() => titleOf(winner), { timeout: 30_000 }).toBe(kept);

    // A change made after seeing the other's value replaces it knowingly: no notice.
    await cardById(winner).click();
    await panel(winner).getByLabel('Title', { exact: true }).fill('Harbour Linen, final');
    await panel(winner).getByLabel('Title', { exact: true }).press('Tab');
    await expect.poll(() => titleOf(loser), { timeout: 30_000 }).toBe('Harbour Linen, final');
    expect(await notice.innerText()).not.toContain('Harbour Linen, final');
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });

  it('tells the person whose stage name a teammate changed too while they were apart, and puts theirs back', async () => {
    const { ines, theo, a, b } = await inesAndTheo();
    const stageNames = (p: Page) => p.locator('.column-title').allInnerTexts();
    const rename = async (p: Page, from: string, to: string) => {
      await p.getByRole('button', { name: `Stage ${from} options` }).click();
      await p.getByRole('menuitem', { name: 'Rename stage' }).click();
      const field = p.getByRole('textbox', { name: 'Stage name' });
      await field.fill(to);
      await field.press('Enter');
      await p.getByRole('button', { name: `Stage ${to} options` }).waitFor();
    };

    // Apart, each renames the Shoot stage.
    await setSyncEnabled(a, false);
    await setSyncEnabled(b, false);
    const wrote = new Map<Page, string>([
      [a, 'Shoot week'],
      [b, 'On set'],
    ]);
    for (const [p, name] of wrote) await rename(p, 'Shoot', name);
    await setSyncEnabled(a, true);
    await setSyncEnabled(b, true);
    // They agree on one name (the positive control that the rename arrived).
    await expect
      .poll(async () => (await stageNames(a)).join() === (await stageNames(b)).join(), {
        timeout: 30_000,
      })
      .toBe(true);
    const names = await stageNames(a);
    const kept = names.find((n) => n === 'Shoot week' || n === 'On set')!;
    const [winner, loser] = kept === wrote.get(a) ? [a, b] : [b, a];
    const lost = wrote.get(loser)!;

    const notice = loser.locator('.notice-region');
    await expect
      .poll(() => notice.innerText(), { timeout: 30_000 })
      .toContain(
        `A teammate changed the name of the stage “${kept}” (yours: “${lost}”) while you were apart, and their change was kept over yours.`,
      );
    expect(await winner.locator('.notice-region').innerText()).not.toContain(
      'while you were apart',
    );

    // Use mine puts the name back for both.
    await loser.getByRole('button', { name: 'Use mine' }).click();
    for (const p of [a, b])
      await expect.poll(() => stageNames(p), { timeout: 30_000 }).toContain(lost);
    expect(await stageNames(winner)).not.toContain(kept);
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });

  it('tells the person when a teammate deletes the drop they have open, and restores it', async () => {
    const { ines, theo, a, b, title } = await inesAndTheo();

    // Theo writes the narrative; Ines has the drop open and reads it.
    await card(b, title).click();
    const his = narrative(b);
    await his.fill('Theo: the pier at low tide, two looks.');
    await his.press('Tab');
    await card(a, title).click();
    await expect
      .poll(() => narrative(a).inputValue(), {
        timeout: 30_000,
      })
      .toBe('Theo: the pier at low tide, two looks.');

    // Theo deletes it: her panel closes (the positive control that the deletion arrived), and
    // she is told why, not left with a panel gone from under her.
    await panel(b).getByRole('button', { name: 'Delete' }).click();
    await b.getByRole('dialog').getByRole('button', { name: 'Delete drop' }).click();
    await expect.poll(() => card(a, title).count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => a.locator('.notice-region').innerText())
      .toContain(`A teammate deleted “${title}” while you had it open.`);
    expect(await b.locator('.notice-region').innerText()).not.toContain('while you had it open');

    // She opens another drop, and Theo deletes that one too: its offer waits behind the first,
    // said so, instead of taking the first one's button away.
    const second = (
      await a.locator('[data-testid="drop-card"] .card-title').first().innerText()
    ).trim();
    await card(a, second).click();
    await card(b, second).click();
    await panel(b).getByRole('button', { name: 'Delete' }).click();
    await b.getByRole('dialog').getByRole('button', { name: 'Delete drop' }).click();
    await expect.poll(() => card(a, second).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => a.getByTestId('notice-more').innerText()).toBe('1 more after this');
    expect(await a.locator('.notice-region').innerText()).toContain(
      `A teammate deleted “${title}” while you had it open.`,
    );

    // Restore puts it back for both, in its stage, with its narrative; then the second offer.
    await a.getByRole('button', { name: 'Restore it' }).click();
    for (const p of [a, b]) {
      await card(p, title).waitFor({ timeout: 30_000 });
      expect(await stageOf(card(p, title))).toBe('Concept & creator');
    }
    // "Restored …" says the second offer waits; dismissed, the offer is back.
    await expect
      .poll(() => a.locator('.notice-region').innerText())
      .toContain(`Restored “${title}”`);
    expect(await a.getByTestId('notice-more').innerText()).toBe('1 more after this');
    await a.locator('.notice-region').screenshot({ path: 'test-results/notice-more.png' });
    await a.locator('.notice-region').getByRole('button', { name: 'Dismiss' }).click();
    await expect
      .poll(() => a.locator('.notice-region').innerText())
      .toContain(`A teammate deleted “${second}” while you had it open.`);
    await a.getByRole('button', { name: 'Restore it' }).click();
    for (const p of [a, b]) await card(p, second).waitFor({ timeout: 30_000 });
    await card(b, title).click();
    expect(await narrative(b).inputValue()).toBe('Theo: the pier at low tide, two looks.');
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });
  it('brings back the words the person was typing when a teammate deleted the drop under them', async () => {
    const { ines, theo, a, b, title } = await inesAndTheo();
    await card(a, title).click();
    await card(b, title).click();
    // Ines is writing the narrative and has not saved it (the caret is still in the field)
    // when Theo deletes the drop.
    const typed = 'Ines: two looks on the pier as the lights come on, half written';
    await narrative(a).fill(typed);
    await panel(b).getByRole('button', { name: 'Delete' }).click();
    await b.getByRole('dialog').getByRole('button', { name: 'Delete drop' }).click();
    // Her panel closes (the positive control that the deletion arrived), and she is told.
    await expect.poll(() => card(a, title).count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => a.locator('.notice-region').innerText())
      .toContain(
        `A teammate deleted “${title}” while you had it open. Restore it keeps what you were typing.`,
      );

    await a.getByRole('button', { name: 'Restore it' }).click();
    await expect
      .poll(() => a.locator('.notice-region').innerText())
      .toContain(`Restored “${title}” with what you were typing.`);
    for (const p of [a, b]) {
      await card(p, title).waitFor({ timeout: 30_000 });
      await card(p, title).click();
      await expect.poll(() => narrative(p).inputValue(), { timeout: 30_000 }).toBe(typed);
      await p.keyboard.press('Escape');
    }
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });
  it("follows a teammate's typing in a brief's text in History's comparison, while it is open", async () => {
    const { ines, theo, a, b, title } = await inesAndTheo();
    // Ines takes a snapshot and keeps History open on it.
    await a.getByRole('button', { name: 'History', exact: true }).click();
    const history = a.getByRole('dialog', { name: 'History' });
    const name = history.getByPlaceholder('e.g. Before the June plan');
    await name.fill('Before the brief');
    await name.press('Enter');
    await history
      .locator('.history-item')
      .filter({ has: a.getByText('Before the brief', { exact: true }) })
      .click();
    await history.getByText('Nothing has changed since this snapshot.').waitFor();

    // Theo writes in the drop's brief.
    await card(b, title).click();
    await b.getByTestId('open-brief').click();
    const prose = b.locator('.brief-sheet .brief-prose');
    await prose.click();
    await b.keyboard.press('Control+End');
    await b.keyboard.type(' Theo adds a line about the pier lights.');

    // Ines's open comparison shows it without being reopened.
    await history.getByText('Brief text changed').waitFor({ timeout: 30_000 });
    expect(await history.innerText()).toContain(title);
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });
});
