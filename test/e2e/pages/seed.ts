// Injected into a page on the built app's origin by `seedWorkspace` (test/e2e/support/seed.ts):
// stores a workspace through the app's own open (as a restore would), so a test can open a
// large or unusual plan in the app without building it through the UI.
import { addDays, addMonths, format, startOfMonth } from 'date-fns';
import {
  createCreator,
  initWorkspace,
  readStages,
  root,
  type DropFields,
} from '../../../shared/model';
import { createDropsInStage } from '../../../shared/model/bulk';
import { createWorkspaceRecord, openWorkspace } from '../../../renderer/src/workspace';

export interface Seeds {
  /** 40 drops launching in pairs on 20 days of this month, 10 in pairs three months on. */
  crowdedPlan(): Promise<string>;
  /** `n` drops launched one a week, the last one last week, titled "Drop 1" … "Drop n". */
  weeklyHistory(n: number): Promise<string>;
  /** A creator whose TikTok handle was saved before handles were checked (`handle`, raw). */
  savedHandle(name: string, handle: string): Promise<string>;
  /** A workspace `name` holding `drops` (their dates as given) in its first stage. */
  plannedDrops(name: string, drops: Partial<DropFields>[]): Promise<string>;
}

declare global {
  interface Window {
    cadenceSeed: Seeds;
  }
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const day = (month: Date, n: number) => iso(new Date(month.getFullYear(), month.getMonth(), n));

async function store(
  name: string,
  drops: Partial<DropFields>[],
  more?: (doc: Parameters<typeof initWorkspace>[0]) => void,
): Promise<string> {
  const record = createWorkspaceRecord(name);
  const ws = await openWorkspace(record.id, {
    seed: (doc) => {
      initWorkspace(doc, { name: record.name });
      createDropsInStage(doc, readStages(doc)[0]!.id, drops);
      more?.(doc);
    },
  });
  await ws.compacted;
  await ws.destroy();
  return record.id;
}

window.cadenceSeed = {
  crowdedPlan() {
    const thisMonth = startOfMonth(new Date());
    const later = addMonths(thisMonth, 3);
    return store('Crowded Plan', [
      ...Array.from({ length: 40 }, (_, i) => ({
        title: `Now ${i + 1}`,
        dropDate: day(thisMonth, 1 + Math.floor(i / 2)),
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        title: `Later ${i + 1}`,
        dropDate: day(later, 1 + Math.floor(i / 2)),
      })),
    ]);
  },
  weeklyHistory(n) {
    const now = new Date();
    return store(
      'Long History',
      Array.from({ length: n }, (_, i) => ({
        title: `Drop ${i + 1}`,
        dropDate: iso(addDays(now, -7 * (n - i))),
      })),
    );
  },
  savedHandle(name, handle) {
    return store('Saved Handles', [], (doc) => {
      const id = createCreator(doc, { name, platform: 'tiktok' });
      // Written as an older app or a file would have it, past today's check.
      root.creators(doc).get(id)!.set('handle:tiktok', handle);
    });
  },
  plannedDrops(name, drops) {
    return store(name, drops);
  },
};
