import { Extension } from '@tiptap/core';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import {
  createAbsolutePositionFromRelativePosition,
  XmlText,
  type Doc,
  type XmlFragment,
} from 'yjs';

// The rich-text binding (@tiptap/y-tiptap 3.0.9, like y-prosemirror) writes a local change to
// the shared text by diffing the paragraph's old and new strings (lib0's simpleDiff), not from
// where the person typed. A character equal to the one right of the caret is then stored
// *after* that character: a space typed in front of a teammate's space, the "a" of "apple" in
// front of the "a" of "alpha". The text reads the same, but the caret, kept as a position
// relative to the character on its left, now follows the teammate's character: the next
// keystrokes go in behind it and the person's own space is pushed to the end of the paragraph,
// after both people's words (docs/sync.md, "Two people typing at the end of one paragraph").
//
// So a plain insertion or deletion inside one run of text is written to Yjs here, at the
// position ProseMirror's step names, just before the binding diffs: its diff then finds the
// strings equal (or only formatting to align) and adds nothing. Anything else (pasting
// blocks, splitting paragraphs, changes made while the text was out of step) is left to the
// binding as before.

interface Binding {
  doc: Doc;
  type: XmlFragment;
  mapping: Parameters<typeof absolutePositionToRelativePosition>[2];
  _prosemirrorChanged(doc: PMNode): void;
}

interface TextEdit {
  /** The document before and after the edit. */
  before: PMNode;
  after: PMNode;
  from: number;
  /** Characters removed after `from` (a deletion) or 0. */
  removed: number;
  /** The text inserted at `from`, with its marks, or null for a deletion. */
  inserted: { text: string; marks: readonly Mark[] } | null;
}

/** The one plain text insertion or deletion a transaction makes, or null. */
export function plainTextEdit(tr: Transaction): TextEdit | null {
  if (tr.steps.length !== 1) return null;
  const step = tr.steps[0];
  if (!(step instanceof ReplaceStep)) return null;
  const { from, to, slice } = step;
  const $from = tr.before.resolve(from);
  if (!$from.parent.isTextblock || !$from.sameParent(tr.before.resolve(to))) return null;
  if (from === to) {
    if (slice.openStart !== 0 || slice.openEnd !== 0 || slice.content.childCount !== 1) return null;
    const node = slice.content.firstChild!;
    if (!node.isText || !node.text) return null;
    return {
      before: tr.before,
      after: tr.doc,
      from,
      removed: 0,
      inserted: { text: node.text, marks: node.marks },
    };
  }
  if (slice.size !== 0) return null;
  // Only text between the two ends: an inline node (a line break) is its own Yjs element.
  let onlyText = true;
  tr.before.nodesBetween(from, to, (node) => {
    if (node !== $from.parent && !node.isText) onlyText = false;
    return onlyText;
  });
  return onlyText
    ? { before: tr.before, after: tr.doc, from, removed: to - from, inserted: null }
    : null;
}

/** Yjs attributes of marks as y-tiptap stores them, or undefined when it hashes their names. */
function attributesOf(marks: readonly Mark[]): Record<string, unknown> | undefined {
  const attrs: Record<string, unknown> = {};
  for (const mark of marks) {
    // A mark that may overlap itself is stored under a hashed name: let the binding write it.
    if (!mark.type.excludes(mark.type)) return undefined;
    attrs[mark.type.name] = mark.attrs;
  }
  return attrs;
}

/** Where a ProseMirror position of the text falls in Yjs: its run of text and the index in it. */
function textAt(binding: Binding, pos: number): { text: XmlText; index: number } | null {
  const relative = absolutePositionToRelativePosition(pos, binding.type, binding.mapping);
  const absolute = createAbsolutePositionFromRelativePosition(relative, binding.doc);
  if (!absolute || !(absolute.type instanceof XmlText)) return null;
  return { text: absolute.type, index: absolute.index };
}

/** Writes `edit` to Yjs where ProseMirror made it; false when it cannot be placed exactly. */
function writeExactly(binding: Binding, edit: TextEdit): boolean {
  const start = textAt(binding, edit.from);
  if (!start) return false;
  if (edit.inserted) {
    start.text.insert(start.index, edit.inserted.text, attributesOf(edit.inserted.marks));
    return true;
  }
  const end = textAt(binding, edit.from + edit.removed);
  if (!end || end.text !== start.text || end.index - start.index !== edit.removed) return false;
  start.text.delete(start.index, edit.removed);
  return true;
}

/**
 * Writes each keystroke to the shared text where the person typed it (see above). Sits
 * beside Collaboration; with no collaboration plugin in the editor it does nothing.
 */
export function typedAtCaret() {
  return Extension.create({
    name: 'typedAtCaret',
    addProseMirrorPlugins() {
      // The document the shared text holds, as far as this editor knows, and the edit that
      // led from it to the current one.
      let mirrored: PMNode | null = null;
      let pending: TextEdit | null = null;
      return [
        new Plugin({
          key: new PluginKey('typedAtCaret'),
          appendTransaction(transactions, _old, state) {
            const fromYjs = transactions.some(
              (tr) =>
                (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)
                  ?.isChangeOrigin,
            );
            if (fromYjs) {
              // Drawn from Yjs (a teammate's change, undo, the first render): Yjs holds this.
              mirrored = state.doc;
              pending = null;
            } else {
              const changes = transactions.filter((tr) => tr.docChanged);
              if (changes.length > 0) {
                pending = changes.length === 1 ? plainTextEdit(changes[0]!) : null;
              }
            }
            return null;
          },
          view(view) {
            const binding = (
              ySyncPluginKey.getState(view.state) as { binding?: Binding } | undefined
            )?.binding;
            if (!binding) return {};
            const write = binding._prosemirrorChanged.bind(binding);
            // Runs inside the binding's own Yjs transaction (its origin, one undo step).
            binding._prosemirrorChanged = (doc: PMNode) => {
              const edit = pending;
              pending = null;
              if (edit && edit.before === mirrored && edit.after === doc) {
                binding.doc.transact(() => writeExactly(binding, edit), ySyncPluginKey);
              }
              write(doc);
              mirrored = doc;
            };
            return {
              // Back to the class's own method.
              destroy: () => void delete (binding as Partial<Binding>)._prosemirrorChanged,
            };
          },
        }),
      ];
    },
  });
}
