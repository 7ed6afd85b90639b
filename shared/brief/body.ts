import * as Y from 'yjs';

/** A run of text with its marks, as the print view and the change list need it. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  code?: boolean;
  href?: string;
  /** A line break inside a paragraph. */
  br?: boolean;
}

/** A simple block model of the rich text (what the PDF renders; no editor types). */
export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'heading'; level: 1 | 2 | 3; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Block[][] }
  | { kind: 'tasks'; items: { checked: boolean; blocks: Block[] }[] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'image'; src: string; alt: string }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

type Node = Y.XmlElement | Y.XmlText;

// Overlapping marks are stored as `<name>--<hash>` by the editor binding.
const markName = (attr: string) => attr.replace(/--[a-zA-Z0-9+/=]{8}$/, '');

function inlinesOf(el: Y.XmlElement | Y.XmlFragment): Inline[] {
  const out: Inline[] = [];
  for (const child of el.toArray() as Node[]) {
    if (child instanceof Y.XmlText) {
      for (const d of child.toDelta() as {
        insert: unknown;
        attributes?: Record<string, unknown>;
      }[]) {
        if (typeof d.insert !== 'string') continue;
        const run: Inline = { text: d.insert };
        for (const [attr, value] of Object.entries(d.attributes ?? {})) {
          const name = markName(attr);
          if (name === 'bold') run.bold = true;
          else if (name === 'italic') run.italic = true;
          else if (name === 'strike') run.strike = true;
          else if (name === 'underline') run.underline = true;
          else if (name === 'code') run.code = true;
          else if (name === 'link') {
            const href = (value as { href?: unknown } | null)?.href;
            if (typeof href === 'string') run.href = href;
          }
        }
        out.push(run);
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      out.push({ text: '', br: true });
    }
  }
  return out;
}

function blocksOf(parent: Y.XmlElement | Y.XmlFragment): Block[] {
  const out: Block[] = [];
  for (const child of parent.toArray() as Node[]) {
    if (!(child instanceof Y.XmlElement)) continue;
    const block = blockOf(child);
    if (block) out.push(block);
  }
  return out;
}

function blockOf(el: Y.XmlElement): Block | null {
  switch (el.nodeName) {
    case 'paragraph':
      return { kind: 'paragraph', inlines: inlinesOf(el) };
    case 'heading': {
      const level = Number(el.getAttribute('level'));
      return {
        kind: 'heading',
        level: level === 1 || level === 2 ? level : 3,
        inlines: inlinesOf(el),
      };
    }
    case 'bulletList':
    case 'orderedList':
      return {
        kind: 'list',
        ordered: el.nodeName === 'orderedList',
        items: (el.toArray() as Node[])
          .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
          .map((li) => blocksOf(li)),
      };
    case 'taskList':
      return {
        kind: 'tasks',
        items: (el.toArray() as Node[])
          .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
          .map((li) => {
            const checked: unknown = li.getAttribute('checked');
            return { checked: checked === true || checked === 'true', blocks: blocksOf(li) };
          }),
      };
    case 'blockquote':
      return { kind: 'quote', blocks: blocksOf(el) };
    case 'image': {
      const src: unknown = el.getAttribute('src');
      const alt: unknown = el.getAttribute('alt');
      // Only images stored in the document (data URLs): a PDF never fetches remote content.
      if (typeof src !== 'string' || !src.startsWith('data:image/')) return null;
      return { kind: 'image', src, alt: typeof alt === 'string' ? alt : '' };
    }
    case 'codeBlock':
      return { kind: 'code', text: plainOf(inlinesOf(el)) };
    case 'horizontalRule':
      return { kind: 'rule' };
    default:
      // Unknown nodes from a newer app: keep their text rather than drop it.
      return { kind: 'paragraph', inlines: [{ text: el.toString().replace(/<[^>]*>/g, '') }] };
  }
}

/** The brief's rich text as blocks (pure read of the fragment). */
export function fragmentToBlocks(fragment: Y.XmlFragment): Block[] {
  return blocksOf(fragment);
}

export function plainOf(inlines: Inline[]): string {
  return inlines.map((i) => (i.br ? '\n' : i.text)).join('');
}

/** True when the rich text has no words and no pictures (an untouched brief). */
export function isBodyEmpty(blocks: Block[]): boolean {
  return blocksToLines(blocks).every((l) => l.trim() === '');
}

// A short, stable fingerprint for image data, so snapshots do not store the picture twice.
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** One readable line per paragraph, heading, item…: what the change list compares. */
export function blocksToLines(blocks: Block[], prefix = ''): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'paragraph':
        out.push(prefix + plainOf(b.inlines));
        break;
      case 'heading':
        out.push(`${prefix}${'#'.repeat(b.level)} ${plainOf(b.inlines)}`);
        break;
      case 'list':
        b.items.forEach((item, i) => {
          const [first = '', ...rest] = blocksToLines(item);
          out.push(`${prefix}${b.ordered ? `${i + 1}.` : '•'} ${first}`);
          out.push(...rest.map((l) => `${prefix}  ${l}`));
        });
        break;
      case 'tasks':
        for (const item of b.items) {
          const [first = '', ...rest] = blocksToLines(item.blocks);
          out.push(`${prefix}${item.checked ? '[x]' : '[ ]'} ${first}`);
          out.push(...rest.map((l) => `${prefix}  ${l}`));
        }
        break;
      case 'quote':
        out.push(...blocksToLines(b.blocks, `${prefix}> `));
        break;
      case 'image':
        out.push(`${prefix}[image${b.alt ? `: ${b.alt}` : ''} · ${fingerprint(b.src)}]`);
        break;
      case 'code':
        out.push(...b.text.split('\n').map((l) => `${prefix}    ${l}`));
        break;
      case 'rule':
        out.push(`${prefix}---`);
        break;
    }
  }
  return out;
}
