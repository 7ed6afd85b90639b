import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { pairUp, setSyncEnabled, useTeam } from './support/team';
import { newEmptyWorkspace } from './support/workspaces';

// The creator directory as a brand in Poland or Spain fills it in: a revenue share written with
// a decimal comma, as the brief's own revenue share field already takes it; a creator added a
// second time (accents and case aside) refused at the name; and the twins two people added
// while apart told apart wherever a drop is linked to one, so it is never linked by chance.

/** A new empty workspace with the creator directory open. */
async function openDirectoryOfNewWorkspace(page: Page, workspace: string): Promise<void> {
  await page.goto(baseUrl());
  await page.locator('[data-testid="drop-card"]').first().waitFor();
  await newEmptyWorkspace(page, workspace);
  await page.getByRole('button', { name: 'Creators' }).click();
}

describe('creator directory', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 }, locale: 'pl-PL' });

  it('saves a revenue share written with a decimal comma, as the brief does', async () => {
    const { page, pageErrors } = await newPage(context());
    await openDirectoryOfNewWorkspace(page, 'Atelier Łódź');
    await page.getByRole('button', { name: 'Add a creator' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Łukasz Nowak');
    await page.getByLabel('Revenue share %').fill('12,5');
    await page.getByRole('button', { name: 'Add creator' }).click();
    const row = page.locator('.creator-row', { hasText: 'Łukasz Nowak' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('.creator-money').innerText()).toMatch(/^12\.5 %/);

    // Edited the same way; something that is not a number is still refused in words, and kept.
    await row.getByRole('button', { name: 'Edit' }).click();
    const share = page.getByLabel('Revenue share %');
    expect(await share.inputValue()).toBe('12.5');
    await share.fill('12,5,0');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('.field-error').allInnerTexts())
      .toEqual(['Enter a percentage.']);
    expect(await share.inputValue()).toBe('12,5,0');
    await share.fill('7,25');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => share.count()).toBe(0);
    expect(await row.locator('.creator-money').innerText()).toMatch(/^7\.25 %/);
    expect(pageErrors).toEqual([]);
  });
});

/** Adds a creator through the directory's form, which stays open when something is refused. */
async function addCreator(page: Page, name: string, fields: Record<string, string> = {}) {
  await page.getByRole('button', { name: 'Add a creator' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole('button', { name: 'Add creator' }).click();
}

describe('a discount code with a letter shoppers cannot type', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('is refused naming that character, in the directory and in the brief', async () => {
    const { page, pageErrors } = await newPage(context());
    await openDirectoryOfNewWorkspace(page, 'Codes');
    await addCreator(page, 'Łukasz Nowak', { 'Discount code': 'ŁUKASZ10' });
    const error = page.locator('.field-error');
    await expect
      .poll(() => error.allInnerTexts())
      .toEqual(['A code has only letters A–Z, numbers, dashes and underscores: not “Ł”.']);
    await page.getByLabel('Discount code').fill('LUKASZ 10');
    await page.getByRole('button', { name: 'Add creator' }).click();
    await expect
      .poll(() => error.allInnerTexts())
      .toEqual(['A code has only letters A–Z, numbers, dashes and underscores: not a space.']);
    await page.getByLabel('Discount code').fill('LU');
    await page.getByRole('button', { name: 'Add creator' }).click();
    await expect
      .poll(() => error.allInnerTexts())
      .toEqual(['A code has 3 to 32 characters; this one has 2.']);
    // Positive control: the same code without the accent is saved.
    await page.getByLabel('Discount code').fill('LUKASZ10');
    await page.getByRole('button', { name: 'Add creator' }).click();
    await page.locator('.creator-row', { hasText: 'LUKASZ10' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();

    // The brief's own code is checked by the same rule, said at its field and kept.
    await page.getByRole('button', { name: 'Add your first drop' }).click();
    const title = page.getByRole('textbox', { name: /^New drop title in/ });
    await title.fill('Łódź Nights');
    await title.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="drop-card"]', { hasText: 'Łódź Nights' }).click();
    await page.getByTestId('open-brief').click();
    const sheet = page.locator('.brief-sheet');
    const code = sheet.getByLabel('Discount code', { exact: true });
    await code.fill('ŁÓDŹ15');
    await code.press('Tab');
    await expect
      .poll(() => sheet.locator('.field-error').allInnerTexts())
      .toContain('A code has only letters A–Z, numbers, dashes and underscores: not “Ł”.');
    expect(await code.inputValue()).toBe('ŁÓDŹ15');
    await code.fill('LODZ15');
    await code.press('Tab');
    await expect.poll(() => code.inputValue()).toBe('LODZ15');
    expect(await sheet.locator('.field-error', { hasText: 'A code has' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('a creator’s handles in the directory', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('are listed with their platforms, the main one first', async () => {
    const { page, pageErrors } = await newPage(context());
    await openDirectoryOfNewWorkspace(page, 'Handles');
    await page.getByRole('button', { name: 'Add a creator' }).click();
    await page.getByLabel('Name', { exact: true }).fill('José María');
    await page.getByLabel('Main platform').selectOption({ label: 'TikTok' });
    await page.getByLabel('Region', { exact: true }).fill('Łódź, Polska');
    await page.getByLabel('Instagram handle').fill('jose.maria.studio');
    await page.getByLabel('TikTok handle').fill('@josemaria');
    await page.getByLabel('YouTube handle').fill('JoséMaríaŻółkiewska');
    await page.getByRole('button', { name: 'Add creator' }).click();
    const row = page.locator('.creator-row', { hasText: 'José María' });
    await expect
      .poll(() => row.locator('.creator-sub').innerText())
      .toBe(
        'TikTok @josemaria · Instagram @jose.maria.studio · YouTube @JoséMaríaŻółkiewska · Łódź, Polska',
      );
    // A creator with no handle on their main platform still says where they post.
    await page.getByRole('button', { name: 'Add a creator' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Zoë Martin');
    await page.getByLabel('Pinterest handle').fill('zoe.pins');
    await page.getByRole('button', { name: 'Add creator' }).click();
    await expect
      .poll(() =>
        page.locator('.creator-row', { hasText: 'Zoë Martin' }).locator('.creator-sub').innerText(),
      )
      .toBe('Instagram · Pinterest @zoe.pins');
    expect(pageErrors).toEqual([]);
  });
});

describe('a creator with a long name', () => {
  const context = contextForSuite({ viewport: { width: 1024, height: 768 } });

  it('leaves the board’s filter bar as it was, the name whole in the list', async () => {
    const { page, pageErrors } = await newPage(context());
    await openDirectoryOfNewWorkspace(page, 'Long names');
    // 78 characters, as long as the directory takes, with no space to break at.
    const name = 'Oyelaran-Whitfield-Fernández-Żółkiewska-de-la-Cruz-Montenegro-Vasconcelos-Silva';
    await addCreator(page, name);
    await page.locator('.creator-row', { hasText: name }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    const filter = page.getByLabel('Filter by creator');
    // The name is all there to pick…
    expect(await filter.locator('option').allInnerTexts()).toEqual(['All creators', name]);
    await filter.selectOption({ label: name });
    // …but the box keeps the width of a filter, and the bar stays on one row.
    const box = (await filter.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(16 * 14 + 1);
    const rowOf = async (label: string) =>
      Math.round((await page.getByLabel(label).boundingBox())!.y);
    const search = await rowOf('Search drops');
    expect(Math.abs((await rowOf('Filter by channel')) - search)).toBeLessThan(8);
    expect(Math.abs((await rowOf('Show archived')) - search)).toBeLessThan(16);
    expect(pageErrors).toEqual([]);
  });
});

describe('deleting a creator linked to drops', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('counts every drop it unlinks, archived ones too, and undo links them back', async () => {
    const { page, pageErrors } = await newPage(context());
    await openDirectoryOfNewWorkspace(page, 'Past drops');
    await addCreator(page, 'Zoë Martin', { 'Discount code': 'ZOE10' });
    await page.locator('.creator-row', { hasText: 'ZOE10' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Add your first drop' }).click();
    const title = page.getByRole('textbox', { name: /^New drop title in/ });
    for (const t of ['Spring linen', 'Autumn wool']) {
      await title.fill(t);
      await title.press('Enter');
    }
    await page.keyboard.press('Escape');
    const panel = page.getByRole('complementary', { name: 'Drop details' });
    const card = (t: string) => page.locator('[data-testid="drop-card"]', { hasText: t });
    for (const t of ['Spring linen', 'Autumn wool']) {
      await card(t).click();
      await panel.getByLabel('Creator', { exact: true }).selectOption({ label: 'Zoë Martin' });
      await expect.poll(() => card(t).innerText()).toContain('Zoë Martin');
    }
    // Autumn wool is a past drop: archived, it leaves the board.
    await panel.getByRole('button', { name: 'Archive' }).click();
    await expect.poll(() => card('Autumn wool').count()).toBe(0);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Creators' }).click();
    await page.locator('.creator-row').getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Zoë Martin?' });
    await expect
      .poll(() => confirm.locator('p').innerText())
      .toBe(
        '2 drops (1 archived) link to Zoë Martin; they will have no creator. You can undo this.',
      );
    await confirm.getByRole('button', { name: 'Delete creator' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByLabel('Show archived').check();
    for (const t of ['Spring linen', 'Autumn wool']) {
      await expect.poll(() => card(t).innerText()).not.toContain('Zoë Martin');
    }
    // One undo brings the creator back and links both drops to her again.
    await page.keyboard.press('Control+z');
    for (const t of ['Spring linen', 'Autumn wool']) {
      await expect.poll(() => card(t).innerText()).toContain('Zoë Martin');
    }
    expect(pageErrors).toEqual([]);
  });
});

describe('dialogs over the directory', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('are each named by their own title, not "Creators"', async () => {
    const { page, pageErrors } = await newPage(context());
    await openDirectoryOfNewWorkspace(page, 'Named dialogs');
    await expect.poll(() => page.getByRole('dialog', { name: 'Creators' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Add a creator' }).click();
    const add = page.getByRole('dialog', { name: 'Add a creator' });
    await expect.poll(() => add.count()).toBe(1);
    await add.getByLabel('Name', { exact: true }).fill('Zoë Martin');
    await add.getByRole('button', { name: 'Add creator' }).click();
    await expect.poll(() => add.count()).toBe(0);
    const row = page.locator('.creator-row', { hasText: 'Zoë Martin' });
    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Zoë Martin' });
    await expect.poll(() => edit.count()).toBe(1);
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await row.getByRole('button', { name: 'Delete' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete Zoë Martin?' });
    await expect.poll(() => remove.count()).toBe(1);
    await remove.getByRole('button', { name: 'Keep' }).click();
    // The directory under them kept its own name all along.
    await expect.poll(() => remove.count()).toBe(0);
    expect(await page.getByRole('dialog', { name: 'Creators' }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});

describe('a creator added twice', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('is refused at the name, with what was typed kept', async () => {
    const { page, pageErrors } = await newPage(context());
    await openDirectoryOfNewWorkspace(page, 'Zoë’s Atelier');
    await addCreator(page, 'Zoë Martin', { 'Discount code': 'ZOE10' });
    await page.locator('.creator-row', { hasText: 'ZOE10' }).waitFor();

    // The same partner typed again, without the accent and in lower case.
    await addCreator(page, ' zoe martin', { 'Discount code': 'ZOE11', Region: 'Porto' });
    await expect
      .poll(() => page.locator('.field-error').allInnerTexts())
      .toEqual([
        'Zoë Martin is already in the directory: edit that creator, or add to the name what tells the two apart.',
      ]);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(' zoe martin');
    expect(await page.getByLabel('Discount code').inputValue()).toBe('ZOE11');
    expect(await page.locator('.creator-row').count()).toBe(1);

    // Positive control: a name that tells the two apart is added, with what was typed.
    await page.getByLabel('Name', { exact: true }).fill('Zoë Martin (Porto)');
    await page.getByRole('button', { name: 'Add creator' }).click();
    await page.locator('.creator-row', { hasText: 'ZOE11' }).waitFor();
    expect(await page.locator('.creator-row strong').allInnerTexts()).toEqual([
      'Zoë Martin',
      'Zoë Martin (Porto)',
    ]);
    // Renaming one to the other's name is refused the same way; the creator's own name is kept.
    await page
      .locator('.creator-row', { hasText: 'ZOE11' })
      .getByRole('button', { name: 'Edit' })
      .click();
    await page.getByLabel('Name', { exact: true }).fill('ZOË MARTIN');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('.field-error').allInnerTexts())
      .toEqual([expect.stringContaining('Zoë Martin is already in the directory')]);
    await page.getByLabel('Name', { exact: true }).fill('Zoë Martin (Porto)');
    await page.getByLabel('Region', { exact: true }).fill('Porto, Portugal');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.field-error').count()).toBe(0);
    await page.locator('.creator-row', { hasText: 'Porto, Portugal' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

describe('a creator two people added while apart', { retry: 1 }, () => {
  const team = useTeam();

  it('is flagged in the directory and told apart wherever a drop is linked', async () => {
    const ines = await team.person();
    const theo = await team.person();
    const title = await pairUp(ines.page, theo.page, team.signaling);
    const [a, b] = [ines.page, theo.page];
    await setSyncEnabled(a, false);
    await setSyncEnabled(b, false);
    for (const [p, code] of [
      [a, 'ZOE10'],
      [b, 'MARTIN15'],
    ] as const) {
      await p.getByRole('button', { name: 'Creators' }).click();
      await addCreator(p, 'Zoë Martin', { 'Discount code': code });
      await p.locator('.creator-row', { hasText: code }).waitFor();
      await p.getByRole('button', { name: 'Done' }).click();
    }
    await setSyncEnabled(a, true);
    await setSyncEnabled(b, true);
    await a.getByRole('button', { name: 'Creators' }).click();
    const twins = a.locator('.creator-row', { hasText: 'Zoë Martin' });
    await expect.poll(() => twins.count(), { timeout: 30_000 }).toBe(2);
    expect(await twins.locator('.badge', { hasText: 'Name used twice' }).count()).toBe(2);
    await a.getByRole('button', { name: 'Done' }).click();

    // Each picker says which Zoë Martin is which: by her code, here.
    const wanted = ['Zoë Martin · MARTIN15', 'Zoë Martin · ZOE10'];
    const zoes = async (select: ReturnType<Page['locator']>) =>
      (await select.locator('option').allInnerTexts()).filter((t) => t.includes('Zoë')).sort();
    await a.locator('[data-testid="drop-card"]', { hasText: title }).first().click();
    const panel = a.getByRole('complementary', { name: 'Drop details' });
    expect(await zoes(panel.getByLabel('Creator', { exact: true }))).toEqual(wanted);
    expect(await zoes(a.getByLabel('Filter by creator'))).toEqual(wanted);
    await a.getByTestId('open-brief').click();
    const sheet = a.locator('.brief-sheet');
    await sheet.waitFor();
    const picker = sheet.getByLabel('Creator', { exact: true });
    expect(await zoes(picker)).toEqual(wanted);
    // Linked to the one picked: the brief shows her code, not the other's.
    await picker.selectOption({ label: 'Zoë Martin · MARTIN15' });
    await expect
      .poll(() => sheet.getByLabel('Discount code', { exact: true }).inputValue())
      .toBe('MARTIN15');
    // Other creators keep their plain name (positive control).
    const others = (await picker.locator('option').allInnerTexts()).filter(
      (t) => !t.includes('Zoë') && t !== 'No creator yet',
    );
    expect(others.length).toBeGreaterThan(0);
    for (const t of others) expect(t).not.toMatch(/ of \d/);
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });
});
