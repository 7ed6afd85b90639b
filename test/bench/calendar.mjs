/* global window, document */ // browser globals inside page.evaluate callbacks
// Calendar and timeline benchmark: renders the real views in Chromium over generated
// workspaces and prints figures (it never fails on them). Run alone with
// `node test/bench/calendar.mjs`, or as a section of `npm run bench`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS as ARGS,
  TRACE_CATEGORIES,
  bundlePage,
  median,
  ms,
  p95,
} from './_support.mjs';

// Reschedules timed per view. A p95 of 30 was the second-slowest of them, so one slow frame
// moved it by 20 ms from run to run; of 100 it is the fifth-slowest.
const RESCHEDULES = Number(process.env.CADENCE_BENCH_RESCHEDULES ?? 100);

/** Runs the section; returns named figures in milliseconds. */
export default async function calendarBench({
  executablePath = '/usr/bin/chromium',
  log = console.log,
} = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'cadence-bench-calendar-'));
  const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
  try {
    await bundlePage(dir, 'calendar-page');
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    page.on('pageerror', (e) => log(`  page error: ${e.message}`));
    page.on('crash', () => log('  the page crashed'));
    page.on('console', (m) => m.type() === 'error' && log(`  console: ${m.text()}`));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await page.waitForFunction(() => document.title === 'ready');
    const figures = {};
    const runs = async (label, fn, n) => {
      const xs = [];
      for (let i = 0; i < n; i++) xs.push(await fn(i));
      figures[`${label} median`] = ms(median(xs));
      figures[`${label} p95`] = ms(p95(xs));
      return xs;
    };

    await runs(
      'month render, 200 drops in the month',
      () => page.evaluate(() => window.bench.mount('calendar', 200, 200)),
      7,
    );
    await runs(
      '12-month timeline render, 1,000 drops',
      () => page.evaluate(() => window.bench.mount('timeline', 1000, 0)),
      7,
    );

    // CADENCE_BENCH_PROFILE=prefix records the reschedules of each view for DevTools: a CPU
    // profile (prefix-<view>.cpuprofile) and a trace with style, layout and paint
    // (prefix-<view>.trace.json).
    const profile = process.env.CADENCE_BENCH_PROFILE;
    for (const view of ['calendar', 'timeline']) {
      await page.evaluate((v) => window.bench.mount(v, 1000, 200), view);
      const recording = profile ? await record(page, `${profile}-${view}`) : null;
      const label = `${view} reschedule to repaint, 1,000 drops`;
      const xs = await runs(
        label,
        (i) => page.evaluate(({ v, k }) => window.bench.reschedule(v, k), { v: view, k: i }),
        RESCHEDULES,
      );
      // The first reschedule after the view opens runs code V8 has not compiled yet; it is in
      // the median and p95 above, and shown on its own.
      figures[`${label}, the first after the view opens`] = ms(xs[0]);
      if (recording) log(`  recorded the ${view} reschedules: ${await recording.stop()}`);
    }

    // A mouse drag across the month with 200 drops in it: input to next frame per move.
    await page.evaluate(() => window.bench.mount('calendar', 1000, 200));
    await page.evaluate(() => window.bench.watchFrames());
    const chip = page.locator('.cal-chip').first();
    const box = await chip.boundingBox();
    await page.mouse.move(box.x + 10, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(box.x + 30, box.y + 5, { steps: 2 });
    for (let i = 0; i < 60; i++) {
      await page.mouse.move(box.x + 30 + ((i * 37) % 900), box.y + 5 + ((i * 53) % 500), {
        steps: 1,
      });
    }
    await page.keyboard.press('Escape');
    await page.mouse.up();
    const { work, gaps } = await page.evaluate(() => window.frames_);
    figures['drag: work per pointer move, 200 drops in the month median'] = ms(median(work));
    figures['drag: work per pointer move, 200 drops in the month p95'] = ms(p95(work));
    figures['drag: frame interval during the drag p95'] = ms(p95(gaps));

    for (const [k, v] of Object.entries(figures)) log(`  ${k}: ${v} ms`);
    return figures;
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(
    'Calendar and timeline (targets: < 16 ms per drag frame, < 100 ms drop to repaint at 1,000 drops)',
  );
  await calendarBench();
}

/** Starts a CPU profile and a trace of `page`; `stop()` writes both beside `prefix`. */
async function record(page, prefix) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const browser = page.context().browser();
  await browser.startTracing(page, { path: `${prefix}.trace.json`, categories: TRACE_CATEGORIES });
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(`${prefix}.cpuprofile`, JSON.stringify(profile));
      await browser.stopTracing();
      await cdp.detach();
      return `${prefix}.cpuprofile, ${prefix}.trace.json`;
    },
  };
}
