import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl } from './browser';

/** Starts a new, empty workspace from the switcher's menu, as a person does, and waits for it. */
export async function newEmptyWorkspace(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /Switch workspace/ }).click();
  await page.getByRole('menuitem', { name: /New workspace/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('radio', { name: /An empty board/ }).check();
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('button', { name: `Workspace: ${name}. Switch workspace` }).waitFor();
}

/**
 * From the app's last workspace: a new, empty workspace with one drop made through the board's
 * first-drop field, its brief open. `shownAs` is text of the drop's card (its title by default).
 * Returns the brief's sheet.
 */
export async function newDropBrief(
  page: Page,
  workspace: string,
  title: string,
  shownAs = title,
): Promise<Locator> {
  await page.goto(baseUrl());
  await page.locator('[data-testid="drop-card"]').first().waitFor();
  await newEmptyWorkspace(page, workspace);
  await page.getByRole('button', { name: 'Add your first drop' }).click();
  const field = page.getByRole('textbox', { name: /^New drop title in/ });
  await field.fill(title);
  await field.press('Enter');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="drop-card"]', { hasText: shownAs }).click();
  await page.getByTestId('open-brief').click();
  const sheet = page.locator('.brief-sheet');
  await sheet.waitFor();
  return sheet;
}

/** Opens, in `print`, the print view of the brief `sheet` shows (A4), once it is ready to print. */
export async function openBriefPrint(print: Page, sheet: Locator): Promise<void> {
  const workspaceId = await sheet.getAttribute('data-workspace-id');
  const dropId = await sheet.getAttribute('data-drop-id');
  await print.goto(`${baseUrl()}#/print/brief/${workspaceId}/${dropId}?size=A4&v=1`);
  await print.waitForSelector('html[data-print-ready]');
}

/** Fills a field of the open brief and leaves it (Tab saves it), then checks it kept `value`. */
export async function fillBriefField(sheet: Locator, label: string, value: string): Promise<void> {
  const field = sheet.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab');
  await expect.poll(() => field.inputValue()).toBe(value);
}
