// `npm test`: unit + convergence tests (Vitest), then end-to-end tests (Playwright + Chromium).
// Output streams as it comes; the very last line is one summary, `N passed, M failed`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outDir = mkdtempSync(join(tmpdir(), 'cadence-tests-'));

const runs = [
  { name: 'unit and convergence', script: 'test:unit', report: join(outDir, 'unit.json') },
  { name: 'end-to-end', script: 'test:e2e', report: join(outDir, 'e2e.json') },
];

/** Runs an npm script with Vitest's JSON report added; resolves with its exit code. */
function runScript(script, report) {
  const args = [
    'run',
    script,
    '--',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  return new Promise((resolve) => {
    const child = spawn('npm', args, { stdio: 'inherit', env: process.env });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

function readCounts(report) {
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    return { passed: json.numPassedTests ?? 0, failed: json.numFailedTests ?? 0, found: true };
  } catch {
    return { passed: 0, failed: 0, found: false };
  }
}

let passed = 0;
let failed = 0;
const notes = [];
for (const run of runs) {
  console.log(`\n=== ${run.name} tests (npm run ${run.script}) ===\n`);
  const code = await runScript(run.script, run.report);
  const counts = readCounts(run.report);
  passed += counts.passed;
  failed += counts.failed;
  // A run that failed before or outside any test (build error, missing Chromium, crashed
  // worker) still counts as a failure, never as a pass.
  if (code !== 0 && counts.failed === 0) {
    failed += 1;
    notes.push(
      `${run.name} tests failed outside a test (exit code ${code}); see the output above.`,
    );
  } else if (code !== 0) {
    notes.push(`${run.name} tests: ${counts.failed} failed.`);
  }
}
rmSync(outDir, { recursive: true, force: true });

console.log('');
for (const note of notes) console.log(note);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
