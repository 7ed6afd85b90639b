import type { Locator, Page } from 'playwright-core';

/**
 * Drags `from` onto the middle of `to` with the mouse: past dnd-kit's 5 px activation
 * distance first, then across in steps so every pointer move is seen.
 */
export async function dragWithMouse(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}
