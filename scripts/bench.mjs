// `npm run bench`: performance figures in Chromium, one section per area (test/bench/*.mjs,
// each exporting `default async ({ executablePath, log }) => figures`). Prints figures and
// never fails on them; it fails only when a section cannot run at all.
// `npm run bench -- board calendar` runs only the named sections.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'test/bench');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

try {
  accessSync(executablePath, constants.X_OK);
} catch {
  console.error(
    `Chromium not found at ${executablePath}: install it with \`apt-get install -y chromium\`.`,
  );
  process.exit(1);
}

// Board first (the app's core), then the other areas in name order.
const wanted = process.argv.slice(2);
const sections = readdirSync(benchDir)
  .filter((f) => f.endsWith('.mjs') && !f.startsWith('_'))
  .map((f) => f.replace(/\.mjs$/, ''))
  .sort((a, b) => (a === 'board' ? -1 : b === 'board' ? 1 : a.localeCompare(b)))
  .filter((name) => wanted.length === 0 || wanted.includes(name));

let chromiumVersion = 'unknown';
try {
  chromiumVersion = execFileSync(executablePath, ['--version'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .toString()
    .trim();
} catch {
  // The version line is informative only.
}
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(' ');
console.log(`Cadence benchmark — ${chromiumVersion}, ${cpus().length} cores, load average ${load}`);
console.log('Figures are wall-clock times on this machine; other work on it inflates them.\n');

// The board and results sections run against the built renderer.
if (sections.includes('board') || sections.includes('results')) {
  console.log('Building the renderer (vite build)…');
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const results = {};
let crashed = 0;
for (const name of sections) {
  console.log(`\n== ${name} ==`);
  const started = performance.now();
  try {
    const { default: run } = await import(pathToFileURL(join(benchDir, `${name}.mjs`)).href);
    results[name] = await run({ executablePath, log: console.log });
  } catch (error) {
    crashed++;
    console.log(
      `  could not run: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
    );
  }
  console.log(`  (section took ${Math.round((performance.now() - started) / 1000)} s)`);
}

if (process.env.CADENCE_BENCH_JSON) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.CADENCE_BENCH_JSON, JSON.stringify(results, null, 2));
}
process.exitCode = crashed > 0 ? 1 : 0;
