import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';

// A director sets the workspace's currency in the brief template: the drop panel's retargeting
// budget, its Results section (payments, budget), the Results view and the history's change list
// all speak it, and changing it again changes every view at once.

const OUT = resolve('test-results/currency');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const card = (page: Page, title: string) =>
  page.locator('[data-testid="board"] [data-testid="drop-card"]', { hasText: title });
const history = (page: Page) => page.getByRole('dialog', { name: 'History' });
const budget = (page: Page) => page.locator('.panel').getByLabel('Retargeting ad budget');
// The unit beside the budget's box.
const budgetField = (page: Page) =>
  page.locator('.panel .field', { has: page.getByLabel('Retargeting ad budget') });
const budgetUnit = (page: Page) => budgetField(page).locator('.suffix');
const budgetHint = (page: Page) => budgetField(page).locator('.field-hint');

async function setWorkspaceCurrency(page: Page, code: string) {
  // The template opens from any drop's brief (Template…).
  await page.getByTestId('open-brief').click();
  await page.locator('.brief-sheet .brief-prose').waitFor();
  await page.getByRole('button', { name: 'Template…' }).click();
  await page.locator('#template-title').waitFor();
  const field = page.getByLabel('Workspace currency');
  await field.fill(code);
  await field.press('Tab');
  await page.getByRole('button', { name: 'Close template' }).click();
  await page.getByRole('button', { name: 'Close brief' }).click();
  await page.locator('.brief-sheet').waitFor({ state: 'detached' });
}

describe('workspace currency', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it('shows the workspace currency on the retargeting budget, the Results section and view, and the history', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await card(page, 'Harbour Linen').waitFor();

    // A snapshot before anything changes, to read the history's change list against.
    await page.keyboard.press(`${mod}+Shift+KeyH`);
    await history(page).waitFor();
    await history(page).getByPlaceholder('e.g. Before the June plan').fill('Before the budget');
    await history(page).getByPlaceholder('e.g. Before the June plan').press('Enter');
    await history(page).getByText('Before the budget', { exact: true }).waitFor();
    await history(page).getByRole('button', { name: 'Close' }).click();

    // The playbook's currency first: the budget is not a bare number.
    await card(page, 'Harbour Linen').click();
    await budget(page).waitFor();
    expect(await budgetUnit(page).textContent()).toBe('EUR');
    const before = Number(await budget(page).inputValue());
    expect(before).toBeGreaterThan(0);
    expect(await budgetHint(page).textContent()).toBe(
      `€${before}.00 to spend in the 72 hours after the drop`,
    );

    await setWorkspaceCurrency(page, 'gbp');
    await expect.poll(() => budgetUnit(page).textContent()).toBe('GBP');
    await budget(page).fill('1200');
    await budget(page).press('Tab');
    await expect
      .poll(() => budgetHint(page).textContent())
      .toBe('£1,200 to spend in the 72 hours after the drop');
    await budgetField(page).scrollIntoViewIfNeeded();
    await page.locator('.panel').screenshot({ path: join(OUT, 'budget-gbp.png') });

    // The drop's Results section: its budget and a retargeting payment, in pounds.
    const panel = page.locator('.panel');
    await expect
      .poll(() => panel.locator('[data-metric="retargeting"]').textContent())
      .toMatch(/budget £1,200/);
    await panel.getByRole('button', { name: 'Record what happened' }).click();
    await panel.getByLabel('Retargeting amount').fill('45');
    await panel.getByLabel('When it was spent').fill('2026-03-02T10:00');
    await panel.getByRole('button', { name: 'Add payment' }).click();
    const payments = panel.locator('.results-spend li');
    await expect.poll(() => payments.first().textContent()).toMatch(/^£45\.00 on /);
    expect(await panel.locator('.results-spend > span').textContent()).toBe(
      'Retargeting payments (GBP)',
    );
    await page.locator('.panel').screenshot({ path: join(OUT, 'panel-gbp.png') });

    // The Results view: every amount in the workspace's currency.
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${mod}+4`);
    const row = page.getByTestId('results-drops').locator('tr', { hasText: 'Harbour Linen' });
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('£0.00');
    expect(await row.locator('td').nth(6).textContent()).toMatch(/^-£45\.00/);
    expect(await page.getByTestId('leaderboard').textContent()).toMatch(/Lena Brandt.*£/);
    expect(await page.getByTestId('leaderboard').textContent()).not.toMatch(/€/);
    expect(await page.getByTestId('results-currency').textContent()).toBe('Amounts in GBP');
    await page.screenshot({ path: join(OUT, 'results-gbp.png'), fullPage: true });

    // The history names the currency change and writes the budget with it.
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await history(page)
      .locator('.history-item')
      .filter({ has: page.getByText('Before the budget', { exact: true }) })
      .click();
    await history(page).getByText('Currency EUR → GBP').waitFor();
    // Each amount in the currency it was in: euros in the snapshot, pounds now.
    await history(page).getByText(`Retargeting ad budget €${before}.00 → £1,200`).waitFor();
    await page.screenshot({ path: join(OUT, 'history-gbp.png') });
    await history(page).getByRole('button', { name: 'Close' }).click();

    // Changing it again (from the Results view's own link) changes every view at once.
    await page.getByTestId('results-currency').click();
    await page.locator('#template-title').waitFor();
    await page.getByLabel('Workspace currency').fill('JPY');
    await page.getByLabel('Workspace currency').press('Tab');
    await page.getByRole('button', { name: 'Close template' }).click();
    await expect
      .poll(() => page.getByTestId('results-currency').textContent())
      .toBe('Amounts in JPY');
    expect(await row.locator('td').nth(3).textContent()).toBe('JP¥0');
    await row.getByRole('button', { name: 'Harbour Linen' }).click();
    await expect.poll(() => budgetUnit(page).textContent()).toBe('JPY');
    expect(await budgetHint(page).textContent()).toBe(
      'JP¥1,200 to spend in the 72 hours after the drop',
    );
    expect(pageErrors).toEqual([]);
  });
});
