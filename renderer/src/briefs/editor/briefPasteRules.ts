import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { BRIEF_TEXT_CEILING, briefTextOverLimit, isStoredImageSrc } from '../../../../shared/model';

/** Shown when pasted or dropped HTML holds pictures that live on the web. */
export const REMOTE_PICTURE_MESSAGE =
  'Pictures from the web are not added as links: save the picture, then paste or drop the file (it is stored in the brief, up to 1.5 MB).';

// Counts pictures in clipboard HTML that the picture node will not take (a remote address, or
// a data URL that is not a picture or is too large).
function refusedPictures(html: string): number {
  if (!html.includes('<img')) return 0;
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return [...parsed.images].filter((img) => !isStoredImageSrc(img.getAttribute('src'))).length;
}

// The brief's text length as a paste counts it (a break between blocks is one character). The
// node size bounds it above, so it is counted exactly only when that bound would not fit.
function textSize(view: EditorView, added: number): number {
  const doc = view.state.doc;
  if (doc.content.size + added <= BRIEF_TEXT_CEILING) return doc.content.size;
  return doc.textBetween(0, doc.content.size, '\n').length;
}

/**
 * Local counterparts of the update check's limits (docs/security.md): the brief's text stays
 * within its ceiling, and web pictures in pasted or dropped HTML are refused with a message
 * (the rest of the paste goes in).
 */
export function briefPasteRules(onMessage: (message: string) => void) {
  return Extension.create({
    name: 'briefPasteRules',
    addProseMirrorPlugins() {
      const refuse = (view: EditorView, added: number): boolean => {
        if (added <= 0) return false;
        const message = briefTextOverLimit(textSize(view, added), added);
        if (message === null) return false;
        onMessage(message);
        return true;
      };
      const warnPictures = (data: DataTransfer | null) => {
        if (refusedPictures(data?.getData('text/html') ?? '') > 0)
          onMessage(REMOTE_PICTURE_MESSAGE);
      };
      return [
        new Plugin({
          props: {
            handlePaste: (view, event, slice) => {
              if (refuse(view, slice.content.textBetween(0, slice.content.size, '\n').length)) {
                return true;
              }
              warnPictures(event.clipboardData);
              return false;
            },
            handleDrop: (view, event, slice) => {
              if (refuse(view, slice.content.textBetween(0, slice.content.size, '\n').length)) {
                return true;
              }
              warnPictures(event.dataTransfer);
              return false;
            },
            handleTextInput: (view, from, to, text) => refuse(view, text.length - (to - from)),
          },
        }),
      ];
    },
  });
}
