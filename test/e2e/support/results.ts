import type { Locator, Page } from 'playwright-core';
import { baseUrl } from './browser';

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

/** A drop's card on the board. */
export const dropCard = (page: Page, title: string) =>
  page.locator('[data-testid="board"] [data-testid="drop-card"]', { hasText: title });
/** The open drop panel. */
export const dropPanel = (page: Page) => page.locator('.panel');
/** A recorded fact's input in the drop panel (`shootCost`, `skus`…). */
export const factBox = (page: Page, id: string) => dropPanel(page).locator(`[data-field="${id}"]`);
/** A recorded fact's whole field in the drop panel: its label, input and by-line. */
export const factField = (page: Page, id: string) =>
  dropPanel(page).locator('.results-field', { has: page.locator(`[data-field="${id}"]`) });
/** One of the drop panel's metrics (`sell-through`, `turnaround`…). */
export const panelMetric = (page: Page, id: string) =>
  dropPanel(page).locator(`[data-metric="${id}"]`);

/**
 * Opens the app's last workspace in `page` and goes to its Results view (Ctrl/⌘+4), as a person
 * does; returns the view's order and event counts, shown once the view is drawn.
 */
export async function openResults(page: Page): Promise<Locator> {
  await page.goto(baseUrl());
  await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
  await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+4`);
  const counts = page.getByTestId('results-counts');
  await counts.waitFor();
  return counts;
}
