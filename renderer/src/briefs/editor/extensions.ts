import type { Extensions } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { StoredImage } from './storedImage';

/**
 * The brief's rich-text schema, used by the editor and by tests that write brief text.
 * - `undoRedo: false`: undo is per person through the collaboration extension (y-prosemirror).
 * - `trailingNode: false`: it appends an empty paragraph whenever the text ends in a list or
 *   a picture; with a shared document every peer that opens the brief would add one.
 * - Images live in the document as data URLs (no remote content in the app or the PDF): see
 *   `storedImage.ts`.
 */
export function briefSchemaExtensions(): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      trailingNode: false,
      heading: { levels: [1, 2, 3] },
      codeBlock: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
      },
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    StoredImage.configure({ allowBase64: true, inline: false }),
  ];
}
