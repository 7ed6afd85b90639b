// @ts-check
// The renderer's folder layers, in the spirit of VS Code's `code-import-patterns`: each folder of
// renderer/src lists the folders it may import from (an allow-list, so a new folder or a new
// shortcut between features is caught, not silently allowed). docs/architecture.md shows this
// table; test/unit/renderer/layers.test.ts checks that the two agree.
//
// This is a rule of its own, not `no-restricted-imports` options: ESLint replaces a rule's
// options per file instead of merging them, so a per-folder `no-restricted-imports` block would
// drop the renderer-wide restrictions (electron, the team server, Y.Map/Y.Array) for that folder.
import fs from 'node:fs';
import path from 'node:path';

/** Everything below renderer/src may import `shared/` (the domain layer, outside the renderer). */
const SHARED = 'shared';

// The lower layers every feature may use.
const FOR_FEATURES = ['state', 'ui', 'platform', 'workspace', SHARED];

/**
 * Folder of renderer/src (or `views/*`) → the folders it may import from, besides itself.
 * `*` means any folder: the composition root.
 * @type {Record<string, readonly string[] | '*'>}
 */
export const LAYERS = {
  // Entry point (main.tsx): mounts the app or a print page.
  main: '*',
  // The shell composes the features, so it may import any of them.
  app: '*',
  // Features: none imports another.
  board: FOR_FEATURES,
  'views/*': FOR_FEATURES,
  views: FOR_FEATURES,
  briefs: FOR_FEATURES,
  panel: FOR_FEATURES,
  results: FOR_FEATURES,
  history: FOR_FEATURES,
  // The sync panel and dialogs also drive their own engine.
  'sync/ui': [...FOR_FEATURES, 'sync'],
  // Shared layers, from the top down.
  state: ['sync', 'workspace', 'platform', SHARED],
  sync: ['workspace', 'platform', SHARED],
  workspace: ['platform', SHARED],
  platform: [SHARED],
  ui: [SHARED],
  styles: [],
};

/**
 * The layer a path inside renderer/src belongs to (`board`, `views/calendar`, `sync/ui`, …), as
 * named in LAYERS: `views/calendar` is matched by the `views/*` entry.
 * @param {string} rel a path relative to renderer/src, with forward slashes
 */
export function folderOf(rel) {
  const parts = rel.split('/');
  if (parts.length === 1) return parts[0] === '' ? '' : 'main';
  if (parts[0] === 'sync' && parts[1] === 'ui' && parts.length > 2) return 'sync/ui';
  if (parts[0] === 'views' && parts.length > 2) return `views/${parts[1]}`;
  return parts[0];
}

/** @param {string} folder */
function entryFor(folder) {
  if (folder in LAYERS) return LAYERS[folder];
  if (folder.startsWith('views/')) return LAYERS['views/*'];
  return undefined;
}

/** @param {string} folder a folder named in an allow-list (`views/*` allows every view) */
function allows(list, folder) {
  if (list === '*') return true;
  return list.some((a) => a === folder || (a === 'views/*' && folder.startsWith('views/')));
}

/**
 * Why importing `target` from a file in `from` breaks the layers, or null when it may.
 * Both are layer names from folderOf, or SHARED.
 * @param {string} from
 * @param {string} target
 */
export function layerViolation(from, target) {
  if (from === target) return null;
  const list = entryFor(from);
  if (list === undefined) {
    return `renderer/src/${from} has no entry in eslint/rendererLayers.mjs: add it there and to docs/architecture.md.`;
  }
  if (allows(list, target)) return null;
  const may = list === '*' ? 'anything' : list.length ? list.join(', ') : 'nothing';
  return `renderer/src/${from} may import only ${may} (see docs/architecture.md), not ${target}/.`;
}

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each renderer folder imports only the folders its layer allows.' },
    schema: [],
  },
  create(context) {
    const root = path.resolve(context.cwd, 'renderer/src');
    const sharedRoot = path.resolve(context.cwd, 'shared');
    const file = path.resolve(context.filename);
    const fromRel = path.relative(root, file);
    if (fromRel.startsWith('..') || path.isAbsolute(fromRel)) return {};
    const from = folderOf(fromRel.split(path.sep).join('/'));

    /** @param {any} node a string Literal naming a module */
    function check(node) {
      if (!node || typeof node.value !== 'string' || !node.value.startsWith('.')) return;
      let target = path.resolve(path.dirname(file), node.value);
      // `../state` names the folder's index file.
      if (fs.existsSync(target) && fs.statSync(target).isDirectory()) target += '/index';
      const rel = path.relative(root, target);
      let to;
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
        to = folderOf(rel.split(path.sep).join('/'));
      } else if (!path.relative(sharedRoot, target).startsWith('..')) {
        to = SHARED;
      } else {
        return; // outside renderer/src and shared/: the repository-wide rules judge it
      }
      const why = layerViolation(from, to);
      if (why) context.report({ node, message: why });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export const rendererLayersPlugin = { rules: { layers: layersRule } };
