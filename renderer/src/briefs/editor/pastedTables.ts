import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';

/** Put between a pasted table row's cells, so each row reads as one line. */
export const CELL_SEPARATOR = ' · ';

const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * Rewrites every table in pasted HTML as one paragraph per row, its cells joined by
 * `CELL_SEPARATOR` (`S · 96 cm · 68 cm`). The brief's text has no table node, and adding one
 * would leave teammates on an earlier version unable to show the brief, so without this a size
 * chart from a document or a sheet came in one cell per line, its rows lost.
 */
export function tablesAsLines(html: string): string {
  if (!/<table[\s>]/i.test(html)) return html;
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  // Innermost first, so a table inside a cell is read as that cell's text.
  const tables = [...parsed.querySelectorAll('table')].reverse();
  for (const table of tables) {
    const lines = [...table.rows]
      .map((row) =>
        [...row.cells]
          .map((cell) => collapse(cell.textContent))
          .filter((text) => text !== '')
          .join(CELL_SEPARATOR),
      )
      .filter((line) => line !== '');
    const replacement = parsed.createDocumentFragment();
    for (const line of lines) {
      const p = parsed.createElement('p');
      p.textContent = line;
      replacement.append(p);
    }
    table.replaceWith(replacement);
  }
  return parsed.body.innerHTML;
}

/**
 * The same for a table pasted as plain text (cells split by tabs, as sheets and editors copy
 * them): a line's cells are joined by `CELL_SEPARATOR`, which the PDF prints as the editor shows
 * it (a tab prints as one space).
 */
export function tabsAsSeparators(text: string): string {
  if (!text.includes('\t')) return text;
  return text
    .split(/\r?\n/)
    .map((line) =>
      line.includes('\t')
        ? line
            .split('\t')
            .map((cell) => cell.trim())
            .filter((cell) => cell !== '')
            .join(CELL_SEPARATOR)
        : line,
    )
    .join('\n');
}

/** Pasted or dropped tables keep their rows: one line per row, cells side by side. */
export function pastedTables() {
  return Extension.create({
    name: 'pastedTables',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          props: { transformPastedHTML: tablesAsLines, transformPastedText: tabsAsSeparators },
        }),
      ];
    },
  });
}
