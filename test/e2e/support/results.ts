import type { Page } from 'playwright-core';

/**
 * Picks `file` through one of the Results view's import buttons, as a person does: the button
 * opens the system's file chooser, which answers with the file.
 */
export async function pickExport(
  page: Page,
  file: string,
  button: 'Import orders…' | 'Import clicks / wishlist…' = 'Import orders…',
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}
