// Renders icon.svg into the PNGs the app and its installers use:
//   resources/icon.png (1024×1024, macOS and Windows installers derive .icns/.ico from it)
//   resources/icons/<n>x<n>.png (Linux icon theme sizes; 512 is also the window icon)
// Run: node resources/icons/render-icons.mjs  (needs Chromium at /usr/bin/chromium or CHROMIUM_PATH)
/* global process, console -- a Node script */
import { chromium } from 'playwright-core';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = await readFile(path.join(here, 'icon.svg'), 'utf8');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of sizes) {
    // Small sizes drop the macOS-style margin so the mark stays legible in panels and tabs.
    const viewBox = size <= 48 ? '88 88 848 848' : '0 0 1024 1024';
    const sized = svg.replace(
      /width="1024" height="1024" viewBox="[^"]+"/,
      `width="${size}" height="${size}" viewBox="${viewBox}"`,
    );
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${sized}</body></html>`,
    );
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    await writeFile(path.join(here, `${size}x${size}.png`), png);
    if (size === 1024) await writeFile(path.join(here, '..', 'icon.png'), png);
  }
} finally {
  await browser.close();
}
console.log(`Rendered ${sizes.length} icon sizes and resources/icon.png.`);
