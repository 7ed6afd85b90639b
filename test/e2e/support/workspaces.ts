import type { Page } from 'playwright-core';

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
