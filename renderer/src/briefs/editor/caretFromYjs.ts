import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import {
  getItem,
  XmlText,
  type AbstractType,
  type Doc,
  type RelativePosition,
  type XmlFragment,
} from 'yjs';

// When a teammate's change arrives, the rich-text binding (@tiptap/y-tiptap 3.0.9) puts the
// caret back from Yjs relative positions: "right after the character it followed". Then
// `recoverSelectionEndpoint` second-guesses that answer whenever the caret's paragraph now
// reads differently, which every teammate's keystroke in it does, and matches paragraphs by
// their text instead. When the old text is a prefix of the new one it keeps the caret at the
// same offset, as if the teammate had typed after it. That is wrong when they typed before
// it: two people at the end of "Golden hour." each type a space, and the one whose space came
// second (in front of the other's) puts the other's caret back before their own space. Their
// next words go in front of it, and their space ends up after both people's words.
//
// The relative position is exact when the character the caret followed still exists in the
// same run of text, inside a paragraph that still exists: Yjs never moves a character, so
// "right after it" is where the person left off. Then this extension puts the caret there.
// Everything else (a caret at the very start of a paragraph, deleted text, moved or merged
// blocks, undo) stays with the binding's recovery, which was written for those cases.

type Mapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

interface Binding {
  doc: Doc;
  type: XmlFragment;
  mapping: Mapping;
  /** The selection as Yjs relative positions, taken before the transaction now applied. */
  beforeTransactionSelection: {
    type: string;
    anchor: RelativePosition | null;
    head: RelativePosition | null;
  } | null;
}

/** Where Yjs puts `rel` when that is exact (see above), else null. */
export function exactPosition(binding: Binding, rel: RelativePosition | null): number | null {
  if (!rel?.item) return null;
  let item;
  try {
    item = getItem(binding.doc.store, rel.item);
  } catch {
    return null; // not in this document (cannot happen for a position taken from it)
  }
  if (item.deleted || !(item.parent instanceof XmlText)) return null;
  for (let type = item.parent as AbstractType<unknown>; type !== binding.type;) {
    const holder = type._item;
    if (!holder || holder.deleted) return null;
    type = holder.parent as AbstractType<unknown>;
  }
  return relativePositionToAbsolutePosition(binding.doc, binding.type, rel, binding.mapping);
}

/** Keeps the caret right after the character it followed when a teammate's change arrives. */
export function caretFromYjs() {
  return Extension.create({
    name: 'caretFromYjs',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey('caretFromYjs'),
          appendTransaction(transactions, _old, state) {
            const remote = transactions.find((tr) => {
              const meta = tr.getMeta(ySyncPluginKey) as
                { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
              return tr.docChanged && meta?.isChangeOrigin && !meta.isUndoRedoOperation;
            });
            if (!remote || remote.doc !== state.doc) return null;
            const binding = (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)
              ?.binding;
            const before = binding?.beforeTransactionSelection;
            if (!binding || before?.type !== 'text') return null;
            const anchor = exactPosition(binding, before.anchor);
            const head = exactPosition(binding, before.head);
            if (anchor === null || head === null) return null;
            if (anchor === state.selection.anchor && head === state.selection.head) return null;
            const size = state.doc.content.size;
            if (Math.max(anchor, head) > size || Math.min(anchor, head) < 0) return null;
            const $anchor = state.doc.resolve(anchor);
            const $head = state.doc.resolve(head);
            if (!$anchor.parent.isTextblock || !$head.parent.isTextblock) return null;
            // Marked as the binding's own (drawn from Yjs), so it is not taken for a local edit.
            return state.tr
              .setSelection(TextSelection.between($anchor, $head))
              .setMeta(ySyncPluginKey, { isChangeOrigin: true })
              .setMeta('addToHistory', false);
          },
        }),
      ];
    },
  });
}
