// Brief benchmark: the real brief editor and print view in Chromium over generated briefs.
// Prints figures, never fails on them. Run alone with `node test/bench/brief.mjs`, or as a
// section of `npm run bench`.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS as ARGS, bundlePage, median, ms, p95 } from './_support.mjs';

/** Runs the section; returns named figures in milliseconds. */
export default async function briefBench({
  executablePath = '/usr/bin/chromium',
  log = console.log,
} = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'cadence-bench-brief-'));
  const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
  try {
    await bundlePage(dir, 'brief-page', { '.woff2': 'file' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    page.on('pageerror', (e) => log(`  page error: ${e.message}`));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await page.waitForFunction(() => document.title === 'ready');
    const figures = {};

    // Open a brief with 20 pages of text (editor mounted, text painted).
    const opens = [];
    for (let i = 0; i < 5; i++) opens.push(await page.evaluate(() => window.bench.open(20)));
    figures['open a 20-page brief median'] = ms(median(opens));
    figures['open a 20-page brief p95'] = ms(p95(opens));

    // Type into the 20-page brief while a remote peer types every 50 ms.
    await page.evaluate(() => window.bench.startRemoteAndWatchKeys(50));
    await page.locator('.brief-prose p').first().click();
    await page.keyboard.press('End');
    for (let i = 0; i < 120; i++) await page.keyboard.type('x', { delay: 25 });
    await page.waitForTimeout(300);
    const keys = await page.evaluate(() => window.keys_);
    figures['keystroke to paint, remote peer typing, 20 pages median'] = ms(median(keys));
    figures['keystroke to paint, remote peer typing, 20 pages p95'] = ms(p95(keys));

    // PDF of a 4-page brief: print view ready (fonts in) plus Chromium's PDF generation.
    const pdfTimes = [];
    let pagesInPdf = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await page.evaluate(() => window.bench.print(3));
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      pdfTimes.push(performance.now() - t0);
      const file = join(dir, 'bench.pdf');
      await writeFile(file, pdf);
      try {
        pagesInPdf = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
      } catch {
        pagesInPdf = NaN; // pdfinfo missing: the timing still stands
      }
    }
    figures[`PDF of a ${pagesInPdf}-page brief median`] = ms(median(pdfTimes));
    figures[`PDF of a ${pagesInPdf}-page brief p95`] = ms(p95(pdfTimes));

    for (const [k, v] of Object.entries(figures)) log(`  ${k}: ${v} ms`);
    return figures;
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('Briefs (targets: keystroke to paint < 16 ms; PDF < 2 s)');
  await briefBench();
}
