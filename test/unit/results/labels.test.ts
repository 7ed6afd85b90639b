import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The results' labels name the playbook's numbers through shared/playbook.ts (PLAYBOOK_LABELS),
// so a change to the playbook changes every label: no copy of "168 h", "72 h", "30 days" or
// "30 %" in the Results view, drop panel, Review cards, charts or PDF.
const DIRS = ['renderer/src/results', 'renderer/src/board/ReviewCardResults.tsx'];
const files = (dir: string): string[] =>
  statSync(dir).isFile()
    ? [dir]
    : readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
      });

describe('results labels', () => {
  it('read the playbook numbers from shared/playbook.ts', () => {
    const copies = DIRS.flatMap(files).flatMap((p) =>
      readFileSync(p, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${p}:${i + 1}`, line }))
        .filter(
          ({ line }) =>
            /\b(168 h|72 h|30 days|30 %)/.test(line) && !/^\s*(\/\/|\/\*|\*)/.test(line),
        )
        .map(({ where }) => where),
    );
    expect(copies).toEqual([]);
  });
});
