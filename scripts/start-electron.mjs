// Runs the built desktop app with the Electron binary. The `electron` package downloads its
// binary lazily; where that is impossible (no network, a locked-down machine) this says so
// plainly and points to the browser build of the same renderer instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

/** The Electron executable if it is installed, else null. Never triggers a download. */
function findElectronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (!relative) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

/** Runs the electron package's own installer once; returns a one-line reason when it fails. */
function tryInstallElectron() {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) return 'the electron package is not installed (run npm install).';
  console.log('Cadence: the Electron binary is not installed yet; trying to download it once…');
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 5 * 60_000,
  });
  if (result.status === 0) return null;
  if (result.error) return result.error.message;
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const firstLine = output
    .split('\n')
    .find((line) => line.trim() && !line.trim().startsWith('at '));
  return firstLine ? firstLine.trim() : `the installer exited with code ${result.status}`;
}

function fail(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

for (const [file, hint] of [
  ['dist/index.html', 'npm run build'],
  ['dist-electron/main.js', 'npm run build:electron'],
]) {
  if (!existsSync(path.join(root, file))) {
    fail([`Cadence: ${file} is missing. Build the app first: ${hint} (npm start does both).`]);
  }
}

let binary = findElectronBinary();
if (!binary) {
  const reason = tryInstallElectron();
  binary = findElectronBinary();
  if (!binary) {
    fail([
      '',
      'Cadence: the desktop binary (Electron) could not be downloaded on this machine.',
      ...(reason ? [`  Reason: ${reason}`] : []),
      '',
      '  The same app runs in your browser:  npm run web',
      '  (then open http://localhost:5173). Your workspaces there are kept by the browser.',
      '',
      '  To get the desktop app, run `npm start` again where the network reaches',
      '  github.com, or set ELECTRON_MIRROR to a mirror you can reach.',
      '',
    ]);
  }
}

const child = spawn(binary, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  windowsHide: false,
});
child.on('error', (error) =>
  fail([`Cadence: could not start Electron (${binary}): ${error.message}`]),
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
