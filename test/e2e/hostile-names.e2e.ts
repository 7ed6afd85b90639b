import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDrop, initWorkspace, readStages, root } from '../../shared/model';
import { decodeBackup, encodeBackup, frameWorkspaceFile } from '../../shared/sync/backupFile';
import { sha256Hex } from '../../shared/sync/bytes';
import { baseUrl, launchChromium, newPage } from './support/browser';

// Names that arrive from outside the window (a workspace file, a teammate's copy, a paste)
// with line breaks or the invisible characters that reverse the text around them (U+202E):
// the switcher and its menu show them as one plain line, as an invite's name already was.

const OUT = join(tmpdir(), 'cadence-e2e-hostile-names');
const card = (page: Page, title: string) =>
  page.locator('[data-testid="board"] [data-testid="drop-card"]', { hasText: title });
const switcher = (page: Page) => page.getByRole('button', { name: /Switch workspace$/ });
const syncDialog = (page: Page) => page.getByRole('dialog', { name: 'Sync' });

/** A workspace file written by hand: whatever name its header says, any document. */
async function handMadeFile(doc: Y.Doc, name: string, workspaceId: string): Promise<Uint8Array> {
  const update = Y.encodeStateAsUpdate(doc);
  const header = {
    format: 1,
    workspaceId,
    name,
    createdAt: 1,
    exportedAt: 2,
    byteLength: update.byteLength,
    sha256: await sha256Hex(update),
  };
  return frameWorkspaceFile(header, update);
}

async function pickFile(page: Page, button: string, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await syncDialog(page).getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

describe('names with line breaks and direction characters', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('lists a file imported as a new workspace, a teammate’s rename and a pasted name as one plain line', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await card(page, 'Harbour Linen').waitFor();
    const openSync = () => page.getByRole('button', { name: /^Sync: / }).click();

    // A file of another workspace whose name (header and document) reverses its own text.
    const other = new Y.Doc();
    initWorkspace(other, { name: 'Tidewater Label' });
    createDrop(other, { stageId: readStages(other)[0]!.id, title: 'Salt Spray Tee' });
    const hostile = 'Tide\u202Ewater\nLabel';
    // And a drop whose title (as a teammate's or a file's may) reverses the card's text.
    const reversed = createDrop(other, { stageId: readStages(other)[0]!.id, title: 'Reversed' });
    other.transact(() => {
      root.meta(other).set('name', hostile);
      (root.drops(other).get(reversed) as unknown as Y.Map<unknown>).set(
        'title',
        'Sale\u202Eends\nSoon',
      );
    });
    const file = join(OUT, 'tidewater.cadence');
    writeFileSync(file, await handMadeFile(other, hostile, 'w_elsewhere0000001'));

    await openSync();
    await pickFile(page, 'Import as a new workspace…', file);
    await card(page, 'Salt Spray Tee').waitFor();
    await expect
      .poll(() => switcher(page).getAttribute('aria-label'))
      .toBe('Workspace: Tide water Label. Switch workspace');
    expect(await switcher(page).locator('.switcher-name').textContent()).toBe('Tide water Label');
    expect(await page.locator('[data-testid="board"] .card-title').allTextContents()).toContain(
      'Sale ends Soon',
    );
    await switcher(page).click();
    expect(await page.getByRole('menuitemradio').allTextContents()).toContain('Tide water Label');
    await page.keyboard.press('Escape');

    // A teammate renames this workspace (the one just imported) to a name with a line break and an override; their copy
    // arrives through the same check as any teammate's change: merged from their file.
    await openSync();
    const download = page.waitForEvent('download');
    await syncDialog(page).getByRole('button', { name: 'Export workspace…' }).click();
    const own = join(OUT, 'own.cadence');
    await (await download).saveAs(own);
    const decoded = await decodeBackup(readFileSync(own));
    if (!decoded.ok) throw new Error(decoded.message);
    const teammate = new Y.Doc();
    Y.applyUpdate(teammate, decoded.update);
    teammate.transact(() => root.meta(teammate).set('name', 'Ebb\n\u2067Tide\u2069 Co'));
    const renamed = join(OUT, 'renamed.cadence');
    writeFileSync(
      renamed,
      await encodeBackup(teammate, { workspaceId: decoded.header.workspaceId }),
    );
    await pickFile(page, 'Import and merge…', renamed);
    await page.getByText('Merged “renamed.cadence” into this workspace.').waitFor();
    await syncDialog(page).getByRole('button', { name: 'Close' }).click();
    await expect
      .poll(() => switcher(page).getAttribute('aria-label'))
      .toBe('Workspace: Ebb Tide Co. Switch workspace');

    // A document's name may hold 500 characters, the list's 60: such a name made the workspace
    // fail to open ("Could not open the workspace"). It opens, its name cut to 60.
    const long = `Ebb Tide ${'x'.repeat(120)}`;
    teammate.transact(() => root.meta(teammate).set('name', long));
    const longFile = join(OUT, 'long.cadence');
    writeFileSync(
      longFile,
      await encodeBackup(teammate, { workspaceId: decoded.header.workspaceId }),
    );
    await openSync();
    await pickFile(page, 'Import and merge…', longFile);
    await page.getByText('Merged “long.cadence” into this workspace.').waitFor();
    await page.reload();
    await card(page, 'Salt Spray Tee').waitFor();
    await expect
      .poll(() => switcher(page).getAttribute('aria-label'))
      .toBe(`Workspace: ${long.slice(0, 60)}. Switch workspace`);

    // A name pasted into Rename with a direction override is saved as one plain line.
    await switcher(page).click();
    await page.getByRole('menuitem', { name: /^Rename/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename workspace' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Sea\u202Eglass');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect
      .poll(() => switcher(page).getAttribute('aria-label'))
      .toBe('Workspace: Sea glass. Switch workspace');

    expect(pageErrors).toEqual([]);
  });

  it('refuses a file with a value longer than Cadence keeps, saying which, and changes nothing', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await switcher(page).waitFor();
    await switcher(page).click();
    const listed = await page.getByRole('menuitemradio').allTextContents();
    await page.keyboard.press('Escape');

    // A file made by hand with a drop title of 5,000,000 characters (the title keeps 1,000).
    const other = new Y.Doc();
    initWorkspace(other, { name: 'Long Title Label' });
    const drop = createDrop(other, { stageId: readStages(other)[0]!.id, title: 'Salt Spray Tee' });
    const record = root.drops(other).get(drop) as Y.Map<unknown>;
    other.transact(() => record.set('title', 'x'.repeat(5_000_000)));
    const file = join(OUT, 'long-title.cadence');
    writeFileSync(file, await encodeBackup(other, { workspaceId: 'w_elsewhere0000002' }));
    const message =
      "This workspace file cannot be opened: a value in it is longer than Cadence keeps (a drop's title of 5,000,000 characters, at most 1,000). Nothing was changed.";

    await page.getByRole('button', { name: /^Sync: / }).click();
    await pickFile(page, 'Import as a new workspace…', file);
    await expect.poll(() => syncDialog(page).getByRole('alert').textContent()).toBe(message);
    await pickFile(page, 'Import and merge…', file);
    await expect.poll(() => syncDialog(page).getByRole('alert').textContent()).toBe(message);
    await syncDialog(page).getByRole('button', { name: 'Close' }).click();
    // Nothing was created.
    await switcher(page).click();
    expect(await page.getByRole('menuitemradio').allTextContents()).toEqual(listed);
    await page.keyboard.press('Escape');

    expect(pageErrors).toEqual([]);
  });
});
