import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';

// The Results view's charts name drops along their x axis. With the sample's 16 drops on a
// half-width chart, every second title used to be drawn, and neighbouring titles ran into one
// another. Each label drawn must stand clear of the next.

const OUT = resolve('test-results/results-chart-labels');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

type Box = { x: number; width: number; text: string };
async function labelBoxes(chart: Locator): Promise<Box[]> {
  const labels = chart.locator('.recharts-xAxis-tick-labels text');
  const boxes: Box[] = [];
  for (const label of await labels.all()) {
    const box = await label.boundingBox();
    if (box) boxes.push({ x: box.x, width: box.width, text: (await label.textContent()) ?? '' });
  }
  return boxes.sort((a, b) => a.x - b.x);
}
function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  for (let i = 1; i < boxes.length; i++) {
    const [a, b] = [boxes[i - 1], boxes[i]];
    if (a.x + a.width > b.x) found.push(`"${a.text}" runs into "${b.text}"`);
  }
  return found;
}

describe('results chart labels', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it('draws drop titles on the sell-through chart without overlapping', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    await page.keyboard.press(`${mod}+4`);
    const chart = page.locator('figure.results-card', { hasText: 'Local sell-through' });
    await chart.locator('.recharts-xAxis-tick-labels text').first().waitFor();
    await chart.screenshot({ path: join(OUT, 'sell-through.png') });

    const boxes = await labelBoxes(chart);
    // Positive control: the axis does name drops, several of them, by their (short) titles.
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    expect(boxes.map((b) => b.text)).toContain('Harbour Linen');
    expect(overlaps(boxes)).toEqual([]);
    // The card is as wide as its chart: no blank strip beside it.
    const [inner, drawn] = await chart.evaluate((card) => {
      const style = getComputedStyle(card);
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      const svg = card.querySelector('.recharts-surface')!.getBoundingClientRect();
      return [card.clientWidth - padding, svg.width];
    });
    expect(drawn).toBeGreaterThan(0);
    expect(inner - drawn).toBeLessThan(8);
    // The percentage axis names its ticks with their unit.
    await expect(
      chart.locator('.recharts-yAxis-tick-labels text').allTextContents(),
    ).resolves.toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(pageErrors).toEqual([]);
  });
});
