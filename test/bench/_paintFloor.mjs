/* global document, performance, requestAnimationFrame, MessageChannel */ // browser globals inside page.evaluate callbacks
// The board's paint floor: the live board's own DOM, as HTML with the app's style sheets and no
// script, put into a blank page and painted. No implementation of the board can show the same
// cards for less, so the floor of y-indexeddb's load plus this is the least an open can take.
import { BENCH_PAGE, median } from './_support.mjs';

/** The live board in `page` as HTML, with its document's style sheets and attributes. */
function snapshotBoard(page) {
  return page.evaluate(() => ({
    body: document.body.innerHTML.replace(/<script[\s\S]*?<\/script>/g, ''),
    bodyClass: document.body.className,
    styles: [...document.querySelectorAll('link[rel="stylesheet"], style')]
      .map((el) => el.outerHTML)
      .join(''),
    rootAttributes: [...document.documentElement.attributes].map((a) => [a.name, a.value]),
  }));
}

/**
 * Times the snapshot into a blank page of the app's origin, from setting the HTML to the frame
 * that shows it painted, in the most favourable case: style sheets loaded, fonts loaded and the
 * same HTML painted once before in that page. Returns the median of `times` pages (ms).
 */
export async function boardPaintFloor(context, base, livePage, times = 5) {
  const snapshot = await snapshotBoard(livePage);
  const results = [];
  for (let i = 0; i < times; i++) {
    const page = await context.newPage();
    await page.goto(`${base}${BENCH_PAGE}`);
    results.push(
      await page.evaluate(async (s) => {
        for (const [name, value] of s.rootAttributes)
          document.documentElement.setAttribute(name, value);
        document.head.insertAdjacentHTML('beforeend', s.styles);
        await Promise.all(
          [...document.querySelectorAll('link[rel="stylesheet"]')]
            .filter((link) => !link.sheet)
            .map((link) => new Promise((resolve) => link.addEventListener('load', resolve))),
        );
        document.body.className = s.bodyClass;
        // As the app's afterNextPaint: a message posted from the frame's callback runs once it
        // has been painted.
        const painted = () =>
          new Promise((resolve) =>
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve();
              channel.port2.postMessage(null);
            }),
          );
        document.body.innerHTML = s.body;
        await painted();
        await document.fonts.ready;
        document.body.innerHTML = '';
        await painted();
        const t0 = performance.now();
        document.body.innerHTML = s.body;
        await painted();
        return performance.now() - t0;
      }, snapshot),
    );
    await page.close();
  }
  return median(results);
}
