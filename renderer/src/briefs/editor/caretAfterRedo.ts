import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, Selection } from '@tiptap/pm/state';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';

// After a redo, the rich-text binding (@tiptap/y-tiptap 3.0.9) puts the caret back where it was
// before the undo, as Yjs relative positions. Those point into the text the undo removed, and
// Yjs brings text back as new characters, so the caret lands in front of what came back: type
// "Golden hour", pause, " on the quay", undo, redo, and the next "." made "Golden hour. on the
// quay" (tiptap issue 5910). ProseMirror's own history, like every text editor, leaves the caret
// at the end of what the redo changed; this extension does the same. Undo is left alone: the
// binding already puts the caret where the undone text was.

interface UndoState {
  undoManager: { redoing: boolean };
}

/** Leaves the caret at the end of what a redo brought back (or took away again). */
export function caretAfterRedo() {
  return Extension.create({
    name: 'caretAfterRedo',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey('caretAfterRedo'),
          appendTransaction(transactions, oldState, state) {
            // The redo arrives as the binding's own transaction, while the undo manager redoes.
            const undo = yUndoPluginKey.getState(state) as UndoState | undefined;
            if (!undo?.undoManager.redoing) return null;
            const fromRedo = transactions.some((tr) => {
              const meta = tr.getMeta(ySyncPluginKey) as
                { isUndoRedoOperation?: boolean } | undefined;
              return tr.docChanged && meta?.isUndoRedoOperation === true;
            });
            if (!fromRedo) return null;
            const end = oldState.doc.content.findDiffEnd(state.doc.content);
            if (!end) return null;
            const at = Selection.near(
              state.doc.resolve(Math.min(end.b, state.doc.content.size)),
              -1,
            );
            if (at.eq(state.selection)) return null;
            // Marked as the binding's own, so it is not taken for a local edit or an undo step.
            return state.tr
              .setSelection(at)
              .setMeta(ySyncPluginKey, { isChangeOrigin: true })
              .setMeta('addToHistory', false);
          },
        }),
      ];
    },
  });
}
