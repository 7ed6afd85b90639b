import { describe, expect, it } from 'vitest';
import { cssString } from '../../../renderer/src/briefs/print/cssString';

// Reads a CSS string token back the way CSS Syntax 3 (§4.3.5, §4.3.7) does, refusing anything
// that would end the string early: an unescaped newline, quote or backslash at the end.
function readCssString(css: string): { value: string; rest: string } {
  if (css[0] !== '"') throw new Error('not a string');
  let value = '';
  let i = 1;
  while (i < css.length) {
    const ch = css[i]!;
    if (ch === '"') return { value, rest: css.slice(i + 1) };
    if (ch === '\n' || ch === '\r' || ch === '\f') throw new Error('bad string: newline');
    if (ch === '\\') {
      const hex = /^[0-9a-fA-F]{1,6}/.exec(css.slice(i + 1));
      if (!hex) throw new Error('escape must be hex here');
      i += 1 + hex[0].length;
      if (/[ \t\n]/.test(css[i] ?? '')) i++;
      const cp = parseInt(hex[0], 16);
      value +=
        cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)
          ? '\uFFFD'
          : String.fromCodePoint(cp);
      continue;
    }
    value += ch;
    i++;
  }
  throw new Error('unterminated string');
}

const HOSTILE = [
  'Linen\r} } .bp-two { display: none } @page { @bottom-left {',
  'Linen\f} } .bp-donts { display: none }',
  'Linen\n"; } body { display: none } x { content: "',
  'a\\"b;c{d}e/*f*/<g></style>h',
  'Café ü 😀 0 1 a',
  '\u0000\u0007\u007f\u0085\u2028\uD800',
];

describe('CSS strings from document text (the PDF running footer)', () => {
  it('only ever contains safe characters and hex escapes, and reads back as the text', () => {
    for (const text of HOSTILE) {
      const css = cssString(text);
      expect(css).toMatch(/^"(?:[A-Za-z0-9 ]|\\[0-9A-F]{1,6} )*"$/);
      const { value, rest } = readCssString(`${css}; }`);
      expect(rest).toBe('; }');
      const expected = text
        // eslint-disable-next-line no-control-regex -- control characters print as spaces
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
        .replace(/\p{Surrogate}/gu, '\uFFFD');
      expect(value).toBe(expected);
    }
  });

  it('keeps a hex digit or space after an escape as itself', () => {
    expect(readCssString(cssString('·a')).value).toBe('·a');
    expect(readCssString(cssString('· 1')).value).toBe('· 1');
    expect(readCssString(cssString('😀F')).value).toBe('😀F');
  });
});
