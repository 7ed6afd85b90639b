import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { markSchemaVersion, readDrops, readMeta, SCHEMA_VERSION } from '../../shared/model';
import { decodeBackup, encodeBackup } from '../../shared/sync/backupFile';
import { baseUrl, launchChromium, newPage } from './support/browser';

// A workspace a teammate's newer Cadence upgraded is read-only here. Through the built app: the
// banner says why, "Export a backup…" saves a file with every drop, and "Open an editable copy"
// makes a new workspace that takes edits while the original stays read-only and unchanged.

const OUT = join(tmpdir(), 'cadence-e2e-read-only');
const SCREENSHOT = process.env.CADENCE_READONLY_SCREENSHOT;
const card = (page: Page, title: string) =>
  page.locator('[data-testid="board"] [data-testid="drop-card"]', { hasText: title });
const switcher = (page: Page) => page.getByRole('button', { name: /Switch workspace$/ });
const banner = (page: Page) => page.getByTestId('readonly-banner');
const syncDialog = (page: Page) => page.getByRole('dialog', { name: 'Sync' });

/** The drop titles in a workspace file, read as the app reads one. */
async function titlesIn(file: Uint8Array): Promise<string[]> {
  const decoded = await decodeBackup(file);
  if (!decoded.ok) throw new Error(decoded.message);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decoded.update);
  return readDrops(doc)
    .map((d) => d.title)
    .sort();
}

describe('a workspace a newer Cadence upgraded', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is read-only with a banner, exports whole, and opens as an editable copy', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await card(page, 'Harbour Linen').waitFor();
    expect(await banner(page).count()).toBe(0);

    // This workspace's file, as a teammate has it…
    await page.getByRole('button', { name: /^Sync: / }).click();
    let download = page.waitForEvent('download');
    await syncDialog(page).getByRole('button', { name: 'Export workspace…' }).click();
    const own = join(OUT, 'own.cadence');
    await (await download).saveAs(own);
    const decoded = await decodeBackup(readFileSync(own));
    if (!decoded.ok) throw new Error(decoded.message);
    const titles = await titlesIn(readFileSync(own));
    expect(titles).toContain('Harbour Linen');

    // …upgraded by their newer Cadence (the version with its mark, and a field only it writes),
    // arrives here through the same check as any teammate's change: merged from their file.
    const teammate = new Y.Doc();
    Y.applyUpdate(teammate, decoded.update);
    markSchemaVersion(teammate, SCHEMA_VERSION + 1, 'Cadence 2.0.0');
    teammate.getMap('meta').set('fitGuide', { unit: 'cm' });
    const newer = join(OUT, 'newer.cadence');
    writeFileSync(newer, await encodeBackup(teammate, { workspaceId: decoded.header.workspaceId }));
    const chooser = page.waitForEvent('filechooser');
    await syncDialog(page).getByRole('button', { name: 'Import and merge…' }).click();
    await (await chooser).setFiles(newer);
    await page.getByText('Merged “newer.cadence” into this workspace.').waitFor();
    await syncDialog(page).getByRole('button', { name: 'Close' }).click();

    // Read-only, and the banner says why and what each way on does.
    await banner(page).waitFor();
    const text = await banner(page).innerText();
    expect(text).toContain('Read-only.');
    expect(text).toContain(
      `newer version of Cadence saved this workspace (schema ${SCHEMA_VERSION + 1})`,
    );
    expect(text).toMatch(/Export a backup saves everything in it to a file/);
    expect(text).toMatch(/Open an editable copy makes a new workspace on this computer only/);
    // Its cards say they cannot be moved (aria-disabled) but still open, for looking.
    await card(page, 'Harbour Linen').click({ force: true });
    const title = page.getByRole('textbox', { name: 'Title' });
    await title.waitFor();
    expect(await title.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Close drop details' }).click();
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });

    // The export works while read-only: a workspace file with every drop and the newer schema.
    download = page.waitForEvent('download');
    await banner(page).getByRole('button', { name: 'Export a backup…' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('Saltmarsh Studio.cadence');
    const exported = readFileSync((await saved.path())!);
    expect(await titlesIn(exported)).toEqual(titles);
    const exportedDoc = new Y.Doc();
    const exportedFile = await decodeBackup(exported);
    if (!exportedFile.ok) throw new Error(exportedFile.message);
    Y.applyUpdate(exportedDoc, exportedFile.update);
    expect(readMeta(exportedDoc).schemaVersion).toBe(SCHEMA_VERSION + 1);
    expect(exportedDoc.getMap('meta').get('fitGuide')).toEqual({ unit: 'cm' });
    await page.getByText('Exported “Saltmarsh Studio”', { exact: false }).waitFor();

    // An editable copy: a new workspace, named as a copy, with every drop, taking edits.
    await banner(page).getByRole('button', { name: 'Open an editable copy' }).click();
    await expect
      .poll(() => switcher(page).getAttribute('aria-label'))
      .toBe('Workspace: Saltmarsh Studio (copy). Switch workspace');
    await card(page, 'Harbour Linen').waitFor();
    expect(await banner(page).count()).toBe(0);
    expect(await page.locator('[data-testid="drop-card"]').count()).toBeGreaterThanOrEqual(
      titles.length,
    );
    await card(page, 'Harbour Linen').click();
    await title.waitFor();
    expect(await title.isDisabled()).toBe(false);
    await title.fill('Harbour Linen Reissue');
    await title.press('Tab');
    await card(page, 'Harbour Linen Reissue').waitFor();
    await page.getByRole('button', { name: 'Close drop details' }).click();
    // Not linked to the team: the copy does not sync.
    expect(await page.getByRole('button', { name: /^Sync: / }).getAttribute('aria-label')).toMatch(
      /^Sync: Not shared\./,
    );

    // The original is still read-only and unchanged.
    await switcher(page).click();
    await page.getByRole('menuitemradio', { name: 'Saltmarsh Studio', exact: true }).click();
    await banner(page).waitFor();
    await card(page, 'Harbour Linen').waitFor();
    expect(await card(page, 'Harbour Linen Reissue').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
