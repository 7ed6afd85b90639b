/* global window, document, performance, requestAnimationFrame */ // browser globals inside page.evaluate callbacks
// Board benchmark: the built renderer (dist/) in Chromium, at 200, 1,000 and 5,000 drops.
// - open: a workspace from IndexedDB to the first board paint (`cadence:board-first-paint`: the
//   stored read-only preview, or the live board when there is none) and to the live, editable
//   board (`cadence:board-ready`), side by side with bare y-indexeddb loading the same document
//   (the floor), and the paint floor: the same board's HTML painted with no script
//   (`_paintFloor.mjs`), so that the least possible open is known beside the app's;
// - move: a keyboard drop to the committed re-render and to the next frame, and the frame
//   intervals during a mouse drag across columns, at 1,000 drops;
// - memory: JS heap after opening;
// - a year of use: a workspace with a year's history (aged-seed.ts) against a fresh one with the
//   same content: document and IndexedDB sizes, and the time to open each.
// Prints figures, never fails on them. Run alone with `node test/bench/board.mjs` (after
// `vite build`), or as a section of `npm run bench`.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { boardPaintFloor } from './_paintFloor.mjs';
import {
  BENCH_PAGE,
  CHROMIUM_ARGS,
  TRACE_CATEGORIES,
  median,
  ms,
  p95,
  previewApp,
  watchMark,
} from './_support.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SIZES = (process.env.CADENCE_BENCH_SIZES ?? '200,1000,5000').split(',').map(Number);
const OPENS = 5;
const MOVES = 20;

/** The seed script, bundled for the browser (it imports shared/ and renderer/src/workspace). */
async function seedScript() {
  const out = await build({
    entryPoints: [join(root, 'test/bench/board-seed.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2022',
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

/** A blank page on the app's origin, where the seed script runs without the app. */
async function benchPage(context, base, script) {
  const page = await context.newPage();
  await page.goto(`${base}${BENCH_PAGE}`);
  await page.addScriptTag({ content: script });
  return page;
}

/**
 * Opens `?ws=<id>` in a fresh page and reads the app's timeline marks. `cold` clears the
 * browser's HTTP cache first, and with it V8's cache of compiled scripts, as after an update.
 */
async function openBoard(context, base, id, { cold = false } = {}) {
  const page = await context.newPage();
  if (cold) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
  }
  const ready = await watchMark(page, 'cadence:board-ready');
  const shown = ready.next();
  await page.goto(`${base}?ws=${id}`);
  await shown;
  const marks = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return {
      // When the app asked to open it (before the stored preview is read), else the document open.
      openRequested: Number.isNaN(at('cadence:open-requested'))
        ? at('cadence:open-start')
        : at('cadence:open-requested'),
      openStart: at('cadence:open-start'),
      idbSynced: at('cadence:idb-synced'),
      storeReady: at('cadence:store-ready'),
      boardReady: at('cadence:board-ready'),
      previewRead: at('cadence:preview-read'),
      zonesReady: at('cadence:zones-ready'),
      syncStarted: at('cadence:sync-started'),
      boardCommitted: at('cadence:board-committed'),
      firstPaint: at('cadence:board-first-paint'),
      // The app's first module line: before it, the page fetched, compiled and evaluated the
      // modules it imports.
      main: at('cadence:main'),
      cards: document.querySelectorAll('[data-testid="drop-card"]').length,
    };
  });
  return { page, marks };
}

/**
 * Records a CPU profile of one warm open: the page starts on the app's origin so that the open
 * stays in the renderer process the profiler is attached to.
 */
async function profileOpen(context, base, id, file) {
  const page = await context.newPage();
  const ready = await watchMark(page, 'cadence:board-ready');
  let shown = ready.next();
  await page.goto(`${base}?ws=${id}`);
  await shown;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  shown = ready.next();
  await page.reload();
  await shown;
  const { profile } = await cdp.send('Profiler.stop');
  await writeFile(file, JSON.stringify(profile));
  await page.close();
  // And a trace of an open in a new page, as the timed opens do (style, layout, paint, script;
  // for chrome://tracing).
  const fresh = await context.newPage();
  const freshReady = await watchMark(fresh, 'cadence:board-ready');
  const freshShown = freshReady.next();
  await context.browser().startTracing(fresh, {
    path: file.replace(/\.cpuprofile$/, '.trace.json'),
    categories: TRACE_CATEGORIES,
  });
  await fresh.goto(`${base}?ws=${id}`);
  await freshShown;
  await context.browser().stopTracing();
  await fresh.close();
}

async function heapMB(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return Math.round((used / 1024 / 1024) * 10) / 10;
}

// Arms a one-shot timer on the next Space keydown (the drop): `commit` is when the board has
// committed the drop's re-render (its `cadence:drop-committed` mark, set in the commit's
// effects), `frame` when the following animation frame has run its callbacks and a task after
// it. (A task posted from the keydown is no measure of the commit: Chromium may paint a frame
// before running it.)
function armDropTimer(page) {
  return page.evaluate(() => {
    performance.clearMarks('cadence:drop-committed');
    window.__dropTiming = new Promise((resolve) => {
      const onKey = (event) => {
        if (event.key !== ' ') return;
        window.removeEventListener('keydown', onKey, true);
        const t0 = performance.now();
        requestAnimationFrame(() =>
          setTimeout(() => {
            const frame = performance.now() - t0;
            const mark = performance.getEntriesByName('cadence:drop-committed').at(-1);
            resolve({ commit: mark ? mark.startTime - t0 : NaN, frame });
          }, 0),
        );
      };
      window.addEventListener('keydown', onKey, true);
    });
  });
}

async function announced(page, text) {
  await page.waitForFunction(
    (t) =>
      [...document.querySelectorAll('[role="status"][aria-live]')].some((el) =>
        el.textContent?.includes(t),
      ),
    text,
    { timeout: 10_000 },
  );
}

/** Keyboard-drags one card to the neighbouring column and back, timing each drop. */
async function timeMoves(page) {
  const columns = await page.$$eval('[data-testid="column"]', (els) =>
    els.map((el) => el.getAttribute('data-stage-id')),
  );
  const id = await page
    .locator(`[data-stage-id="${columns[0]}"] [data-testid="drop-card"]`)
    .first()
    .getAttribute('data-drop-id');
  const commits = [];
  const frames = [];
  let misplaced = 0;
  for (let i = 0; i < MOVES; i++) {
    const right = i % 2 === 0;
    const card = page.locator(`[data-drop-id="${id}"]`);
    await card.focus();
    await page.keyboard.press('Space');
    await announced(page, 'Picked up');
    await page.keyboard.press(right ? 'ArrowRight' : 'ArrowLeft');
    await announced(page, 'moved to');
    await armDropTimer(page);
    await page.keyboard.press('Space');
    const timing = await page.evaluate(() => window.__dropTiming);
    commits.push(timing.commit);
    frames.push(timing.frame);
    const expected = columns[right ? 1 : 0];
    const now = await card.evaluate((el) =>
      el.closest('[data-testid="column"]')?.getAttribute('data-stage-id'),
    );
    if (now !== expected) misplaced++;
    await page.waitForTimeout(50);
  }
  return { commits, frames, misplaced };
}

/**
 * A mouse drag of one card across the first three columns and up and down them, 60 pointer
 * moves: the intervals between animation frames meanwhile (a smooth drag keeps them at one
 * 60 Hz frame, 16.7 ms).
 */
async function timeMouseDrag(page) {
  const card = page.locator('[data-testid="drop-card"]').first();
  const box = await card.boundingBox();
  const columns = await page.$$eval('[data-testid="column"]', (els) =>
    els.slice(0, 3).map((el) => el.getBoundingClientRect().left + 120),
  );
  await page.evaluate(() => {
    const gaps = [];
    window.__frameGaps = gaps;
    let last = 0;
    const tick = (t) => {
      if (last) gaps.push(t - last);
      last = t;
      if (window.__frameGaps === gaps) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 12, box.y + box.height / 2, { steps: 2 });
  for (let i = 0; i < 60; i++) {
    await page.mouse.move(columns[Math.floor(i / 20)], 180 + ((i * 53) % 600), { steps: 1 });
  }
  await page.keyboard.press('Escape');
  await page.mouse.up();
  return page.evaluate(() => {
    const gaps = window.__frameGaps;
    window.__frameGaps = null;
    return gaps;
  });
}

/**
 * A browser profile on disk whose IndexedDB holds a workspace of `n` drops (seeded through the
 * app's origin, so the same server must serve the cold opens): `{ dir, id }`.
 */
async function seedProfile(executablePath, base, script, n) {
  const dir = await mkdtemp(join(tmpdir(), 'cadence-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  const seeder = await benchPage(context, base, script);
  const id = await seeder.evaluate((count) => window.cadenceBoardBench.seed(count), n);
  await context.close();
  return { dir, id };
}

/**
 * Navigation start to the live board in a new browser, started on a copy of `profile` without
 * its caches: nothing compiled or cached yet, IndexedDB already holding the workspace, as on
 * the first start of the app after an update. Returns the `cadence:board-ready` time.
 */
async function coldOpen(executablePath, base, profile) {
  const dir = await mkdtemp(join(tmpdir(), 'cadence-bench-cold-'));
  try {
    await cp(profile.dir, dir, {
      recursive: true,
      filter: (src) =>
        !/(^|\/)(Cache|Code Cache|GPUCache|GrShaderCache|ShaderCache|Singleton\w+)$/.test(src),
    });
    const context = await chromium.launchPersistentContext(dir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const ready = await watchMark(page, 'cadence:board-ready');
      const shown = ready.next();
      await page.goto(`${base}?ws=${profile.id}`);
      await shown;
      return await page.evaluate(
        () => performance.getEntriesByName('cadence:board-ready')[0].startTime,
      );
    } finally {
      await context.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Median open of a stored workspace: IndexedDB to live board, and the bare y-indexeddb floor. */
async function timeOpens(context, base, script, id) {
  const open = [];
  const floor = [];
  for (let i = 0; i < OPENS; i++) {
    const raw = await benchPage(context, base, script);
    floor.push((await raw.evaluate((wsId) => window.cadenceBoardBench.rawLoad(wsId), id)).ms);
    await raw.close();
    const { page, marks } = await openBoard(context, base, id);
    open.push(marks.boardReady - marks.openRequested);
    await page.close();
  }
  return { open: median(open), floor: median(floor) };
}

/**
 * A workspace after a year of use against a fresh one with the same content (see
 * aged-seed.ts): document and IndexedDB sizes, and the time to open each.
 */
async function agedBench(context, base, script, log) {
  const seeder = await benchPage(context, base, script);
  const seed = await seeder.evaluate(() => window.cadenceBoardBench.seedAged());
  const stored = async (id) =>
    seeder.evaluate((wsId) => window.cadenceBoardBench.storedBytes(wsId), id);
  const agedDisk = await stored(seed.agedId);
  const freshDisk = await stored(seed.freshId);
  await seeder.close();
  const aged = await timeOpens(context, base, script, seed.agedId);
  const fresh = await timeOpens(context, base, script, seed.freshId);
  const kb = (b) => Math.round(b / 102.4) / 10;
  const { drops, briefs, keystrokes, moves } = seed.counts;
  log(
    `  (a year of use: ${drops} drops, ${keystrokes.toLocaleString('en')} keystrokes in ${briefs} briefs, ` +
      `${moves.toLocaleString('en')} moves over ${seed.sessions} sessions; built in ${ms(seed.buildMs)} ms)`,
  );
  return {
    'a year of use: document (KB), aged': kb(seed.agedBytes),
    'a year of use: document (KB), fresh with the same content': kb(seed.freshBytes),
    'a year of use: IndexedDB (KB), aged': kb(agedDisk),
    'a year of use: IndexedDB (KB), fresh': kb(freshDisk),
    'a year of use: IndexedDB to live board painted, aged, median': ms(aged.open),
    'a year of use: IndexedDB to live board painted, fresh, median': ms(fresh.open),
    'a year of use: floor, bare y-indexeddb load, aged, median': ms(aged.floor),
    'a year of use: floor, bare y-indexeddb load, fresh, median': ms(fresh.floor),
    'a year of use: live board ÷ floor, aged (×)': Math.round((aged.open / aged.floor) * 100) / 100,
  };
}

/**
 * Where an open's time goes, between the app's marks in the order they come: each part's
 * median (ms) over the timed opens. The parts add up to about the live board's median.
 */
const OPEN_PARTS = [
  ['reading the stored preview', 'openRequested', 'previewRead'],
  ['its paint first (above 500 drops)', 'previewRead', 'openStart'],
  ['time-zone data (Intl, first use)', 'openStart', 'zonesReady'],
  ['y-indexeddb load', 'zonesReady', 'idbSynced'],
  ['store built (repairs, undo, snapshot)', 'idbSynced', 'storeReady'],
  ['sync started, preview kept', 'storeReady', 'syncStarted'],
  ['React render and commit', 'syncStarted', 'boardCommitted'],
  ['style, layout, paint, effects', 'boardCommitted', 'boardReady'],
];

function openParts(marksList) {
  return OPEN_PARTS.map(([label, from, to]) => [
    label,
    median(marksList.map((m) => m[to] - m[from])),
  ]);
}

function logParts(rows, log) {
  if (rows.length === 0) return;
  const head = ['part of the open', ...rows.map((r) => `${r.n.toLocaleString('en')} drops`)];
  const cells = OPEN_PARTS.map(([label], i) => [
    label,
    ...rows.map((r) => String(ms(r.parts[i][1]))),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) =>
    `  ${c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join(' | ')}`;
  log('');
  log("  Where the open goes (medians, ms, from the app's cadence:* marks):");
  log(line(head));
  for (const c of cells) log(line(c));
}

/**
 * The opening figures side by side, one row per size (medians, ms): the bare y-indexeddb load,
 * IndexedDB to live board, their ratio (target ≤ 1.2), the least ratio any board could reach
 * (the floor plus the paint floor, `_paintFloor.mjs`), store ready to painted, and navigation
 * start to live board in a warm page and in a new browser on a new profile.
 */
function logSummary(rows, log) {
  if (rows.length === 0) return;
  const head = [
    'drops',
    'floor',
    'live',
    'live ÷ floor',
    'least possible',
    'store → painted',
    'nav → live',
    'nav → live, cold',
  ];
  const cells = rows.map((r) => [
    r.n.toLocaleString('en'),
    String(ms(r.floor)),
    String(ms(r.live)),
    `${(r.live / r.floor).toFixed(2)}×`,
    `${((r.floor + r.paintFloor) / r.floor).toFixed(2)}×`,
    `${ms(r.render)} (${r.cards} cards)`,
    String(ms(r.nav)),
    String(ms(r.cold)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `  ${c.map((x, i) => x.padStart(widths[i])).join(' | ')}`;
  log('');
  log('  Opening the board (medians, ms; targets: live ≤ 1.2 × floor and < 150 ms at 200 drops,');
  log('  nav → live < 400 ms cold at 200 drops; least possible: floor plus painting the same');
  log("  board's HTML with no script, over the floor):");
  log(line(head));
  for (const c of cells) log(line(c));
}

/** Runs the section; returns named figures (ms, or MB for memory). */
export default async function boardBench({
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
  const summary = [];
  try {
    const script = await seedScript();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    for (const n of SIZES) {
      const seeder = await benchPage(context, base, script);
      const id = await seeder.evaluate((count) => window.cadenceBoardBench.seed(count), n);
      await seeder.close();

      const appFirst = [];
      const appOpen = [];
      const appIdb = [];
      const appRender = [];
      const fromNavigation = [];
      const firstFromNavigation = [];
      const mainFromNavigation = [];
      const floor = [];
      const decode = [];
      const appMarks = [];
      let bytes = 0;
      let cards = 0;
      for (let i = 0; i < OPENS; i++) {
        const raw = await benchPage(context, base, script);
        const r = await raw.evaluate((wsId) => window.cadenceBoardBench.rawLoad(wsId), id);
        if (r.drops !== n) log(`  warning: y-indexeddb loaded ${r.drops} drops, expected ${n}`);
        floor.push(r.ms);
        decode.push(r.decodeMs);
        bytes = r.bytes;
        await raw.close();

        const { page, marks } = await openBoard(context, base, id);
        appFirst.push(marks.firstPaint - marks.openRequested);
        appOpen.push(marks.boardReady - marks.openRequested);
        appIdb.push(marks.idbSynced - marks.openStart);
        appRender.push(marks.boardReady - marks.storeReady);
        appMarks.push(marks);
        fromNavigation.push(marks.boardReady);
        mainFromNavigation.push(marks.main);
        firstFromNavigation.push(marks.firstPaint);
        cards = marks.cards;
        await page.close();
      }
      // Cold: the app's scripts fetched and compiled again, as on the first start after an update.
      const coldFromNavigation = [];
      for (let i = 0; i < OPENS; i++) {
        const { page, marks } = await openBoard(context, base, id, { cold: true });
        coldFromNavigation.push(marks.boardReady);
        await page.close();
      }
      // Colder: a new browser on a new profile whose IndexedDB holds the workspace.
      const coldProfile = [];
      const profile = await seedProfile(executablePath, base, script, n);
      try {
        for (let i = 0; i < OPENS; i++)
          coldProfile.push(await coldOpen(executablePath, base, profile));
      } finally {
        await rm(profile.dir, { recursive: true, force: true });
      }
      summary.push({
        n,
        floor: median(floor),
        live: median(appOpen),
        render: median(appRender),
        nav: median(fromNavigation),
        cold: median(coldProfile),
        cards,
        parts: openParts(appMarks),
      });
      const label = `${n.toLocaleString('en')} drops`;
      figures[`open ${label}: open to first board paint (stored preview or live), median`] = ms(
        median(appFirst),
      );
      figures[`open ${label}: open to first board paint (stored preview or live), p95`] = ms(
        p95(appFirst),
      );
      figures[`open ${label}: IndexedDB to live board painted, median`] = ms(median(appOpen));
      figures[`open ${label}: IndexedDB to live board painted, p95`] = ms(p95(appOpen));
      figures[`open ${label}: of which y-indexeddb load inside the app, median`] = ms(
        median(appIdb),
      );
      figures[`open ${label}: of which store ready to board painted, median`] = ms(
        median(appRender),
      );
      for (const [part, t] of openParts(appMarks))
        figures[`open ${label}: part of the open, ${part}, median`] = ms(t);
      figures[`open ${label}: floor, bare y-indexeddb load, median`] = ms(median(floor));
      figures[`open ${label}: live board ÷ floor (×)`] =
        Math.round((median(appOpen) / median(floor)) * 100) / 100;
      figures[`open ${label}: of the floor, Yjs decoding the state alone, median`] = ms(
        median(decode),
      );
      figures[`open ${label}: navigation start to the app's code running, median`] = ms(
        median(mainFromNavigation),
      );
      figures[`open ${label}: navigation start to first board paint, median`] = ms(
        median(firstFromNavigation),
      );
      figures[`open ${label}: navigation start to live board painted, median`] = ms(
        median(fromNavigation),
      );
      figures[`open ${label}: navigation start to live board painted, cold cache, median`] = ms(
        median(coldFromNavigation),
      );
      figures[
        `open ${label}: navigation start to live board painted, cold (new browser and profile), median`
      ] = ms(median(coldProfile));
      log(
        `  (${label}: ${cards} cards in the DOM at first paint; document ${(bytes / 1e6).toFixed(2)} MB)`,
      );

      // CADENCE_BENCH_PROFILE_OPEN=prefix records one open per size for Chrome DevTools
      // (prefix-<drops>.cpuprofile), from the app's request to open to the live board.
      if (process.env.CADENCE_BENCH_PROFILE_OPEN) {
        const file = `${process.env.CADENCE_BENCH_PROFILE_OPEN}-${n}.cpuprofile`;
        await profileOpen(context, base, id, file);
        log(`  CPU profile of an open written to ${file}`);
      }
      const { page } = await openBoard(context, base, id);
      // Let the on-open compaction finish so the heap shows the settled board.
      await page.waitForTimeout(1000);
      figures[`memory ${label}: JS heap after open (MB)`] = await heapMB(context, page);
      const paintFloor = await boardPaintFloor(context, base, page);
      summary.at(-1).paintFloor = paintFloor;
      figures[`open ${label}: paint floor, the board's HTML with no script painted, median`] =
        ms(paintFloor);
      figures[`open ${label}: least live ÷ floor possible, (floor + paint floor) ÷ floor (×)`] =
        Math.round(((median(floor) + paintFloor) / median(floor)) * 100) / 100;
      if (n === 1000) {
        // CADENCE_BENCH_PROFILE=file.cpuprofile records the moves for Chrome DevTools.
        const profile = process.env.CADENCE_BENCH_PROFILE;
        const cdp = profile ? await context.newCDPSession(page) : null;
        if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
        const { commits, frames, misplaced } = await timeMoves(page);
        if (cdp) {
          const { profile: data } = await cdp.send('Profiler.stop');
          await writeFile(profile, JSON.stringify(data));
          log(`  CPU profile of the moves written to ${profile}`);
        }
        if (misplaced > 0) log(`  warning: ${misplaced} of ${MOVES} keyboard drops did not land`);
        figures[`move ${label}: keyboard drop to committed re-render, median`] = ms(
          median(commits),
        );
        figures[`move ${label}: keyboard drop to committed re-render, p95`] = ms(p95(commits));
        figures[`move ${label}: keyboard drop to next frame, median`] = ms(median(frames));
        figures[`move ${label}: keyboard drop to next frame, p95`] = ms(p95(frames));
        const gaps = await timeMouseDrag(page);
        figures[`move ${label}: mouse drag across columns, frame interval median`] = ms(
          median(gaps),
        );
        figures[`move ${label}: mouse drag across columns, frame interval p95`] = ms(p95(gaps));
      }
      await page.close();
    }
    // CADENCE_BENCH_AGED=0 skips the year-of-use workspace.
    if (process.env.CADENCE_BENCH_AGED !== '0') {
      Object.assign(figures, await agedBench(context, base, script, log));
    }
    for (const [k, v] of Object.entries(figures))
      log(`  ${k}: ${v}${/\((MB|KB|×)\)/.test(k) ? '' : ' ms'}`);
    logSummary(summary, log);
    logParts(summary, log);
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('Board (targets: open 5,000 drops < 250 ms; move commit < 16 ms at 1,000 drops)');
  await boardBench();
}
