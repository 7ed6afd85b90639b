import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { MOD, panel } from './support/calendar';
import { newEmptyWorkspace } from './support/workspaces';

// The timeline's "Today" label stays readable over a drop whose bar begins the day after today
// (its bar starts right of the today line, where the label sits), at every zoom.

const OUT = resolve('test-results/timeline-today');
mkdirSync(OUT, { recursive: true });
const TODAY = '2026-03-10T09:00:00Z';
const context = contextForSuite({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });

/**
 * What is drawn at the middle of the "Today" label, the label's text, and the month names whose
 * text it meets (it must hide none).
 */
const atLabel = (page: Page) =>
  page.evaluate(() => {
    const label = document.querySelector<HTMLElement>('.tl-today-label')!;
    const r = label.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const meets = (t: DOMRect) =>
      t.left < r.right && t.right > r.left && t.top < r.bottom && t.bottom > r.top;
    const monthsMet = [...document.querySelectorAll<HTMLElement>('.tl-month')].filter((m) => {
      const range = document.createRange();
      range.selectNodeContents(m);
      return [...range.getClientRects()].some(meets);
    });
    return {
      text: label.innerText,
      onTop: top === label || label.contains(top),
      seen: top ? `${top.tagName.toLowerCase()}.${top.className}` : null,
      monthsMet: monthsMet.map((m) => m.textContent),
    };
  });

it('shows "Today" above a drop that launches tomorrow, at every zoom', async () => {
  const { page, pageErrors } = await newPage(context());
  await page.clock.setFixedTime(new Date(TODAY));
  await page.goto(baseUrl());
  await page.waitForSelector('[data-testid="drop-card"]');
  await newEmptyWorkspace(page, 'Gullwing Denim');

  await page.getByRole('button', { name: /^Add drop to Concept/ }).click();
  await page.getByPlaceholder('Drop title').fill('Spindrift Jacket');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="drop-card"]', { hasText: 'Spindrift Jacket' }).click();
  await panel(page).getByLabel('Drop', { exact: true }).focus();
  await page.keyboard.type('03112026');
  await page.keyboard.press('Escape');
  await panel(page).waitFor({ state: 'hidden' });

  await page.keyboard.press(`${MOD}+3`);
  const bar = page.locator('.tl-bar', { hasText: 'Spindrift Jacket' });
  await bar.waitFor();
  // The bar begins right of the today line (tomorrow), where the label reaches.
  const line = await page.locator('.tl-today').boundingBox();
  const box = await bar.boundingBox();
  expect(box!.x).toBeGreaterThan(line!.x);

  const zoomOut = page.getByRole('button', { name: 'Zoom out' });
  while (await zoomOut.isEnabled()) await zoomOut.click();
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  for (let zoom = 0; ; zoom++) {
    await page.screenshot({ path: resolve(OUT, `zoom-${zoom}.png`) });
    // The label reaches over the days where the bar begins, is drawn on top of all, on the
    // today line, and hides no month name.
    const [l, b, t] = [
      await page.locator('.tl-today-label').boundingBox(),
      await bar.boundingBox(),
      await page.locator('.tl-today').boundingBox(),
    ];
    expect(l!.x + l!.width).toBeGreaterThan(b!.x);
    expect(await atLabel(page), `zoom ${zoom}`).toMatchObject({
      text: 'TODAY',
      onTop: true,
      monthsMet: [],
    });
    expect(Math.abs(l!.x + l!.width / 2 - (t!.x + 1))).toBeLessThan(1.5);
    if (!(await zoomIn.isEnabled())) break;
    await zoomIn.click();
  }
  // Selected, the bar still lies under the label.
  await bar.click();
  await panel(page).waitFor();
  await page.screenshot({ path: resolve(OUT, 'selected.png') });
  expect(await atLabel(page)).toMatchObject({ onTop: true });
  expect(pageErrors).toEqual([]);
});
