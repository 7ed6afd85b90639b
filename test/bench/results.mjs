/* global window, document, performance, requestAnimationFrame, setTimeout, PerformanceObserver, File, DataTransfer, DragEvent, HTMLSelectElement, Event */ // browser globals inside page.evaluate callbacks
// Results benchmark: the built renderer (dist/) in Chromium, a workspace of 200 drops by 20
// creators (results-seed.ts) and a Shopify export of 50,000 line items, about 20 MB
// (results-data.ts, built in the page from a seeded generator).
// - import: the file dropped on the window (the app's drag-and-drop path) → the preview, then
//   Apply import → the Results view showing the new order count; the longest main-thread task
//   meanwhile (PerformanceObserver 'longtask', tasks over 50 ms) and how many passed 100 ms;
// - results: the Results view (four charts, leaderboard, 200 drop rows) from the Ctrl+4
//   keydown to the frame after the last chart's SVG exists (tables in the same commit), and
//   a counting rule changed on the view to the
//   redrawn view; the board with the Review cards' results line from Ctrl+1;
// - re-import: the same file again; what the Apply writes, read from the updates the app
//   stored in IndexedDB and split by the document's top-level map.
// Prints figures, never fails on them. Run alone with `node test/bench/results.mjs` (after
// `vite build`), or with `npm run bench -- results`.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { BENCH_PAGE, CHROMIUM_ARGS, median, ms, previewApp } from './_support.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.env.CADENCE_BENCH_RESULTS_ROUNDS ?? 5);
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

async function bundle(entry) {
  const out = await build({
    entryPoints: [join(root, 'test/bench', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2022',
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

// Records every long task (over 50 ms) of the page from its start.
function watchLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Waits until `predicate` (run in the page each frame) returns a time (`cond && performance.now()`):
 * the first frame it held.
 */
async function whenTrue(page, predicate, arg) {
  const handle = await page.waitForFunction(predicate, arg, { polling: 'raf', timeout: 300_000 });
  return handle.jsonValue();
}

// The time of the frame after the next one: what was drawn has been painted.
const afterFrame = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
      ),
  );

// Main-thread tasks inside [from, to].
async function longTasks(page, from, to) {
  const tasks = await page.evaluate(() => window.__longTasks);
  return tasks.filter((t) => t.start + t.duration >= from && t.start <= to);
}

/**
 * Drops the export on the window and applies it; returns the reading and applying times and
 * the long tasks of each phase.
 */
async function importFile(page, profileTo) {
  const dropped = await page.evaluate(() => {
    const t = performance.now();
    const dt = new DataTransfer();
    dt.items.add(window.__benchFile);
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    return t;
  });
  // The read ends where the comparison with the document begins (done in slices on the
  // main thread); a fast comparison may finish between two polls (then it is not split out).
  const compared = await whenTrue(
    page,
    () =>
      (document.querySelector('[data-phase="comparing"]') !== null ||
        document.querySelector('[data-testid="import-preview"]') !== null) &&
      performance.now(),
  );
  const previewed = await whenTrue(
    page,
    () => document.querySelector('[data-testid="import-preview"]') !== null && performance.now(),
  );
  const preview = await page.getByTestId('import-preview').textContent();
  // The same file every time into an empty workspace: the orders found are the orders kept.
  const orders = /rows read: ([\d,]+) orders/.exec(preview ?? '')?.[1];
  // CADENCE_BENCH_PROFILE_IMPORT=file.cpuprofile records the Apply for DevTools.
  const cdp = profileTo ? await page.context().newCDPSession(page) : null;
  if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
  const applyAt = await page.evaluate(() => {
    const button = [...document.querySelectorAll('dialog button')].find(
      (b) => b.textContent === 'Apply import',
    );
    const t = performance.now();
    button.click();
    return t;
  });
  const applied = await whenTrue(
    page,
    (n) =>
      document.querySelector('[data-testid="import-applied"]') !== null &&
      (document.querySelector('[data-testid="results-counts"]')?.textContent ?? '').startsWith(
        `${n} orders`,
      ) &&
      performance.now(),
    orders,
  );
  const painted = await afterFrame(page);
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(profileTo, JSON.stringify(profile));
  }
  const readTasks = await longTasks(page, dropped, previewed);
  const applyTasks = await longTasks(page, applyAt, painted);
  await page.getByRole('button', { name: 'Done' }).click();
  return {
    preview,
    reading: previewed - dropped,
    comparing: previewed - compared,
    applying: applied - applyAt,
    longest: Math.max(0, ...[...readTasks, ...applyTasks].map((t) => t.duration)),
    over100: [...readTasks, ...applyTasks].filter((t) => t.duration > 100).length,
    applyLongest: Math.max(0, ...applyTasks.map((t) => t.duration)),
    tasks: {
      reading: readTasks.map((t) => Math.round(t.duration)),
      applying: applyTasks.map((t) => Math.round(t.duration)),
    },
  };
}

/** From a Ctrl+<key> keydown to the frame after `selector` shows, `ROUNDS` times. */
async function timeView(page, key, selector, away) {
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    await page.keyboard.press(`${mod}+${away}`);
    await page.waitForFunction((s) => !document.querySelector(s), selector);
    await afterFrame(page);
    await page.evaluate(() => {
      window.__keyAt = null;
      const onKey = (e) => {
        window.__keyAt = performance.now();
        window.removeEventListener('keydown', onKey, true);
        void e;
      };
      window.addEventListener('keydown', onKey, true);
    });
    await page.keyboard.press(`${mod}+${key}`);
    await whenTrue(page, (s) => document.querySelector(s) !== null && performance.now(), selector);
    const painted = await afterFrame(page);
    times.push(painted - (await page.evaluate(() => window.__keyAt)));
  }
  return times;
}

// Each chart's card names the version of the data it draws (`data-rev`): the charts redraw a
// task apart after a change, and a change is drawn when the table and every chart show it.
const chartRevisions = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.results-view .results-card')].map((f) => f.dataset.rev),
  );

/** "Show all 200" on the Results view (it shows the latest 50 drops) to the frame after. */
async function timeShowAll(page) {
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const revs = await chartRevisions(page);
    const t0 = await page.evaluate(() => {
      const button = document.querySelector('[data-testid="results-scope"] button');
      const t = performance.now();
      button.click();
      return t;
    });
    await whenTrue(
      page,
      (before) =>
        document.querySelectorAll('[data-testid="results-drops"] tbody tr').length > 50 &&
        // Every chart of drops (the creators' leaderboard does not change with it).
        [...document.querySelectorAll('.results-view .results-card')].every(
          (f, k) => f.dataset.chart === 'leaderboard' || f.dataset.rev !== before[k],
        ) &&
        performance.now(),
      revs,
    );
    times.push((await afterFrame(page)) - t0);
    await page.getByTestId('results-scope').getByRole('button').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="results-drops"] tbody tr').length === 50,
    );
  }
  return times;
}

/** A counting rule changed on the Results view, to the frame after the view shows it. */
async function timeRuleChange(page) {
  const times = [];
  // Orders awaiting payment: counted too, then not (the export holds pending orders).
  const rules = ['include-pending', 'paid-only'];
  for (let i = 0; i < ROUNDS * 2; i++) {
    const before = await page.getByTestId('results-drops').textContent();
    const revs = await chartRevisions(page);
    const t0 = await page.evaluate(
      (value) => {
        const select = document.querySelectorAll('.results-rules select')[2];
        const t = performance.now();
        const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
        setter.call(select, value);
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return t;
      },
      rules[i % 2],
    );
    await whenTrue(
      page,
      ([b, r]) =>
        document.querySelector('[data-testid="results-drops"]')?.textContent !== b &&
        [...document.querySelectorAll('.results-view .results-card')].every(
          (f, k) => f.dataset.rev !== r[k],
        ) &&
        performance.now(),
      [before, revs],
    );
    times.push((await afterFrame(page)) - t0);
  }
  return times;
}

/**
 * Waits for the merge of the open workspace's database (the `cadence:compacting` and
 * `cadence:compacted` marks); returns when it ran and how many entries it found.
 */
async function mergedAfterOpen(page) {
  const handle = await page.waitForFunction(
    () => {
      const [from] = performance.getEntriesByName('cadence:compacting');
      const [to] = performance.getEntriesByName('cadence:compacted');
      return from && to && { from: from.startTime, to: to.startTime, entries: from.detail };
    },
    undefined,
    { polling: 100, timeout: 120_000 },
  );
  return handle.jsonValue();
}

/** Runs the section; returns named figures (ms, bytes or counts). */
export default async function resultsBench({
  executablePath = '/usr/bin/chromium',
  log = console.log,
} = {}) {
  if (!existsSync(join(root, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `vite build` first (`npm run bench` does it).');
  }
  const server = await previewApp(root);
  const { base } = server;
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const figures = {};
  try {
    const [seedJs, csvJs] = await Promise.all([
      bundle('results-seed.ts'),
      bundle('results-csv.ts'),
    ]);
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      timezoneId: 'Europe/Berlin',
    });
    await context.addInitScript(watchLongTasks);
    const seeder = await context.newPage();
    await seeder.goto(`${base}${BENCH_PAGE}`);
    await seeder.addScriptTag({ content: seedJs });
    const id = await seeder.evaluate(() => window.cadenceResultsBench.seed());

    const page = await context.newPage();
    page.on('pageerror', (e) => log(`  page error: ${e.message}`));
    await page.goto(`${base}?ws=${id}`);
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]', {
      timeout: 120_000,
    });
    await page.keyboard.press(`${mod}+4`);
    await page.waitForSelector('[data-testid="results-counts"]');
    const makeFile = async () => {
      await page.evaluate(csvJs); // evaluated, not a script tag: the app's CSP allows no inline script
      return page.evaluate(() => {
        const csv = window.cadenceBenchCsv();
        window.__benchFile = new File([csv], 'orders_export.csv', { type: 'text/csv' });
        return { bytes: window.__benchFile.size, lines: csv.split('\r\n').length - 2 };
      });
    };
    const file = await makeFile();
    // The open's own merge of the database (3 s after it) is over before the import, whose
    // entries the next open merges (below).
    await mergedAfterOpen(page);
    log(
      `  (${file.lines.toLocaleString('en')} line items, ${(file.bytes / 1e6).toFixed(1)} MB; 200 drops)`,
    );

    // First import: every order new.
    const first = await importFile(page, process.env.CADENCE_BENCH_PROFILE_IMPORT);
    log(
      `  (tasks over 50 ms, reading: ${first.tasks.reading.join(', ') || 'none'}; applying: ${first.tasks.applying.join(', ') || 'none'})`,
    );
    log(`  (preview: ${first.preview?.replace(/\s+/g, ' ').slice(0, 160)})`);
    figures['import 50,000 line items: drop → preview (read in the worker, then compared)'] = ms(
      first.reading,
    );
    figures['import 50,000 line items: of which comparing with the document (sliced)'] = ms(
      first.comparing,
    );
    figures['import 50,000 line items: Apply → results shown'] = ms(first.applying);
    figures['import 50,000 line items: total'] = ms(first.reading + first.applying);
    figures['import 50,000 line items: longest main-thread task'] = ms(first.longest);
    figures['import 50,000 line items: longest main-thread task while applying'] = ms(
      first.applyLongest,
    );
    figures['import 50,000 line items: main-thread tasks over 100 ms (count)'] = first.over100;

    // The workspace opened again: 3 s after the open, the import's entries in its database are
    // merged into one (renderer/src/workspace/compaction.ts). The window's longest task while
    // that runs.
    await page.reload();
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]', {
      timeout: 120_000,
    });
    const merge = await mergedAfterOpen(page);
    const mergeTasks = await longTasks(page, merge.from, merge.to);
    // Everything the open leaves for after the live board: the Review cards' results, sync
    // joining the room, the merge.
    const live = await page.evaluate(
      () => performance.getEntriesByName('cadence:board-ready')[0].startTime,
    );
    const afterLive = await longTasks(page, live, merge.to);
    log(
      `  (reopened: tasks over 50 ms from the live board until merged: ${afterLive.map((t) => `${Math.round(t.duration)} at +${Math.round(t.start - live)}`).join(', ') || 'none'})`,
    );
    figures['reopen after the import: longest main-thread task from the live board to merged'] = ms(
      Math.max(0, ...afterLive.map((t) => t.duration)),
    );
    log(
      `  (reopened: ${merge.entries} entries merged in ${ms(merge.to - merge.from)} ms; tasks over 50 ms meanwhile: ${mergeTasks.map((t) => Math.round(t.duration)).join(', ') || 'none'})`,
    );
    figures['reopen after the import: longest main-thread task while the database is merged'] = ms(
      Math.max(0, ...mergeTasks.map((t) => t.duration)),
    );
    await page.keyboard.press(`${mod}+4`);
    await page.waitForSelector('[data-testid="results-counts"]');
    await makeFile();

    // The views with every order imported.
    // CADENCE_BENCH_PROFILE=file.cpuprofile records the Results view rounds for DevTools.
    const profile = process.env.CADENCE_BENCH_PROFILE;
    const cdp = profile ? await context.newCDPSession(page) : null;
    if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
    // "Rendered": from the Ctrl+4 keydown (on the board) to the frame after the last of the four
    // charts has its SVG; the drops table and the leaderboard are drawn in the same commit.
    const results = await timeView(
      page,
      4,
      '.results-view .results-grid > .results-card:last-child .recharts-surface',
      1,
    );
    if (cdp) {
      const { profile: data } = await cdp.send('Profiler.stop');
      await writeFile(profile, JSON.stringify(data));
      log(`  CPU profile of the Results view written to ${profile}`);
    }
    figures['results 200 drops: Results view with charts drawn (Ctrl+4 → frame), median'] = ms(
      median(results),
    );
    figures['results 200 drops: "Show all 200" → every drop drawn, median'] = ms(
      median(await timeShowAll(page)),
    );
    figures['results 200 drops: a counting rule changed → view redrawn, median'] = ms(
      median(await timeRuleChange(page)),
    );
    const board = await timeView(page, 1, '[data-testid="card-results"]', 4);
    figures['results 200 drops: board with Review cards\u2019 results (Ctrl+1 → frame), median'] =
      ms(median(board));
    await page.keyboard.press(`${mod}+4`);
    await page.waitForSelector('[data-testid="results-counts"]');

    // The same file again: only the import record may be written.
    const stored = (await seeder.evaluate((wsId) => window.cadenceResultsBench.updates(wsId), id))
      .length;
    const again = await importFile(page);
    log(`  (re-import preview: ${again.preview?.replace(/\s+/g, ' ').slice(0, 160)})`);
    figures['re-import: total'] = ms(again.reading + again.applying);
    await page.waitForTimeout(500); // y-indexeddb stores the update right after the transaction
    const added = (
      await seeder.evaluate((wsId) => window.cadenceResultsBench.updates(wsId), id)
    ).slice(stored);
    const byMap = {};
    let total = 0;
    for (const u of added) {
      total += u.bytes;
      for (const [k, n] of Object.entries(u.items)) byMap[k] = (byMap[k] ?? 0) + n;
    }
    const recordOnly = Object.keys(byMap).every((k) => k === 'resultImports');
    log(`  (re-import stored ${added.length} update(s), items per map: ${JSON.stringify(byMap)})`);
    figures['re-import: bytes added to the document (bytes)'] = total;
    figures['re-import: of which the import record (bytes)'] = recordOnly ? total : NaN;
    figures['re-import: of which results: orders, events, facts (bytes)'] = recordOnly ? 0 : total;
    log(
      recordOnly
        ? `  re-import: import record ${total} bytes, results 0 bytes`
        : `  re-import: ${total} bytes, not only the import record: ${JSON.stringify(byMap)}`,
    );

    return figures;
  } finally {
    // Printed here too when a step failed, so the figures measured before it are not lost.
    for (const [k, v] of Object.entries(figures)) {
      const unit = /\((bytes|count)\)$/.test(k) ? '' : ' ms';
      log(`  ${k}: ${v}${unit}`);
    }
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(
    'Results (targets: import < 3 s, no task > 100 ms; 200 drops < 100 ms; re-import 0 bytes)',
  );
  await resultsBench();
}
