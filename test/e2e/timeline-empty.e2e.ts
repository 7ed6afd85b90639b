import { expect, it } from 'vitest';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { MOD, panel } from './support/calendar';
import { seedWorkspace } from './support/seed';

// Only a launch date puts a drop on the timeline. Drops planned from their shoot first (a shoot
// date, no launch yet) leave it empty: it says so, instead of showing bare lanes.

const TODAY = '2026-12-01T10:00:00Z';
const context = contextForSuite({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });

it('says why the timeline is empty while drops have a shoot date but no launch date', async () => {
  const id = await seedWorkspace(
    context(),
    'plannedDrops',
    ['Harbour Studio', [{ title: 'Kelp Dye Tee', shootDate: '2026-12-09' }, { title: 'Idea' }]],
    new Date(TODAY),
  );
  const { page, pageErrors } = await newPage(context());
  await page.clock.setFixedTime(new Date(TODAY));
  await page.goto(`${baseUrl()}?ws=${id}`);
  await page.waitForSelector('[data-testid="drop-card"]');
  await page.keyboard.press(`${MOD}+3`);
  const empty = page
    .getByTestId('empty-state')
    .filter({ hasText: 'No dated drops to lay out yet' });
  await expect
    .poll(() => empty.innerText())
    .toContain('1 drop has a shoot or publish date but no launch date yet.');
  expect(await page.locator('.tl-bar').count()).toBe(0);

  // Given a launch date in its panel, the drop is on the timeline and the message goes.
  await page.keyboard.press(`${MOD}+1`);
  await page.locator('[data-testid="drop-card"]', { hasText: 'Kelp Dye Tee' }).click();
  await panel(page).getByLabel('Drop', { exact: true }).focus();
  await page.keyboard.type('12162026');
  await page.keyboard.press('Escape');
  await panel(page).waitFor({ state: 'hidden' });
  await page.keyboard.press(`${MOD}+3`);
  await page.locator('.tl-bar', { hasText: 'Kelp Dye Tee' }).waitFor();
  expect(await empty.count()).toBe(0);
  expect(pageErrors).toEqual([]);
});

it('says why the calendar has no launches while drops have a shoot date, and claims no cadence kept', async () => {
  const id = await seedWorkspace(
    context(),
    'plannedDrops',
    ['Harbour Studio', [{ title: 'Kelp Dye Tee', shootDate: '2026-12-09' }, { title: 'Idea' }]],
    new Date(TODAY),
  );
  const { page, pageErrors } = await newPage(context());
  await page.clock.setFixedTime(new Date(TODAY));
  await page.goto(`${baseUrl()}?ws=${id}`);
  await page.waitForSelector('[data-testid="drop-card"]');
  await page.keyboard.press(`${MOD}+2`);
  const empty = page.getByTestId('empty-state').filter({ hasText: 'No launch dates yet' });
  await expect
    .poll(() => empty.innerText())
    .toContain('1 drop has a shoot or publish date but no launch date yet.');
  const kept = page.getByText('✓ The plan keeps the cadence', { exact: false });
  expect(await kept.count()).toBe(0);

  // Given a launch date, the drop is on the calendar, the message goes and the check speaks.
  await page.keyboard.press(`${MOD}+1`);
  await page.locator('[data-testid="drop-card"]', { hasText: 'Kelp Dye Tee' }).click();
  await panel(page).getByLabel('Drop', { exact: true }).focus();
  await page.keyboard.type('12162026');
  await page.keyboard.press('Escape');
  await panel(page).waitFor({ state: 'hidden' });
  await page.keyboard.press(`${MOD}+2`);
  await kept.waitFor();
  expect(await empty.count()).toBe(0);
  expect(pageErrors).toEqual([]);
});
