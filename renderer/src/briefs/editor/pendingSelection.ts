import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { Doc } from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

// ProseMirror learns of a caret move (Home, an arrow, a click) from the browser's
// "selectionchange" event, a task after the move. A teammate's edit, or the redraw of their
// caret, that lands in between makes the view write the caret it still knows back into the
// page: the person's move is undone. So the DOM selection is read as a teammate's edit starts,
// and just before their carets are redrawn. It is read before each key is handled too:
// ProseMirror reads only the DOM changes it has already been told of, so a key pressed in
// the same breath as a caret move (End, then Enter at once, or keys queued while the machine
// is busy) acted on the selection before the move, and Enter replaced a selected line.
//
// Order matters. The sync plugin records the caret it restores after an edit in its own
// "beforeAllTransactions" listener, and the caret plugin redraws on a timer it sets when
// presence changes. This extension sits ahead of Collaboration (priority 1000) and
// CollaborationCaret (999), so its listeners, and so its timer, come first.

interface DomObserver {
  forceFlush(): void;
  flush(): void;
}

/** Reads into the editor a selection the page has and ProseMirror has not heard of yet. */
export function flushPendingSelection(view: EditorView) {
  if (view.isDestroyed || !view.hasFocus()) return;
  // `domObserver` is ProseMirror's own reader of DOM changes, with no public API. These are
  // the calls ProseMirror makes itself before it handles a key or a composition: the first
  // runs a read it had postponed, the second reads a selection it has not heard of yet.
  const observer = (view as unknown as { domObserver: DomObserver }).domObserver;
  observer.forceFlush();
  observer.flush();
}

export function readPendingSelection(doc: Doc, awareness: Awareness | null) {
  return Extension.create({
    name: 'readPendingSelection',
    priority: 1001,
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey('readPendingSelection'),
          props: {
            handleDOMEvents: {
              // Runs before ProseMirror's own key handling; 229 is a key inside a composition.
              keydown: (view, event) => {
                if (!view.composing && event.keyCode !== 229) flushPendingSelection(view);
                return false;
              },
            },
          },
          view(view) {
            const beforeTransactions = () => {
              if (doc._transaction?.local === false) flushPendingSelection(view);
            };
            const beforeCarets = (_change: unknown, origin: unknown) => {
              if (origin !== 'local') setTimeout(() => flushPendingSelection(view), 0);
            };
            doc.on('beforeAllTransactions', beforeTransactions);
            awareness?.on('change', beforeCarets);
            return {
              destroy: () => {
                doc.off('beforeAllTransactions', beforeTransactions);
                awareness?.off('change', beforeCarets);
              },
            };
          },
        }),
      ];
    },
  });
}
