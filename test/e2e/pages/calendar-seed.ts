// Injected into a page on the built app's origin by calendar-flags.e2e.ts: stores a workspace
// whose plan breaks the cadence many times over, through the app's own open (as a restore
// would), so the test can open it in the app.
import { addMonths, format, startOfMonth } from 'date-fns';
import { initWorkspace, readStages, type DropFields } from '../../../shared/model';
import { createDropsInStage } from '../../../shared/model/bulk';
import { createWorkspaceRecord, openWorkspace } from '../../../renderer/src/workspace';

declare global {
  interface Window {
    cadenceCalendarSeed: { seed(): Promise<string> };
  }
}

const day = (month: Date, n: number) =>
  format(new Date(month.getFullYear(), month.getMonth(), n), 'yyyy-MM-dd');

window.cadenceCalendarSeed = {
  /** 40 drops launching in pairs on 20 days of this month, 10 in pairs three months on. */
  async seed() {
    const record = createWorkspaceRecord('Crowded Plan');
    const thisMonth = startOfMonth(new Date());
    const later = addMonths(thisMonth, 3);
    const ws = await openWorkspace(record.id, {
      seed: (doc) => {
        initWorkspace(doc, { name: record.name });
        const stage = readStages(doc)[0]!;
        const list: Partial<DropFields>[] = [];
        for (let i = 0; i < 40; i++) {
          list.push({ title: `Now ${i + 1}`, dropDate: day(thisMonth, 1 + Math.floor(i / 2)) });
        }
        for (let i = 0; i < 10; i++) {
          list.push({ title: `Later ${i + 1}`, dropDate: day(later, 1 + Math.floor(i / 2)) });
        }
        createDropsInStage(doc, stage.id, list);
      },
    });
    await ws.compacted;
    await ws.destroy();
    return record.id;
  },
};
