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
import { CommandRegistry, CommandsProvider, WorkspaceProvider } from '../../renderer/src/state';
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
// The views run commands (the timeline's zoom) through the app's registry.
const commands = new CommandRegistry();

function render(ws: OpenWorkspace, view: View) {
  const noop = () => {};
  root!.render(
    <CommandsProvider registry={commands}>
      <WorkspaceProvider ws={ws} onError={noop}>
        <div style={{ height: '100vh', display: 'flex' }}>
          {view === 'calendar' ? (
            <CalendarView selectedId={null} onOpenDrop={noop} onMessage={noop} />
          ) : (
            <TimelineView selectedId={null} onOpenDrop={noop} onMessage={noop} />
          )}
        </div>
      </WorkspaceProvider>
    </CommandsProvider>,
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
  /** Reschedules one visible drop as a drag's drop does; ms until its new place is painted. */
  async reschedule(_view: View, i: number): Promise<number> {
    // A drop that is on screen (the timeline draws only bars near the visible area).
    const shown = [...document.querySelectorAll<HTMLElement>('[data-drop-id]')];
    const el = shown[(i * 7) % shown.length]!;
    const id = el.dataset.dropId as DropId;
    const d = current!.store.getSnapshot().drops.get(id)!;
    // Stay inside the month shown.
    const to = addDaysTo(d.dropDate!, Number(d.dropDate!.slice(8)) < 15 ? 1 : -1);
    // React's commit of the change is the first DOM mutation after the write.
    const committed = new Promise<void>((resolve) => {
      const obs = new MutationObserver(() => {
        obs.disconnect();
        resolve();
      });
      obs.observe(document.getElementById('root')!, {
        subtree: true,
        childList: true,
        attributes: true,
      });
    });
    const t0 = performance.now();
    rescheduleDrop(current!.doc, id, to, { moveDependents: true });
    await committed;
    await nextPaint();
    return performance.now() - t0;
  },
  /**
   * Records, for each pointer move, the main-thread time spent before the browser could
   * start the next frame: from the event to the end of the frame's rendering work.
   */
  watchFrames(): void {
    const work: number[] = [];
    const gaps: number[] = [];
    const w = window as unknown as { frames_: { work: number[]; gaps: number[] } };
    w.frames_ = { work, gaps };
    let last = 0;
    const tick = (t: number) => {
      if (last) gaps.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.addEventListener(
      'pointermove',
      () => {
        const t0 = performance.now();
        // React renders the drag's state change in a task right after the event; a message
        // posted now runs after it.
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const ch2 = new MessageChannel();
          ch2.port1.onmessage = () => work.push(performance.now() - t0);
          ch2.port2.postMessage(0);
        };
        ch.port2.postMessage(0);
      },
      true,
    );
  },
};

(window as unknown as { bench: typeof api }).bench = api;
document.title = 'ready';
