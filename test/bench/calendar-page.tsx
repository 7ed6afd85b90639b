// Benchmark page for the calendar and timeline (bundled by calendar.mjs with esbuild and
// driven in Chromium). It renders the real views over an in-memory workspace.
import { createRoot, type Root } from 'react-dom/client';
import { Doc } from 'yjs';
import { addDaysTo, rescheduleDrop, todayIn } from '../../shared/cadence';
import {
  createUndoManager,
  initWorkspace,
  readStages,
  type DropFields,
  type DropId,
} from '../../shared/model';
import { createDropsInStage } from '../../shared/model/bulk';
import { WorkspaceStore } from '../../shared/store/workspaceStore';
import { WorkspaceProvider } from '../../renderer/src/state';
import type { OpenWorkspace } from '../../renderer/src/workspace';
import { CalendarView } from '../../renderer/src/views/calendar/CalendarView';
import { TimelineView } from '../../renderer/src/views/timeline/TimelineView';

type View = 'calendar' | 'timeline';

const TZ = 'UTC';
const today = todayIn(TZ);
const monthStart = `${today.slice(0, 7)}-01`;

/** A workspace with `total` drops: `inMonth` of them this month, the rest over 12 months. */
function workspace(total: number, inMonth: number): OpenWorkspace {
  const doc = new Doc();
  initWorkspace(doc, { name: 'Bench', timezone: TZ, cadence: { kind: 'weeks', every: 2 } });
  const stages = readStages(doc);
  const lists: Partial<DropFields>[][] = stages.map(() => []);
  for (let i = 0; i < total; i++) {
    const launch =
      i < inMonth ? addDaysTo(monthStart, i % 28) : addDaysTo(monthStart, -30 + ((i * 7) % 365));
    lists[i % stages.length]!.push({
      title: `Drop ${i + 1}`,
      narrative: i % 5 === 0 ? '' : 'One narrative.',
      shootDate: addDaysTo(launch, -8 + (i % 3)),
      publishDate: addDaysTo(launch, -1),
      dropDate: launch,
    });
  }
  stages.forEach((s, i) => createDropsInStage(doc, s.id, lists[i]!));
  const undoManager = createUndoManager(doc);
  const store = new WorkspaceStore(doc, undoManager);
  return {
    id: 'bench',
    doc,
    undoManager,
    store,
    compacted: Promise.resolve(0),
    destroy: async () => store.destroy(),
  };
}

const nextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

let root: Root | null = null;
let current: OpenWorkspace | null = null;

function render(ws: OpenWorkspace, view: View) {
  const noop = () => {};
  root!.render(
    <WorkspaceProvider ws={ws} onError={noop}>
      <div style={{ height: '100vh', display: 'flex' }}>
        {view === 'calendar' ? (
          <CalendarView selectedId={null} onOpenDrop={noop} onMessage={noop} />
        ) : (
          <TimelineView selectedId={null} onOpenDrop={noop} />
        )}
      </div>
    </WorkspaceProvider>,
  );
}

const api = {
  /** Mounts a view over a fresh workspace; returns ms from render call to the next paint. */
  async mount(view: View, total: number, inMonth: number): Promise<number> {
    root?.unmount();
    await current?.destroy();
    current = workspace(total, inMonth);
    const el = document.getElementById('root')!;
    root = createRoot(el);
    await nextPaint();
    const t0 = performance.now();
    render(current, view);
    await nextPaint();
    return performance.now() - t0;
  },
  /** Reschedules one drop as a drag's drop does; ms until its new place is painted. */
  async reschedule(view: View, i: number): Promise<number> {
    const drops = [...current!.store.getSnapshot().drops.values()]
      .filter((d) => d.dropDate && d.dropDate.startsWith(today.slice(0, 7)))
      .sort((a, b) => a.id.localeCompare(b.id));
    const d = drops[i % drops.length]!;
    const to = addDaysTo(d.dropDate!, i % 2 === 0 ? 1 : -1);
    const t0 = performance.now();
    rescheduleDrop(current!.doc, d.id as DropId, to, { moveDependents: true });
    // Wait for the commit that shows it, then for the paint after it.
    const sel =
      view === 'calendar'
        ? `.cal-day[data-day="${to}"] [data-drop-id="${d.id}"], .cal-day[data-day="${to}"] .cal-more`
        : `.tl-bar[data-drop-id="${d.id}"]`;
    while (!document.querySelector(sel)) await new Promise((r) => setTimeout(r, 0));
    await nextPaint();
    return performance.now() - t0;
  },
  /** Records input-to-next-frame for each pointer move until `stop` is called. */
  watchFrames(): void {
    const out: number[] = [];
    (window as unknown as { frames_: number[] }).frames_ = out;
    window.addEventListener(
      'pointermove',
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => out.push(performance.now() - t0), 0));
      },
      true,
    );
  },
};

(window as unknown as { bench: typeof api }).bench = api;
document.title = 'ready';
