import Image from '@tiptap/extension-image';
import { isStoredImageSrc } from '../../../../shared/model';

/**
 * The brief's picture node. A picture is always stored in the brief itself (a `data:image/…`
 * URL within the ceiling of `shared/model/limits.ts`); a remote address is never stored: pasted
 * or dropped HTML whose `<img>` points elsewhere yields no picture (the paste rules in
 * `briefPasteRules.ts` say why), and a remote address already in an old document is not drawn
 * (it would be fetched, and teammates' checks refuse it anyway).
 */
export const StoredImage = Image.extend({
  parseHTML() {
    return [
      {
        tag: 'img[src]',
        getAttrs: (el) => (isStoredImageSrc(el.getAttribute('src')) ? null : false),
      },
    ];
  },
  addAttributes() {
    const parent = this.parent?.() ?? {};
    return {
      ...parent,
      src: {
        default: null,
        renderHTML: (attrs: { src?: unknown }) =>
          isStoredImageSrc(attrs.src) ? { src: attrs.src } : { 'data-removed-src': '' },
      },
    };
  },
});
