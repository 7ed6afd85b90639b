import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage, type WatchedPage } from './support/browser';

// A person's first launch, in the built app: the guide on the sample, starting a real
// workspace, the three first steps ticked as they are done, the guide gone after a reload,
// an empty state in every view of an empty workspace, and removing the sample.

const OUT = resolve('test-results/first-run');
mkdirSync(OUT, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: resolve(OUT, `${name}.png`) });

const guideOf = (page: Page) => page.getByRole('region', { name: 'Getting started' });
const step = (page: Page, label: string) =>
  guideOf(page).getByRole('listitem', { name: new RegExp(`^${label}:`) });
const stepState = (page: Page, label: string) =>
  step(page, label)
    .getAttribute('aria-label')
    .then((l) => l?.split(': ')[1]);

async function freshStart(browser: Browser, contexts: BrowserContext[]): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const watched = await newPage(context);
  await watched.page.goto(baseUrl());
  await watched.page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
  return watched;
}

/** New workspace through the switcher's dialog, as a person does it. */
async function newWorkspace(page: Page, name: string, from: 'empty' | 'sample' = 'empty') {
  await page.getByRole('button', { name: /Switch workspace/ }).click();
  await page.getByRole('menuitem', { name: /New workspace/ }).click();
  await createInDialog(page, name, from);
}

async function createInDialog(page: Page, name: string, from: 'empty' | 'sample') {
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Name').fill(name);
  await dialog
    .getByRole('radio', { name: from === 'empty' ? /An empty board/ : /A copy of the sample/ })
    .check();
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('button', { name: `Workspace: ${name}. Switch workspace` }).waitFor();
}

describe('first launch', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  it('guides the three first steps, ticks each as it is done, and stays away once closed', async () => {
    const { page, pageErrors } = await freshStart(browser, contexts);
    const guide = guideOf(page);
    await guide.waitFor();
    expect(await guide.textContent()).toMatch(/This is a sample workspace/);
    // The guide sits in the page's flow above the board: it covers no control.
    const g = (await guide.boundingBox())!;
    const b = (await page.getByTestId('board').boundingBox())!;
    expect(g.y + g.height).toBeLessThanOrEqual(b.y);
    await shot(page, 'guide-sample');

    await guide.getByRole('button', { name: 'Start your own workspace' }).click();
    await page.getByRole('dialog', { name: 'New workspace' }).waitFor();
    await shot(page, 'new-workspace');
    await createInDialog(page, 'Harbour & Thread', 'empty');
    await page.getByTestId('empty-state').filter({ hasText: 'Plan your first drop' }).waitFor();
    expect(await stepState(page, 'Make your first drop')).toBe('to do');
    expect(await stepState(page, 'Write its brief')).toBe('to do');
    expect(await stepState(page, 'Plan the next three')).toBe('to do');
    await shot(page, 'guide-steps');

    // 1. The first drop, from the guide's own action (the board's quick add).
    await guide.getByRole('button', { name: 'Add a drop' }).click();
    const title = page.getByRole('textbox', { name: /^New drop title in/ });
    await title.fill('Harbour linen');
    await title.press('Enter');
    await page.locator('[data-testid="drop-card"]', { hasText: 'Harbour linen' }).waitFor();
    await expect.poll(() => stepState(page, 'Make your first drop')).toBe('done');
    expect(await stepState(page, 'Write its brief')).toBe('to do');

    // 2. Its brief: words typed in the brief's text.
    await guide.getByRole('button', { name: 'Open its brief' }).click();
    const sheet = page.locator('.brief-sheet');
    await sheet.waitFor();
    await page.locator('.brief-prose').click();
    await page.keyboard.type('Linen cut for the harbour wind, shot at dawn on the quay.');
    await sheet.getByRole('button', { name: 'Close brief' }).click();
    await expect.poll(() => stepState(page, 'Write its brief')).toBe('done');
    expect(await stepState(page, 'Plan the next three')).toBe('to do');

    // 3. The next three, planned on the calendar's proposed launch dates.
    await guide.getByRole('button', { name: 'Plan on the calendar' }).click();
    const calendarEmpty = page
      .getByTestId('empty-state')
      .filter({ hasText: 'Nothing on the calendar yet' });
    await calendarEmpty.getByRole('button', { name: 'Propose launch dates' }).click();
    for (let planned = 1; planned <= 3; planned++) {
      // The first proposed date, in whatever month it falls.
      await page.locator('.cal-ghostslot').first().click();
      await page
        .getByRole('button', { name: /^Plan a drop on/ })
        .first()
        .click();
      await expect
        .poll(() => step(page, 'Plan the next three').textContent())
        .toMatch(planned < 3 ? new RegExp(`${planned} of 3`) : /Plan the next three/);
    }
    await expect.poll(() => stepState(page, 'Plan the next three')).toBe('done');
    expect(await stepState(page, 'Make your first drop')).toBe('done');
    expect(await guide.textContent()).toMatch(/You’re set/);
    await page.keyboard.press('Escape'); // the drop panel of the last planned drop
    await shot(page, 'guide-done');

    await guide.getByRole('button', { name: 'Close guide' }).click();
    await guide.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('[data-testid="drop-card"]', { hasText: 'Harbour linen' }).waitFor();
    // The workspace is back (positive control) and the guide is not.
    expect(await guide.count()).toBe(0);

    // Help brings it back, still ticked.
    await page.getByRole('button', { name: 'Getting started guide' }).click();
    await guide.waitFor();
    expect(await stepState(page, 'Write its brief')).toBe('done');
    expect(pageErrors).toEqual([]);
  });

  it('opens an own workspace with its guide in place, so the board does not jump down', async () => {
    const { page, pageErrors } = await freshStart(browser, contexts);
    await newWorkspace(page, 'Quay Studio');
    await guideOf(page).getByRole('button', { name: 'Add a drop' }).click();
    const title = page.getByRole('textbox', { name: /^New drop title in/ });
    await title.fill('Quay linen');
    await title.press('Enter');
    await page.locator('[data-testid="drop-card"]', { hasText: 'Quay linen' }).waitFor();
    // What the first frame that shows the board shows: where the board is, and the guide.
    await page.addInitScript(() => {
      const w = window as unknown as { __firstFrame: unknown };
      w.__firstFrame = null;
      new MutationObserver((_, observer) => {
        const board = document.querySelector('[data-testid="board"]');
        if (!board) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          w.__firstFrame = {
            top: board.getBoundingClientRect().top,
            guide: document.querySelector('section.guide') !== null,
          };
        });
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await page.locator('[data-testid="drop-card"]', { hasText: 'Quay linen' }).waitFor();
    await guideOf(page).waitFor();
    const first = await page.waitForFunction(
      () => (window as unknown as { __firstFrame: unknown }).__firstFrame,
    );
    const settledTop = (await page.getByTestId('board').boundingBox())!.y;
    expect(await first.jsonValue()).toEqual({ top: settledTop, guide: true });
    expect(pageErrors).toEqual([]);
  });

  it('dismissed on the sample, it does not come back at the next launch', async () => {
    const { page, pageErrors } = await freshStart(browser, contexts);
    const guide = guideOf(page);
    await guide.waitFor();
    await guide.getByRole('button', { name: 'Dismiss the getting started guide' }).click();
    await guide.waitFor({ state: 'detached' });
    // Controls work without it: a card opens its panel.
    await page.locator('[data-testid="drop-card"]').first().click();
    await page.keyboard.press('Escape');
    await page.reload();
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    expect(await guide.count()).toBe(0);
    await page.getByRole('button', { name: 'Getting started guide' }).click();
    await guide.waitFor();
    expect(await guide.textContent()).toMatch(/This is a sample workspace/);
    expect(pageErrors).toEqual([]);
  });

  it('an empty workspace shows a sentence and the primary action in every view', async () => {
    const { page, pageErrors } = await freshStart(browser, contexts);
    await newWorkspace(page, 'Night Market');
    const empty = (text: string) => page.getByTestId('empty-state').filter({ hasText: text });

    await empty('Plan your first drop').waitFor();
    expect(
      await empty('Plan your first drop')
        .getByRole('button', { name: 'Add your first drop' })
        .isVisible(),
    ).toBe(true);
    expect(await page.getByTestId('board').textContent()).toMatch(/No drops here yet/);
    await shot(page, 'empty-board');

    await page.getByRole('tab', { name: 'Calendar' }).click();
    await empty('Nothing on the calendar yet').waitFor();
    await shot(page, 'empty-calendar');

    await page.getByRole('tab', { name: 'Timeline' }).click();
    await empty('No dated drops to lay out yet').waitFor();
    await shot(page, 'empty-timeline');
    // Its action leads where dates are given.
    await empty('No dated drops to lay out yet')
      .getByRole('button', { name: 'Plan on the calendar' })
      .click();
    await empty('Nothing on the calendar yet').waitFor();

    await page.getByRole('tab', { name: 'Results' }).click();
    await empty('No drops with a launch date yet').waitFor();
    expect(
      await empty('No drops with a launch date yet')
        .getByRole('button', { name: 'Plan on the calendar' })
        .isVisible(),
    ).toBe(true);
    await shot(page, 'empty-results');

    await page.getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('dialog', { name: 'History' });
    await history.waitFor();
    expect(await history.textContent()).toMatch(/No snapshots yet|Today|snapshot/i);
    expect(await history.getByRole('button', { name: 'Take snapshot' }).isVisible()).toBe(true);
    await shot(page, 'empty-history');
    await history.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Creators', exact: true }).click();
    const creators = page.getByRole('dialog', { name: 'Creators' });
    await creators.waitFor();
    expect(await creators.textContent()).toMatch(/No creators yet/);
    expect(await creators.getByRole('button', { name: 'Add a creator' }).isVisible()).toBe(true);
    await shot(page, 'empty-creators');
    await creators.getByRole('button', { name: 'Done' }).click();

    // A new drop's brief and the workspace template: guidance, never a blank page.
    await page.getByRole('tab', { name: 'Board' }).click();
    await empty('Plan your first drop')
      .getByRole('button', { name: 'Add your first drop' })
      .click();
    const title = page.getByRole('textbox', { name: /^New drop title in/ });
    await title.fill('Night linen');
    await title.press('Enter');
    await page.locator('[data-testid="drop-card"]', { hasText: 'Night linen' }).click();
    await page.getByTestId('open-brief').click();
    const sheet = page.locator('.brief-sheet');
    await sheet.waitFor();
    await expect.poll(() => page.locator('.brief-outline').isVisible()).toBe(true);
    await shot(page, 'empty-brief');
    await sheet.getByRole('button', { name: /^Template/ }).click();
    await page.getByRole('dialog', { name: /template/i }).waitFor();
    await shot(page, 'empty-template');
    expect(pageErrors).toEqual([]);
  });

  it('removes the sample cleanly (confirmed, final), and the switcher shows it gone', async () => {
    const { page, pageErrors } = await freshStart(browser, contexts);
    const sampleId = new URL(page.url()).searchParams.get('ws');
    expect(sampleId).toBeTruthy();
    // The sample is marked so in the switcher.
    await page.getByRole('button', { name: /Switch workspace/ }).click();
    expect(await page.getByRole('menuitemradio', { checked: true }).textContent()).toMatch(
      /Sample/,
    );
    await page.keyboard.press('Escape');
    await newWorkspace(page, 'Harbour & Thread');
    // Back to the sample, then remove it from the guide.
    await page.getByRole('button', { name: /Switch workspace/ }).click();
    await page.getByRole('menuitemradio', { name: 'Saltmarsh Studio', exact: true }).click();
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    const guide = guideOf(page);
    await guide.getByRole('button', { name: 'Remove sample…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove the sample workspace?' });
    await confirm.waitFor();
    await shot(page, 'remove-sample');
    // "Keep it" changes nothing.
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await page.locator('[data-testid="drop-card"]').count()).toBeGreaterThan(0);
    await guide.getByRole('button', { name: 'Remove sample…' }).click();
    await confirm.getByRole('button', { name: 'Remove sample' }).click();

    // The remaining workspace opens; the sample is off the list and out of storage.
    await page
      .getByRole('button', { name: 'Workspace: Harbour & Thread. Switch workspace' })
      .waitFor();
    await page.getByRole('button', { name: /Switch workspace/ }).click();
    const names = await page.getByRole('menuitemradio').allTextContents();
    expect(names).toEqual(['Harbour & Thread']);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '')))
      .not.toContain(`cadence-ws-${sampleId}`);
    // A reload does not bring it back.
    await page.reload();
    await page
      .getByRole('button', { name: 'Workspace: Harbour & Thread. Switch workspace' })
      .waitFor();
    await page.getByRole('button', { name: /Switch workspace/ }).click();
    expect(await page.getByRole('menuitemradio').allTextContents()).toEqual(['Harbour & Thread']);
    await page.keyboard.press('Escape');

    // Starting from the sample makes the person's own workspace with the sample's drops.
    await newWorkspace(page, 'My label', 'sample');
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    await page.getByRole('button', { name: /Switch workspace/ }).click();
    const mine = page.getByRole('menuitemradio', { name: /My label/ });
    expect(await mine.textContent()).not.toMatch(/Sample/);
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  });

  it('a copy of the sample has done no first steps of the person’s, and ends no guide', async () => {
    const { page, pageErrors } = await freshStart(browser, contexts);
    // A copy of the sample opens with drops, a written brief and a plan: steps done before it
    // opened, not by this person. No guide there…
    await newWorkspace(page, 'Tidewater', 'sample');
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    expect(await guideOf(page).count()).toBe(0);
    // …and the next own workspace still guides its first steps, after a reload too (the
    // positive control: the guide is there when there is something to guide).
    await newWorkspace(page, 'Harbour & Thread');
    await expect.poll(() => stepState(page, 'Make your first drop')).toBe('to do');
    await page.reload();
    await expect.poll(() => stepState(page, 'Make your first drop')).toBe('to do');
    expect(pageErrors).toEqual([]);
  });

  it('refuses a second workspace of a name already in the list', async () => {
    const { page, pageErrors } = await freshStart(browser, contexts);
    const label = await page
      .getByRole('button', { name: /Switch workspace/ })
      .getAttribute('aria-label');
    const sample = label!.match(/^Workspace: (.+)\. Switch workspace$/)![1]!;
    await page.getByRole('button', { name: /Switch workspace/ }).click();
    await page.getByRole('menuitem', { name: /New workspace/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New workspace' });
    const upper = sample.trim().toUpperCase();
    await dialog.getByLabel('Name').fill(upper);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe(`Another workspace here is called “${upper}”: choose another name.`);
    // Another name goes through (the positive control).
    await dialog.getByLabel('Name').fill('Harbour & Thread');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await page
      .getByRole('button', { name: 'Workspace: Harbour & Thread. Switch workspace' })
      .waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('with no workspace left, the empty start offers an empty workspace or the sample', async () => {
    const { page, pageErrors } = await freshStart(browser, contexts);
    await guideOf(page).getByRole('button', { name: 'Remove sample…' }).click();
    await page
      .getByRole('dialog', { name: 'Remove the sample workspace?' })
      .getByRole('button', { name: 'Remove sample' })
      .click();
    await page.getByText('No workspaces yet').waitFor();
    await shot(page, 'no-workspaces');
    await page.getByRole('button', { name: 'Open the sample' }).click();
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    expect(await guideOf(page).textContent()).toMatch(/This is a sample workspace/);

    // Removed again, then an empty workspace from the empty start: the New workspace dialog
    // closes for good (it used to open again as the new workspace's switcher mounted).
    await guideOf(page).getByRole('button', { name: 'Remove sample…' }).click();
    await page
      .getByRole('dialog', { name: 'Remove the sample workspace?' })
      .getByRole('button', { name: 'Remove sample' })
      .click();
    await page.getByRole('button', { name: 'Create a workspace' }).click();
    await createInDialog(page, 'Harbour & Thread', 'empty');
    await page.getByTestId('empty-state').filter({ hasText: 'Plan your first drop' }).waitFor();
    await page.getByTestId('board').click({ position: { x: 5, y: 5 } });
    expect(await page.getByRole('dialog', { name: 'New workspace' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
