import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createDrop,
  deleteDrop,
  initWorkspace,
  readDrops,
  readStages,
  updateDrop,
} from '../../shared/model';
import { decodeBackup, encodeBackup } from '../../shared/sync/backupFile';
import { baseUrl, launchChromium, newPage } from './support/browser';
import { newEmptyWorkspace } from './support/workspaces';

// History through the built app: a named snapshot, a deleted drop and a vandalised title, both
// brought back (chosen drops into this workspace, and the whole snapshot as a copy); a file of
// another workspace imported as a new workspace.

const OUT = join(tmpdir(), 'cadence-e2e-history');
const SCREENSHOT = process.env.CADENCE_HISTORY_SCREENSHOT;
const card = (page: Page, title: string) =>
  page.locator('[data-testid="board"] [data-testid="drop-card"]', { hasText: title });
const history = (page: Page) => page.getByRole('dialog', { name: 'History' });
const switcher = (page: Page) => page.getByRole('button', { name: /Switch workspace$/ });

async function openBoard(context: BrowserContext) {
  const watched = await newPage(context);
  await watched.page.goto(baseUrl());
  await card(watched.page, 'Harbour Linen').waitFor();
  return watched;
}

async function openDrop(page: Page, title: string) {
  await card(page, title).click();
  await page.getByRole('textbox', { name: 'Title' }).waitFor();
}

async function vandalise(page: Page) {
  // A title vandalised…
  await openDrop(page, 'Harbour Linen');
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill('BUY CRYPTO NOW');
  await title.press('Tab');
  await card(page, 'BUY CRYPTO NOW').waitFor();
  await page.getByRole('button', { name: 'Close drop details' }).click();
  // …and a drop deleted.
  await openDrop(page, 'Night Market Knit');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Delete drop' }).click();
  await card(page, 'Night Market Knit').waitFor({ state: 'detached' });
}

async function chooseSnapshot(page: Page, name: string) {
  await history(page)
    .locator('.history-item')
    .filter({ has: page.getByText(name, { exact: true }) })
    .click();
  await history(page)
    .getByRole('heading', { name: new RegExp(`^Since “${name}”`) })
    .waitFor();
}

describe('history', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('brings a deleted drop and a vandalised title back from a snapshot: chosen drops, then a copy', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await openBoard(context);
    const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

    // A named snapshot, from the keyboard.
    await page.keyboard.press(`${mod}+Shift+KeyH`);
    await history(page).waitFor();
    await history(page).getByPlaceholder('e.g. Before the June plan').fill('Before the vandal');
    await history(page).getByPlaceholder('e.g. Before the June plan').press('Enter');
    await chooseSnapshot(page, 'Before the vandal');
    await history(page).getByText('Nothing has changed since this snapshot.').waitFor();
    await history(page).getByRole('button', { name: 'Close' }).click();

    await vandalise(page);

    // The history view names what changed, in the product's words.
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await chooseSnapshot(page, 'Before the vandal');
    const dialog = history(page);
    await dialog.getByText('Deleted since the snapshot (it was in', { exact: false }).waitFor();
    await dialog.getByText('Renamed from “Harbour Linen” to “BUY CRYPTO NOW”').waitFor();
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });

    // Restore the two chosen drops into this workspace.
    await dialog.getByRole('checkbox', { name: 'Choose “Night Market Knit”' }).check();
    await dialog.getByRole('checkbox', { name: 'Choose “BUY CRYPTO NOW”' }).check();
    await dialog.getByRole('button', { name: 'Restore 2 chosen drops' }).click();
    await dialog.getByText('Nothing has changed since this snapshot.').waitFor();
    await dialog
      .locator('.history-item', { hasText: 'Before restoring from “Before the vandal”' })
      .waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await card(page, 'Night Market Knit').waitFor();
    await card(page, 'Harbour Linen').waitFor();
    expect(await card(page, 'BUY CRYPTO NOW').count()).toBe(0);

    // The restore is one undo step, and redo brings it back.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${mod}+KeyZ`);
    await card(page, 'Night Market Knit').waitFor({ state: 'detached' });
    await card(page, 'BUY CRYPTO NOW').waitFor();
    await page.keyboard.press(`${mod}+Shift+KeyZ`);
    await card(page, 'Night Market Knit').waitFor();
    await card(page, 'Harbour Linen').waitFor();
    await page.keyboard.press(`${mod}+KeyZ`);
    await card(page, 'BUY CRYPTO NOW').waitFor();

    // The whole snapshot as a new workspace: it opens, whole, and this one is untouched.
    await page.keyboard.press(`${mod}+Shift+KeyH`);
    await chooseSnapshot(page, 'Before the vandal');
    await history(page).getByRole('button', { name: 'Restore as a new workspace' }).click();
    await expect
      .poll(() => switcher(page).getAttribute('aria-label'))
      .toMatch(
        /^Workspace: Saltmarsh Studio \(\w{3} \d+, \d\d:\d\d( [AP]M)?\)\. Switch workspace$/,
      );
    await card(page, 'Night Market Knit').waitFor();
    await card(page, 'Harbour Linen').waitFor();
    expect(await card(page, 'BUY CRYPTO NOW').count()).toBe(0);
    await switcher(page).click();
    await page.getByRole('menuitemradio', { name: 'Saltmarsh Studio', exact: true }).click();
    await card(page, 'BUY CRYPTO NOW').waitFor();
    expect(await card(page, 'Night Market Knit').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('Enter on a drop checkbox chooses nothing and takes no snapshot; Enter in the name does', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await openBoard(context);
    const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
    const nameBox = () => history(page).getByPlaceholder('e.g. Before the June plan');
    // Counted by name: the day's automatic snapshot may arrive meanwhile.
    const named = () =>
      history(page).locator('.history-item', { hasText: 'Not from the checkbox' }).count();

    await page.keyboard.press(`${mod}+Shift+KeyH`);
    await nameBox().fill('Before the rename');
    await nameBox().press('Enter');
    await chooseSnapshot(page, 'Before the rename');
    await history(page).getByRole('button', { name: 'Close' }).click();
    await openDrop(page, 'Harbour Linen');
    const title = page.getByRole('textbox', { name: 'Title' });
    await title.fill('Harbour Linen II');
    await title.press('Tab');
    await card(page, 'Harbour Linen II').waitFor();
    await page.getByRole('button', { name: 'Close drop details' }).click();

    await page.keyboard.press(`${mod}+Shift+KeyH`);
    await chooseSnapshot(page, 'Before the rename');
    const pick = history(page).getByRole('checkbox', { name: 'Choose “Harbour Linen II”' });
    await pick.waitFor();
    // Empty name: Enter on the checkbox used to submit the naming form and say to name it.
    await pick.focus();
    await page.keyboard.press('Enter');
    // Space, after it, is what ticks a checkbox: once it has, the Enter has been handled too.
    await page.keyboard.press('Space');
    await expect.poll(() => pick.isChecked()).toBe(true);
    expect(await history(page).getByRole('alert').count()).toBe(0);
    // With a name typed, Enter on the checkbox took a snapshot under it.
    await nameBox().fill('Not from the checkbox');
    await pick.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await expect.poll(() => pick.isChecked()).toBe(false);
    expect(await history(page).getByRole('alert').count()).toBe(0);
    expect(await named()).toBe(0);
    expect(await nameBox().inputValue()).toBe('Not from the checkbox');
    // Enter in the name field still takes it, once.
    await nameBox().press('Enter');
    await expect.poll(named).toBe(1);
    await expect.poll(() => nameBox().inputValue()).toBe('');
    expect(await named()).toBe(1);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("names a copy restored from a snapshot after the snapshot's workspace name", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await openBoard(context);
    const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

    await page.keyboard.press(`${mod}+Shift+KeyH`);
    await history(page).getByPlaceholder('e.g. Before the June plan').fill('Before the rebrand');
    await history(page).getByPlaceholder('e.g. Before the June plan').press('Enter');
    await chooseSnapshot(page, 'Before the rebrand');
    await history(page).getByRole('button', { name: 'Close' }).click();

    // The workspace renamed since.
    await switcher(page).click();
    await page.getByRole('menuitem', { name: 'Rename “Saltmarsh Studio”…' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename workspace' });
    await rename.getByLabel('Name').fill('Saltmarsh Outlet');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect
      .poll(() => switcher(page).getAttribute('aria-label'))
      .toBe('Workspace: Saltmarsh Outlet. Switch workspace');

    await page.keyboard.press(`${mod}+Shift+KeyH`);
    await chooseSnapshot(page, 'Before the rebrand');
    await history(page)
      .getByText('Workspace renamed from “Saltmarsh Studio” to “Saltmarsh Outlet”')
      .waitFor();
    await history(page).getByRole('button', { name: 'Restore as a new workspace' }).click();
    // The copy is the snapshot's workspace, under the name it had then.
    await expect
      .poll(() => switcher(page).getAttribute('aria-label'))
      .toMatch(
        /^Workspace: Saltmarsh Studio \(\w{3} \d+, \d\d:\d\d( [AP]M)?\)\. Switch workspace$/,
      );
    await card(page, 'Harbour Linen').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('asks before deleting a snapshot, which cannot be brought back', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await openBoard(context);
    const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
    const listed = () =>
      history(page).locator('.history-item', { hasText: 'Before the June plan' }).count();

    await page.keyboard.press(`${mod}+Shift+KeyH`);
    await history(page).getByPlaceholder('e.g. Before the June plan').fill('Before the June plan');
    await history(page).getByPlaceholder('e.g. Before the June plan').press('Enter');
    await chooseSnapshot(page, 'Before the June plan');

    // The first click asks (it used to delete at once, with no way back); keeping it keeps it.
    await history(page)
      .getByRole('button', { name: /^Delete snapshot/ })
      .click();
    const ask = history(page).getByRole('group', { name: 'Delete this snapshot?' });
    await ask
      .getByText('Delete “Before the June plan” from this computer?')
      .waitFor({ timeout: 5_000 });
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-delete.png') });
    expect(await listed()).toBe(1);
    await ask.getByRole('button', { name: 'Keep it' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await listed()).toBe(1);

    // Confirmed, it goes (the positive control).
    await history(page).getByRole('button', { name: 'Delete snapshot…' }).click();
    await ask.getByRole('button', { name: 'Delete for good' }).click();
    await expect.poll(listed).toBe(0);
    await page.getByText('Snapshot “Before the June plan” deleted.').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('restores a drop whose stage was removed since into the stage that took its drops', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await openBoard(context);
    const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
    const column = (stage: string) =>
      page.locator(`[data-testid="board"] [data-stage-name="${stage}"]`);
    const titles = (stage: string) => column(stage).locator('.card-title').allInnerTexts();

    await page.keyboard.press(`${mod}+Shift+KeyH`);
    await history(page).getByPlaceholder('e.g. Before the June plan').fill('Before the cleanup');
    await history(page).getByPlaceholder('e.g. Before the June plan').press('Enter');
    await chooseSnapshot(page, 'Before the cleanup');
    await history(page).getByRole('button', { name: 'Close' }).click();

    // A title vandalised in Asset delivery, then the stage removed: its drops go to Shoot.
    await openDrop(page, 'Storm Coat');
    const title = page.getByRole('textbox', { name: 'Title' });
    await title.fill('STORM SALE');
    await title.press('Tab');
    await card(page, 'STORM SALE').waitFor();
    await page.getByRole('button', { name: 'Close drop details' }).click();
    await page.getByRole('button', { name: 'Stage Asset delivery options' }).click();
    await page.getByRole('menuitem', { name: 'Remove stage…' }).click();
    await page
      .getByRole('dialog', { name: 'Remove “Asset delivery”?' })
      .getByRole('button', { name: 'Remove stage' })
      .click();
    await column('Asset delivery').waitFor({ state: 'detached' });
    const shoot = await titles('Shoot');
    expect(shoot.slice(-2)).toEqual(['STORM SALE', 'Allotment Overalls']);

    await page.keyboard.press(`${mod}+Shift+KeyH`);
    await chooseSnapshot(page, 'Before the cleanup');
    await history(page).getByText('Moved from Asset delivery to Shoot').first().waitFor();
    await history(page).getByRole('checkbox', { name: 'Choose “STORM SALE”' }).check();
    await history(page).getByRole('button', { name: 'Restore 1 chosen drop' }).click();
    await history(page).getByText('Renamed from', { exact: false }).waitFor({ state: 'detached' });
    await history(page).getByRole('button', { name: 'Close' }).click();

    // Its title is back, and it stays where its stage's drops went, in its place there: not
    // sent back to the first stage.
    await card(page, 'Storm Coat').waitFor();
    expect(await titles('Shoot')).toEqual([
      ...shoot.slice(0, -2),
      'Storm Coat',
      'Allotment Overalls',
    ]);
    expect(await titles('Concept & creator')).not.toContain('Storm Coat');

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('imports a file of another workspace as a new workspace, and snapshots before a merge', async () => {
    // A file from another workspace, written as the app writes one.
    const other = new Y.Doc();
    initWorkspace(other, { name: 'Tidewater Label' });
    createDrop(other, { stageId: readStages(other)[0]!.id, title: 'Salt Spray Tee' });
    const file = join(OUT, 'tidewater.cadence');
    writeFileSync(file, await encodeBackup(other, { workspaceId: 'w_elsewhere0000000' }));

    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const { page, pageErrors } = await openBoard(context);
    const openSync = () => page.getByRole('button', { name: /^Sync: / }).click();

    // This workspace's own file merges, after a snapshot of the workspace as it was.
    await openSync();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export workspace…' }).click();
    const own = join(OUT, 'own.cadence');
    await (await download).saveAs(own);
    let chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import and merge…' }).click();
    await (await chooser).setFiles(own);
    await page.getByText('Merged “own.cadence” into this workspace.').waitFor();
    await page.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await history(page)
      .locator('.history-item', { hasText: 'Before importing “own.cadence”' })
      .waitFor();
    await history(page).getByRole('button', { name: 'Close' }).click();

    // Another workspace's file is refused for merging, and offered as a new workspace.
    await openSync();
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import and merge…' }).click();
    await (await chooser).setFiles(file);
    await page
      .getByText('This file belongs to another workspace. Import it as a new workspace instead.')
      .waitFor();
    await page.getByRole('button', { name: 'Import as a new workspace', exact: true }).click();
    await expect
      .poll(() => switcher(page).getAttribute('aria-label'))
      .toBe('Workspace: Tidewater Label. Switch workspace');
    await card(page, 'Salt Spray Tee').waitFor();
    expect(await card(page, 'Harbour Linen').count()).toBe(0);
    // The workspace that was open is unchanged and still listed.
    await switcher(page).click();
    await page.getByRole('menuitemradio', { name: 'Saltmarsh Studio', exact: true }).click();
    await card(page, 'Harbour Linen').waitFor();
    expect(await card(page, 'Salt Spray Tee').count()).toBe(0);

    // A damaged file is refused with its message and creates nothing.
    const damaged = join(OUT, 'damaged.cadence');
    const bytes = await encodeBackup(other, { workspaceId: 'w_elsewhere0000000' });
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(damaged, bytes);
    await openSync();
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import as a new workspace…' }).click();
    await (await chooser).setFiles(damaged);
    await page.getByText('This workspace file is damaged', { exact: false }).waitFor();
    await page.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Close' }).click();
    await switcher(page).click();
    expect(await page.getByRole('menuitemradio').count()).toBe(2);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  /**
   * A teammate's file, made from this workspace's export, that deletes Night Market Knit and
   * rewrites Harbour Linen's narrative; Night Market Knit renamed here meanwhile; the file merged.
   * Returns the page's messages.
   */
  async function mergeDeletionOverChange(page: Page) {
    await page.getByRole('button', { name: /^Sync: / }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export workspace…' }).click();
    const base = join(OUT, 'base.cadence');
    await (await download).saveAs(base);
    await page.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Close' }).click();
    const decoded = await decodeBackup(readFileSync(base));
    if (!decoded.ok) throw new Error(decoded.message);
    const mate = new Y.Doc();
    Y.applyUpdate(mate, decoded.update);
    const idOf = (title: string) => readDrops(mate).find((d) => d.title === title)!.id;
    updateDrop(mate, idOf('Harbour Linen'), { narrative: 'Rewritten by the teammate.' });
    deleteDrop(mate, idOf('Night Market Knit'));
    const file = join(OUT, 'teammate.cadence');
    writeFileSync(file, await encodeBackup(mate, { workspaceId: decoded.header.workspaceId }));

    // Meanwhile the drop the teammate deletes is changed here.
    await openDrop(page, 'Night Market Knit');
    const title = page.getByRole('textbox', { name: 'Title' });
    await title.fill('Night Market Knit, reworked');
    await title.press('Tab');
    await card(page, 'Night Market Knit, reworked').waitFor();
    await page.getByRole('button', { name: 'Close drop details' }).click();

    await page.getByRole('button', { name: /^Sync: / }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import and merge…' }).click();
    await (await chooser).setFiles(file);
    await page.getByText('Merged “teammate.cadence” into this workspace.').waitFor();
    await page.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Close' }).click();
    // The file's changes are in (the positive control): its deletion and its narrative.
    await card(page, 'Night Market Knit, reworked').waitFor({ state: 'detached' });
    await openDrop(page, 'Harbour Linen');
    expect(await page.getByRole('textbox', { name: 'Narrative' }).inputValue()).toBe(
      'Rewritten by the teammate.',
    );
    await page.getByRole('button', { name: 'Close drop details' }).click();
    return () => page.locator('.notice-region .notice').allInnerTexts();
  }

  const DELETED_OVER_CHANGE =
    'A teammate deleted “Night Market Knit, reworked”, which you had changed here while it was not shared.';

  /**
   * A new person's board after a teammate's file deleted a drop changed here, once the offer
   * to put it back shows ("Merged" has had its time first).
   */
  async function offeredBackAfterMerge() {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const { page, pageErrors } = await openBoard(context);
    const notices = await mergeDeletionOverChange(page);
    await expect
      .poll(notices, { timeout: 15_000 })
      .toContainEqual(expect.stringContaining(DELETED_OVER_CHANGE));
    return { context, page, pageErrors, notices };
  }

  it("offers back a drop changed here that a teammate's merged file deleted", async () => {
    // The person is told what the file deleted over their change, and can put it back as it
    // was here.
    const { context, page, pageErrors } = await offeredBackAfterMerge();
    await page.locator('.notice-region').getByRole('button', { name: 'Restore it' }).click();
    await card(page, 'Night Market Knit, reworked').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('drops the offer when another workspace opens; History still has the drop', async () => {
    const { context, page, pageErrors, notices } = await offeredBackAfterMerge();

    // In another workspace the offer is gone: it would restore into the one it came from.
    await newEmptyWorkspace(page, 'Autumn Line');
    expect((await notices()).join()).not.toContain('A teammate deleted');
    await switcher(page).click();
    await page.getByRole('menuitemradio', { name: 'Saltmarsh Studio', exact: true }).click();
    await card(page, 'Harbour Linen').waitFor();
    expect((await notices()).join()).not.toContain('A teammate deleted');

    // The snapshot taken before the merge brings it back as it was here.
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await chooseSnapshot(page, 'Before importing “teammate.cadence”');
    const pick = history(page).getByRole('checkbox', {
      name: 'Choose “Night Market Knit, reworked”',
    });
    await pick.check();
    await history(page).getByRole('button', { name: 'Restore 1 chosen drop' }).click();
    // Only the teammate's narrative differs from the snapshot now.
    await pick.waitFor({ state: 'detached' });
    await history(page).getByText('Narrative changed').waitFor();
    await history(page).getByRole('button', { name: 'Close' }).click();
    await card(page, 'Night Market Knit, reworked').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
