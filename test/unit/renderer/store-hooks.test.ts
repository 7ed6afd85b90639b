import * as Y from 'yjs';
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createUndoManager, initWorkspace } from '../../../shared/model';
import type { WorkspaceSnapshot } from '../../../shared/store/workspaceStore';
import { WorkspaceStore } from '../../../shared/store/workspaceStore';
import { useWorkspace, WorkspaceProvider } from '../../../renderer/src/state';
import type { OpenWorkspace } from '../../../renderer/src/workspace';

// What openWorkspace builds in development and tests: a store that refuses unstable selectors.
function workspace(): OpenWorkspace {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Saltmarsh' });
  const undoManager = createUndoManager(doc);
  return {
    id: 'w_test',
    doc,
    undoManager,
    store: new WorkspaceStore(doc, undoManager, { strictSelectors: true }),
    compacted: Promise.resolve(0),
    destroy: async () => {},
  };
}

function render<T>(selector: (s: WorkspaceSnapshot) => T): string {
  function Probe(): ReactNode {
    return JSON.stringify(useWorkspace(selector));
  }
  return renderToString(
    createElement(WorkspaceProvider, {
      ws: workspace(),
      onError: () => {},
      children: createElement(Probe),
    }),
  );
}

describe('useWorkspace', () => {
  it('renders what a stable selector picks from the snapshot', () => {
    expect(render((s) => s.meta.name)).toContain('Saltmarsh');
    expect(render((s) => s.creatorNames.size)).toBe('0');
  });

  it('fails the render when a selector builds a new object on every read', () => {
    expect(() => render((s) => ({ name: s.meta.name }))).toThrow(/new value for an unchanged/);
    expect(() => render((s) => s.board.map((c) => c.stage.name))).toThrow(
      /new value for an unchanged/,
    );
  });
});
