import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the ESLint config, without type declarations
import { LAYERS } from '../../../eslint/rendererLayers.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('renderer folder layers (the real ESLint config)', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  /** The `cadence/layers` messages for `code` as if it were the file at `filePath`. */
  async function layerErrors(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
    return result!.messages.filter((m) => m.ruleId === 'cadence/layers').map((m) => m.message);
  }

  it('stops a feature from importing another feature, whichever the import form', async () => {
    const errors = await layerErrors(
      'renderer/src/panel/Example.ts',
      [
        "import { BriefButton } from '../briefs/BriefsLayer';",
        "import type { Plan } from '../state/usePlan';",
        "export { ResultsView } from '../results/ResultsView';",
        "import '../views/calendar/calendar.css';",
        "export const lazy = () => import('../board/Board');",
      ].join('\n'),
    );
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/panel may import only state, ui, platform, workspace, shared/);
    expect(errors[0]).toMatch(/not briefs\//);
    expect(errors.join('\n')).toMatch(/not results\//);
    expect(errors.join('\n')).toMatch(/not views\/calendar\//);
    expect(errors.join('\n')).toMatch(/not board\//);
  });

  it('stops one view from importing another, and a feature from the sync engine', async () => {
    expect(
      await layerErrors(
        'renderer/src/views/timeline/Example.ts',
        "import { x } from '../calendar/usePlan';",
      ),
    ).toEqual([expect.stringMatching(/views\/timeline may import only .* not views\/calendar\//)]);
    expect(
      await layerErrors('renderer/src/board/Example.ts', "import { x } from '../sync/joining';"),
    ).toEqual([expect.stringMatching(/not sync\//)]);
  });

  it('lets features use the lower layers and their own files', async () => {
    const code = [
      "import { useWorkspace } from '../../state';",
      "import { Dialog } from '../../ui/Dialog';",
      "import { platform } from '../../platform/platform';",
      "import { appStorage } from '../../workspace';",
      "import type { Drop } from '../../../../shared/model';",
      "import { keyboard } from './keyboard';",
      "import { DayCell } from '../calendar/DayCell';",
    ].join('\n');
    const errors = await layerErrors('renderer/src/views/calendar/Example.ts', code);
    expect(errors).toEqual([]);
  });

  it('keeps the lower layers below the features', async () => {
    expect(
      await layerErrors('renderer/src/ui/Example.ts', "import { useWorkspace } from '../state';"),
    ).toEqual([expect.stringMatching(/ui may import only shared .* not state\//)]);
    expect(
      await layerErrors('renderer/src/state/Example.ts', "import { Board } from '../board/Board';"),
    ).toEqual([expect.stringMatching(/not board\//)]);
    expect(
      await layerErrors(
        'renderer/src/workspace/Example.ts',
        "import { x } from '../sync/joining';",
      ),
    ).toEqual([expect.stringMatching(/not sync\//)]);
  });

  it('lets the sync panel drive its engine, and the shell compose the features', async () => {
    expect(
      await layerErrors('renderer/src/sync/ui/Example.ts', "import { x } from '../WorkspaceSync';"),
    ).toEqual([]);
    expect(
      await layerErrors(
        'renderer/src/app/Example.ts',
        "import { Board } from '../board/Board';\nimport { DropPanel } from '../panel/DropPanel';",
      ),
    ).toEqual([]);
  });

  it('makes a new folder declare its layer before it imports anything', async () => {
    expect(
      await layerErrors('renderer/src/inbox/Example.ts', "import { x } from '../state';"),
    ).toEqual([expect.stringMatching(/inbox has no entry in eslint\/rendererLayers\.mjs/)]);
  });
});

describe('docs/architecture.md', () => {
  it("shows exactly the lint rule's table of the renderer's folders", () => {
    const doc = readFileSync(`${root}/docs/architecture.md`, 'utf8');
    const section = doc.split("### The renderer's folders")[1]!.split('\n## ')[0]!;
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => l.split('|').map((c) => c.trim()));
    const documented = Object.fromEntries(
      rows.map(([, folder, , may]) => {
        const name = folder!
          .replace(/`/g, '')
          .replace(/\/$/, '')
          .replace(/\.tsx$/, '');
        const list =
          may === 'anything'
            ? '*'
            : may === 'nothing'
              ? []
              : [...may!.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
        return [name, list];
      }),
    );
    const expected = Object.fromEntries(
      Object.entries(LAYERS as Record<string, readonly string[] | '*'>).map(([k, v]) => [
        k,
        v === '*' ? '*' : [...v],
      ]),
    );
    expect(documented).toEqual(expected);
  });
});
