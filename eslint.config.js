// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { rendererLayersPlugin } from './eslint/rendererLayers.mjs';

// The layering rule (DESIGN.md): shared/ imports nothing platform-specific;
// renderer/ and electron/ never import each other.
const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'stream',
  'worker_threads',
].flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

// One store over the document (docs/architecture.md): the renderer reads the workspace through
// shared/store and writes it through shared/ functions. Only three places speak Yjs: the TipTap
// editor binding (TipTap binds the rich text to a Y.XmlFragment), renderer/src/workspace (opens,
// stores, copies and compacts documents) and the sync transport under renderer/src/sync (its
// wire format is Yjs updates and awareness).
const yjsSpeakers = [
  'renderer/src/briefs/editor/**',
  'renderer/src/workspace/**',
  'renderer/src/sync/**',
];
const yjsMessage =
  'Only the editor binding (briefs/editor), renderer/src/workspace and the sync transport ' +
  '(renderer/src/sync) touch Yjs: read the workspace through the store (useWorkspace, ' +
  'useBriefState) and write it through shared/ functions.';
const rendererImports = [
  { group: ['**/electron/**'], message: 'renderer/ never imports electron/.' },
  { group: ['../**/server/**'], message: 'renderer/ never imports the team server.' },
];
// What reaches into a Y type without importing yjs: its methods, internals, doc events and
// shared/model's `root` accessors.
const yjsTouches = [
  {
    selector:
      'MemberExpression[property.name=/^(getMap|getArray|getText|getXmlFragment|getXmlElement|transact|addToScope|changedParentTypes|_item)$/]',
    message: yjsMessage,
  },
  {
    selector:
      "CallExpression[callee.property.name=/^(on|off|once)$/][callee.object.name='doc'], CallExpression[callee.property.name=/^(on|off|once)$/][callee.object.property.name='doc']",
    message: yjsMessage,
  },
  {
    selector:
      "MemberExpression[object.name='root'][property.name=/^(meta|stages|drops|creators|briefs|briefBody)$/]",
    message: yjsMessage,
  },
];
const desktopBridge = {
  selector: "MemberExpression[object.name=/^(window|globalThis|self)$/][property.name='cadence']",
  message: 'The desktop is reached only through platform() in renderer/src/platform.',
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Build, test and benchmark scripts run on Node.
    files: ['scripts/**/*.{js,mjs}', 'test/**/*.{js,mjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
      },
    },
  },
  {
    // Benchmark sections hand functions to page.evaluate(): that code runs in the browser.
    files: ['test/bench/**/*.mjs'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        MessageChannel: 'readonly',
        requestAnimationFrame: 'readonly',
        getComputedStyle: 'readonly',
      },
    },
    // A section may still list them in a /* global */ comment.
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', ...nodeBuiltins].map((name) => ({
            name,
            message: 'shared/ is pure TypeScript: no Node, Electron or React imports.',
          })),
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**', '../**/server/**'],
              message: 'shared/ imports nothing above it.',
            },
            { group: ['react-dom/*', 'electron/*'], message: 'shared/ is platform-free.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ must not touch the DOM.' },
        { name: 'document', message: 'shared/ must not touch the DOM.' },
        { name: 'localStorage', message: 'shared/ must not touch the DOM.' },
        { name: 'process', message: 'shared/ must not use Node globals.' },
        { name: 'Buffer', message: 'shared/ must not use Node globals.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the desktop only through the preload bridge.',
            },
          ],
          patterns: [
            ...rendererImports,
            { group: ['yjs', 'yjs/*', 'y-*', 'lib0/*'], message: yjsMessage },
          ],
        },
      ],
    },
  },
  {
    // The three places that speak Yjs (see yjsSpeakers above).
    files: yjsSpeakers,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the desktop only through the preload bridge.',
            },
          ],
          patterns: rendererImports,
        },
      ],
    },
  },
  {
    // Feature folders don't import each other: each renderer folder imports only the folders its
    // layer allows (eslint/rendererLayers.mjs; the table is in docs/architecture.md).
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { cadence: rendererLayersPlugin },
    rules: { 'cadence/layers': 'error' },
  },
  {
    // The team server (npm run server): Node, layered like electron/ — it may use shared/.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'server/ never imports renderer/.' },
            { group: ['**/electron/**'], message: 'server/ never imports electron/.' },
          ],
        },
      ],
    },
  },
  {
    // One desktop bridge: only renderer/src/platform reads the preload's `window.cadence`.
    // No Y types outside the places that speak Yjs.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/platform/**', ...yjsSpeakers],
    rules: { 'no-restricted-syntax': ['error', desktopBridge, ...yjsTouches] },
  },
  {
    files: ['renderer/src/platform/**'],
    rules: { 'no-restricted-syntax': ['error', ...yjsTouches] },
  },
  {
    files: yjsSpeakers,
    rules: { 'no-restricted-syntax': ['error', desktopBridge] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' },
            { group: ['../**/server/**'], message: 'electron/ never imports the team server.' },
          ],
        },
      ],
    },
  },
);
