// Bundles the Electron main process and preload with esbuild:
//   electron/main/index.ts    -> dist-electron/main.js     (ESM, Node platform)
//   electron/preload/index.ts -> dist-electron/preload.cjs (CommonJS: a sandboxed preload
//                                 cannot load ESM or other files, so it is one self-contained file)
// `electron` stays external: the runtime provides it.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist-electron');
const production = process.env.NODE_ENV === 'production';

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['electron'],
  absWorkingDir: root,
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: path.join(outDir, 'main.js'),
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Bundled CommonJS dependencies (ws) call require(); give the ESM bundle a real one.
    banner: {
      js: "import { createRequire as __cadenceCreateRequire } from 'node:module'; const require = __cadenceCreateRequire(import.meta.url);",
    },
    // Optional native speed-ups of ws; it works without them.
    external: ['electron', 'bufferutil', 'utf-8-validate'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'chrome140',
  }),
]);

// The window icon on Linux (macOS and Windows take it from the packaged app).
await copyFile(
  path.join(root, 'resources', 'icons', '512x512.png'),
  path.join(outDir, 'icon.png'),
).catch(() =>
  console.warn(
    'build-electron: resources/icons/512x512.png is missing; the window uses the default icon.',
  ),
);

console.log('build-electron: dist-electron/main.js and dist-electron/preload.cjs are ready.');
