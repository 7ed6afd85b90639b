import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';
import { dragWithMouse } from './support/pointer';

// The board as a person uses it: quick-add a drop, drag it with the mouse and with the
// keyboard, undo and redo the move, reload and find it where it was left.

const column = (page: Page, stage: string) =>
  page.locator(`[data-testid="column"][data-stage-name="${stage}"]`);
const card = (page: Page, title: string) =>
  page.locator('[data-testid="drop-card"]', { hasText: title });
const stageOfCard = (c: Locator) =>
  c.evaluate((el) => el.closest('[data-testid="column"]')?.getAttribute('data-stage-name'));
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Waits until the screen-reader live region has said `text`. */
const hears = (page: Page, text: string) =>
  expect
    .poll(() => page.locator('[role="status"][aria-live]').allInnerTexts())
    .toContainEqual(expect.stringContaining(text));

describe('the board', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  /** A new profile on the sample workspace, its live board ready. */
  async function freshBoard() {
    const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const watched = await newPage(fresh);
    await watched.page.goto(baseUrl());
    await watched.page.waitForFunction(
      () => performance.getEntriesByName('cadence:board-ready').length > 0,
    );
    return { ...watched, fresh };
  }

  it('creates, drags, undoes and keeps a drop across a reload', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    // First launch opens the sample workspace.
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    await page.waitForFunction(
      () => performance.getEntriesByName('cadence:board-ready').length > 0,
    );

    // Quick-add in the first column.
    await page.getByRole('button', { name: 'Add drop to Concept & creator' }).click();
    await page.getByPlaceholder('Drop title').fill('Harbour Linen Reprise');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const drop = card(page, 'Harbour Linen Reprise');
    await expect.poll(() => stageOfCard(drop)).toBe('Concept & creator');

    // Mouse: drag it onto the Shoot column.
    await dragWithMouse(page, drop, column(page, 'Shoot').locator('.column-body'));
    await expect.poll(() => stageOfCard(drop)).toBe('Shoot');

    // Keyboard: Space picks it up, → moves it one stage right, Space puts it down.
    await drop.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await hears(page, 'moved to Asset delivery');
    await page.keyboard.press('Space');
    await expect.poll(() => stageOfCard(drop)).toBe('Asset delivery');

    // Undo the keyboard move, then redo it.
    await page.locator('[data-testid="board"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => stageOfCard(drop)).toBe('Shoot');
    await page.keyboard.press(`${mod}+Shift+z`);
    await expect.poll(() => stageOfCard(drop)).toBe('Asset delivery');

    // Reload: the same workspace opens from IndexedDB with the drop where it was left.
    await page.reload();
    await page.waitForSelector('[data-testid="drop-card"]');
    await expect
      .poll(() => stageOfCard(card(page, 'Harbour Linen Reprise')))
      .toBe('Asset delivery');
    await expect(card(page, 'Harbour Linen Reprise').count()).resolves.toBe(1);

    // And a move after the reload can be undone with Ctrl/Cmd+Z.
    const again = card(page, 'Harbour Linen Reprise');
    await dragWithMouse(page, again, column(page, 'Brief').locator('.column-body'));
    await expect.poll(() => stageOfCard(again)).toBe('Brief');
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => stageOfCard(again)).toBe('Asset delivery');

    expect(pageErrors).toEqual([]);
  });

  it('deleting a drop leaves the focus beside it, not at the top of the window', async () => {
    const { page, pageErrors, fresh } = await freshBoard();
    const focusedDrop = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.dropId ?? null);
    const addTo = async (stage: string, title: string) => {
      await page.getByRole('button', { name: `Add drop to ${stage}` }).click();
      await page.getByPlaceholder('Drop title').fill(title);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await card(page, title).waitFor();
    };
    const remove = async (title: string) => {
      await card(page, title).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete drop' }).click();
      await card(page, title).waitFor({ state: 'detached' });
    };

    await addTo('Shoot', 'Quay one');
    await addTo('Shoot', 'Quay two');
    const next = await card(page, 'Quay one').evaluate(
      (el) => (el.nextElementSibling as HTMLElement | null)?.dataset.dropId ?? null,
    );
    expect(next).toBe(await card(page, 'Quay two').getAttribute('data-drop-id'));
    await remove('Quay one');
    await expect.poll(focusedDrop).toBe(next);
    // The last card of a column: the one before it.
    const before = await card(page, 'Quay two').evaluate(
      (el) => (el.previousElementSibling as HTMLElement | null)?.dataset.dropId ?? null,
    );
    expect(before).not.toBeNull();
    await remove('Quay two');
    await expect.poll(focusedDrop).toBe(before);

    // The only card of its stage: the stage's "Add drop".
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.getByLabel('New stage name').fill('Reshoot');
    await page.keyboard.press('Enter');
    await addTo('Reshoot', 'Quay alone');
    await remove('Quay alone');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Add drop to Reshoot');
    expect(pageErrors).toEqual([]);
    await fresh.close();
  });

  it('two quick moves are two undo steps', async () => {
    const { page, pageErrors, fresh } = await freshBoard();
    const cards = page
      .locator('[data-testid="column"]')
      .first()
      .locator('[data-testid="drop-card"]');
    const [a, b] = await cards.evaluateAll((els) =>
      els.slice(0, 2).map((el) => el.getAttribute('data-drop-id')),
    );
    const where = (id: string | null) => stageOfCard(page.locator(`[data-drop-id="${id}"]`));
    const home = await where(a);
    expect(await where(b)).toBe(home);
    // Two separate keyboard moves, the second started as soon as the first is put down,
    // driven inside the page so they land well inside the 400 ms window in which typing
    // merges into one undo step.
    const gap = await page.evaluate(
      async (ids) => {
        const key = (target: EventTarget, code: string, k: string) =>
          target.dispatchEvent(
            new KeyboardEvent('keydown', { code, key: k, bubbles: true, cancelable: true }),
          );
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        const heard = async (said: string) => {
          const live = () => [...document.querySelectorAll('[role="status"][aria-live]')];
          while (!live().some((el) => el.textContent?.includes(said))) await frame();
        };
        const committed = () => performance.getEntriesByName('cadence:drop-committed').length;
        const times: number[] = [];
        for (const id of ids) {
          const el = document.querySelector<HTMLElement>(`[data-drop-id="${id}"]`)!;
          const title = el.querySelector('.card-title')!.textContent!.trim();
          const before = committed();
          el.focus();
          key(el, 'Space', ' ');
          key(document, 'ArrowRight', 'ArrowRight');
          await heard(`Drop ${title} moved to`);
          key(document, 'Space', ' ');
          while (committed() === before) await frame();
          times.push(performance.now());
        }
        return times[1]! - times[0]!;
      },
      [a, b],
    );
    console.log(`the two moves were committed ${Math.round(gap)} ms apart`);
    await expect.poll(() => where(a)).not.toBe(home);
    await expect.poll(() => where(b)).not.toBe(home);
    const movedTo = await where(a);

    // One undo takes back only the second move; the next one takes back the first.
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => where(b)).toBe(home);
    expect(await where(a)).toBe(movedTo);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => where(a)).toBe(home);

    // Two colours picked in the drop's panel a moment apart are two steps as well.
    await page.locator(`[data-drop-id="${a}"]`).focus();
    await page.keyboard.press('Enter');
    const swatches = page.locator('.swatches [role="radio"]');
    const checked = () =>
      swatches.evaluateAll((els) => els.findIndex((el) => el.ariaChecked === 'true'));
    const start = await checked();
    const count = await swatches.count();
    const [one, two] = [(start + 1) % count, (start + 2) % count];
    await swatches.evaluateAll(
      (els, picks) => picks.forEach((i) => (els[i] as HTMLElement).click()),
      [one, two],
    );
    await expect.poll(checked).toBe(two);
    // Out of the title field (it has its own undo), as after clicking a swatch.
    await swatches.nth(two).focus();
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(checked).toBe(one);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(checked).toBe(start);
    expect(pageErrors).toEqual([]);
    await fresh.close();
  });

  it('reorders a column with the keyboard and the mouse, and Escape puts a drop back', async () => {
    const { page, pageErrors, fresh } = await freshBoard();
    const ids = (c: Locator) =>
      c
        .locator('[data-testid="drop-card"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-drop-id')));
    const counts = await page
      .locator('[data-testid="column"]')
      .evaluateAll((els) =>
        els.map((el) => el.querySelectorAll('[data-testid="drop-card"]').length),
      );
    const busiest = counts.indexOf(Math.max(...counts));
    expect(counts[busiest]).toBeGreaterThanOrEqual(3);
    const col = page.locator('[data-testid="column"]').nth(busiest);
    const [a, b, c] = (await ids(col)) as [string, string, string];
    const total = counts[busiest];

    // Keyboard: two rows down, announced with its new position.
    await page.locator(`[data-drop-id="${a}"]`).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await hears(page, `position 3 of ${total}`);
    await page.keyboard.press('Space');
    await expect.poll(() => ids(col).then((x) => x.slice(0, 3))).toEqual([b, c, a]);
    await hears(page, `, position 3 of ${total}`);
    await hears(page, 'Dropped');
    // Undone, the drop is back, and no region still says where it was dropped.
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => ids(col).then((x) => x.slice(0, 3))).toEqual([a, b, c]);
    await expect
      .poll(() => page.locator('[aria-live]').allInnerTexts())
      .not.toContainEqual(expect.stringContaining('Dropped'));
    await page.keyboard.press(`${mod}+Shift+z`);
    await expect.poll(() => ids(col).then((x) => x.slice(0, 3))).toEqual([b, c, a]);

    // Mouse: back to the top, dropped over the upper half of the first card.
    const from = (await page.locator(`[data-drop-id="${a}"]`).boundingBox())!;
    const top = (await page.locator(`[data-drop-id="${b}"]`).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 12, { steps: 3 });
    await page.mouse.move(top.x + top.width / 2, top.y + 10, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => ids(col).then((x) => x.slice(0, 3))).toEqual([a, b, c]);

    // A quick typist: Space and → in the same instant, before dnd-kit has measured the drag
    // (or started listening for keys). The arrow still counts.
    await page.locator(`[data-drop-id="${a}"]`).evaluate((el) => {
      const key = (code: string, k: string) =>
        new KeyboardEvent('keydown', { code, key: k, bubbles: true, cancelable: true });
      el.dispatchEvent(key('Space', ' '));
      document.dispatchEvent(key('ArrowRight', 'ArrowRight'));
    });
    await hears(page, 'moved to');
    await page.keyboard.press('Space');
    await expect.poll(() => ids(col).then((x) => x.includes(a))).toBe(false);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => ids(col).then((x) => x.slice(0, 3))).toEqual([a, b, c]);

    // Escape cancels a keyboard drag: the drop stays where it was.
    await page.locator(`[data-drop-id="${a}"]`).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await hears(page, 'moved to');
    await page.keyboard.press('Escape');
    await hears(page, 'stays where it was');
    await expect.poll(() => ids(col).then((x) => x.slice(0, 3))).toEqual([a, b, c]);

    expect(pageErrors).toEqual([]);
    await fresh.close();
  });

  it('quick add scrolls a long, virtualised column to each drop it adds and says where it went', async () => {
    const { page, pageErrors, fresh } = await freshBoard();
    const brief = column(page, 'Brief');
    const body = brief.locator('.column-body');
    const before = Number(/, (\d+) drops?$/.exec((await brief.getAttribute('aria-label'))!)![1]);
    await page.getByRole('button', { name: 'Add drop to Brief' }).click();
    const field = page.getByPlaceholder('Drop title');
    const added = 24;
    for (let i = 1; i <= added; i++) {
      await field.fill(`Tidewater ${i}`);
      await field.press('Enter');
      // Each new card is in the page and in the column's view, field still ready for the next.
      const box = async () => {
        const c = await card(page, `Tidewater ${i}`).boundingBox();
        const b = (await body.boundingBox())!;
        return c !== null && c.y >= b.y - 1 && c.y + c.height <= b.y + b.height + 1;
      };
      await expect.poll(box).toBe(true);
      await hears(page, `Added “Tidewater ${i}” to Brief, ${before + i} of ${before + i}.`);
      expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    }
    // The column is virtualised (positive control: fewer cards in the page than it holds)…
    const total = before + added;
    await expect
      .poll(() => brief.getAttribute('aria-label'))
      .toMatch(new RegExp(`, ${total} drops$`));
    expect(await brief.locator('[data-testid="drop-card"]').count()).toBeLessThan(total);
    expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    // Opened again, the long column's first render fills its view to the bottom: no blank
    // rows, though it stops at the window's edge until the column is scrolled.
    await page.keyboard.press('Escape');
    await page.reload();
    await page.waitForFunction(
      () => performance.getEntriesByName('cadence:board-ready').length > 0,
    );
    const cards = brief.locator('[data-testid="drop-card"]');
    const shown = await cards.count();
    expect(shown).toBeLessThan(total);
    const last = (await cards.nth(shown - 1).boundingBox())!;
    const view = (await body.boundingBox())!;
    expect(last.y + last.height).toBeGreaterThanOrEqual(view.y + view.height);
    // …and a drop the search hides is still added, and said to be hidden.
    await page.getByLabel('Search drops by title or narrative').fill('Tidewater 3');
    await page.getByRole('button', { name: 'Add drop to Brief' }).click();
    await field.fill('Saltgrass Overshirt');
    await field.press('Enter');
    await hears(page, 'Added “Saltgrass Overshirt” to Brief; the search or filters hide it.');
    expect(pageErrors).toEqual([]);
    await fresh.close();
  });

  it('carries a drop down a long, virtualised column by keyboard, mouse and wheel, scrolling it', async () => {
    const { page, pageErrors, fresh } = await freshBoard();
    // 70 more drops in Brief: past the point where a column renders only the cards in view.
    await page.getByRole('button', { name: 'Add drop to Brief' }).click();
    const field = page.getByPlaceholder('Drop title');
    for (let i = 1; i <= 70; i++) {
      await field.fill(`Capsule ${i}`);
      await field.press('Enter');
    }
    await page.keyboard.press('Escape');
    const brief = column(page, 'Brief');
    await expect.poll(() => brief.getAttribute('aria-label')).toMatch(/, 72 drops$/);
    const rendered = await brief.locator('[data-testid="drop-card"]').count();
    expect(rendered).toBeLessThan(72);
    // Quick add left the column scrolled to its last card: back to the top.
    await brief.locator('.column-body').evaluate((el) => (el.scrollTop = 0));
    await expect
      .poll(() => brief.locator('[data-testid="drop-card"]').first().innerText())
      .not.toContain('Capsule');

    const first = brief.locator('[data-testid="drop-card"]').first();
    const title = (await first.locator('.card-title').innerText()).trim();
    const id = (await first.getAttribute('data-drop-id'))!;
    await first.focus();
    await page.keyboard.press('Space');
    // One row at a time, as a screen-reader user hears each new position.
    for (let row = 2; row <= 21; row++) {
      await page.keyboard.press('ArrowDown');
      await hears(page, `Brief, position ${row} of 72`);
    }
    await page.keyboard.press('Space');
    await hears(page, `Dropped ${title} in Brief, position 21 of 72`);

    // The column scrolled along: the drop is in view, twenty rows down.
    const body = (await brief.locator('.column-body').boundingBox())!;
    const moved = page.locator(`[data-drop-id="${id}"]`);
    await expect.poll(() => moved.count()).toBe(1);
    const box = (await moved.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(body.y);
    expect(box.y + box.height).toBeLessThanOrEqual(body.y + body.height + 1);
    expect(await brief.locator('.column-body').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

    // Mouse: held at the bottom of the column, the drag scrolls it and lands far down.
    await brief.locator('.column-body').evaluate((el) => (el.scrollTop = 0));
    const top = brief.locator('[data-testid="drop-card"]').first();
    // The column renders the cards at the top again once it has seen the scroll.
    await expect.poll(async () => (await top.boundingBox())!.y - body.y).toBeLessThan(20);
    const topTitle = (await top.locator('.card-title').innerText()).trim();
    const start = (await top.boundingBox())!;
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2 + 12, {
      steps: 3,
    });
    await page.mouse.move(start.x + start.width / 2, body.y + body.height - 10, { steps: 10 });
    await expect
      .poll(() => brief.locator('.column-body').evaluate((el) => el.scrollTop))
      .toBeGreaterThan(600);
    await page.mouse.up();
    await hears(page, `Dropped ${topTitle} in Brief, position`);
    const spoken = (await page.locator('[role="status"][aria-live]').allInnerTexts()).join(' ');
    const position = Number(/position (\d+) of 72/.exec(spoken)?.[1]);
    expect(position).toBeGreaterThan(8);

    // The wheel during a drag scrolls the column too, and the drop lands where it points.
    await brief.locator('.column-body').evaluate((el) => (el.scrollTop = 0));
    await expect.poll(async () => (await top.boundingBox())!.y - body.y).toBeLessThan(20);
    const wheeled = (await top.locator('.card-title').innerText()).trim();
    const wheeledId = await top.getAttribute('data-drop-id');
    const from = (await top.boundingBox())!;
    const middle = body.y + body.height / 2;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 12, { steps: 3 });
    await page.mouse.move(from.x + from.width / 2, middle, { steps: 5 });
    await page.mouse.wheel(0, 30 * 96);
    await expect
      .poll(() => brief.locator('.column-body').evaluate((el) => el.scrollTop))
      .toBeGreaterThan(20 * 96);
    // The slot follows the column's scroll before the drop lands: the dragged card's place in
    // the column's list (its row, from the top of the list) is far down.
    await expect
      .poll(() =>
        brief.locator('.card-list').evaluate((list, id) => {
          const el = list.querySelector(`[data-drop-id="${id}"]`);
          if (!el) return 0; // not rendered (yet) where the view is
          const row = (el.getBoundingClientRect().top - list.getBoundingClientRect().top) / 96;
          return Math.round(row) + 1;
        }, wheeledId),
      )
      .toBeGreaterThan(20);
    await page.mouse.up();
    await hears(page, `Dropped ${wheeled} in Brief, position`);
    const after = (await page.locator('[role="status"][aria-live]').allInnerTexts()).join(' ');
    expect(Number(/position (\d+) of 72/.exec(after)?.[1])).toBeGreaterThan(20);

    expect(pageErrors).toEqual([]);
    await fresh.close();
  });

  it('reorders stages by their headers, with the keyboard and the mouse', async () => {
    const { page, pageErrors, fresh } = await freshBoard();
    const stages = () =>
      page
        .locator('[data-testid="column"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-stage-name')));
    const before = (await stages()) as string[];
    expect(before.slice(0, 3)).toEqual(['Concept & creator', 'Brief', 'Shoot']);

    // Keyboard: the grip picks the stage up; → moves it past Shoot.
    await page.getByRole('button', { name: 'Move stage Brief' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await hears(page, 'Stage Brief moved to position 3');
    await page.keyboard.press('Space');
    await expect
      .poll(() => stages().then((x) => x.slice(0, 3)))
      .toEqual(['Concept & creator', 'Shoot', 'Brief']);

    // Mouse: drag Brief's header back over Shoot's (its own undo step, however quick).
    const from = (await column(page, 'Brief').locator('.column-title').boundingBox())!;
    const to = (await column(page, 'Shoot').locator('.column-title').boundingBox())!;
    await page.mouse.move(from.x + 10, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x - 2, from.y + from.height / 2, { steps: 3 });
    await page.mouse.move(to.x + 10, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => stages()).toEqual(before);

    // Undo brings back the keyboard's order.
    await page.locator('[data-testid="board"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${mod}+z`);
    await expect
      .poll(() => stages().then((x) => x.slice(0, 3)))
      .toEqual(['Concept & creator', 'Shoot', 'Brief']);

    expect(pageErrors).toEqual([]);
    await fresh.close();
  });
});
