import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The print pages' emoji font (renderer/src/ui/print/emoji.css) declares the subsets of the
// installed @fontsource/noto-emoji itself, woff2 only. When an update of the package changes its
// subsets, this says so: copy the new ranges and files from the package's 400.css.

const require = createRequire(import.meta.url);
const read = (path: string) => readFileSync(path, 'utf8');

/** file name → unicode-range (lower case, no spaces) of each @font-face in a stylesheet. */
function faces(css: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [block] of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    const file = /noto-emoji-[\w-]+\.woff2/.exec(block)?.[0];
    const range = /unicode-range:([^;]*);/.exec(block)?.[1];
    if (file && range) out.set(file, range.replace(/\s+/g, '').toLowerCase());
  }
  return out;
}

describe('the emoji font of the print pages', () => {
  const ours = read('renderer/src/ui/print/emoji.css');

  it('declares every subset of the installed package, with its ranges', () => {
    const pkg = read(require.resolve('@fontsource/noto-emoji/400.css'));
    expect(faces(pkg).size).toBeGreaterThan(0);
    expect(faces(ours)).toEqual(faces(pkg));
  });

  it('is one family, blocks while loading and links no .woff copies', () => {
    const blocks = [...ours.matchAll(/@font-face\s*\{[^}]*\}/g)].map(([b]) => b);
    for (const block of blocks) {
      expect(block).toContain("font-family: 'Cadence Emoji';");
      expect(block).toContain('font-display: block;');
    }
    expect(ours).not.toMatch(/\.woff['")]/);
  });

  it('comes after the text fonts in every print font stack', () => {
    for (const path of [
      'renderer/src/briefs/print/print.css',
      'renderer/src/results/print/print.css',
    ]) {
      const stacks = [...read(path).matchAll(/font-family:([^;]*);/g)].map(([, s]) => s!.trim());
      expect(stacks.length).toBeGreaterThan(0);
      for (const stack of stacks) {
        const families = stack.split(',').map((f) => f.trim());
        const emoji = families.indexOf("'Cadence Emoji'");
        expect(emoji, `${path}: ${stack}`).toBeGreaterThan(0);
        // Generic families come last: sans-serif or serif after it would win over it for the
        // symbols a machine's default font happens to have.
        expect(emoji, `${path}: ${stack}`).toBe(families.length - 2);
      }
    }
  });
});
