import { PLAYBOOK_LABELS } from '../../../../shared/playbook';
import { useEffect, useState } from 'react';
import { dayInstant } from '../../../../shared/cadence';
import { readDrops, readMeta, type Cadence } from '../../../../shared/model';
import {
  dropPoints,
  readResults,
  rhythmDays,
  readResultSettings,
  type DropPoint,
  type DropResults,
  type ResultSettings,
} from '../../../../shared/results';
import { PRINT_READY_ATTRIBUTE } from '../../../../shared/ipc/contract';
import { readStoredWorkspace } from '../../workspace/readStored';
import { HowCounted } from '../HowCounted';
import { MetricList } from '../MetricList';
import { OverTimeChart, TurnaroundChart } from '../ResultsCharts';
import { launchWhen, when } from '../../ui/format';
import type { ResultsPrintRoute } from './route';
import '../../ui/print/fonts.css';
import '../results.css';
import './print.css';

interface Model {
  brand: string;
  r: DropResults;
  points: DropPoint[];
  rhythm: number[];
  shots: DropPoint[];
  tz: string;
  settings: ResultSettings;
  cadence: Cadence;
}

function loadModel(route: ResultsPrintRoute): Promise<Model> {
  return readStoredWorkspace(route.workspaceId, (doc) => {
    const meta = readMeta(doc);
    const results = readResults(doc);
    const r = results.get(route.dropId);
    if (!r) throw new Error('This drop is not in the workspace on this machine.');
    const days = new Map(readDrops(doc).map((d) => [d.id as string, d.dropDate]));
    // The drops launched so far: one still to come has no revenue to draw yet.
    const points = dropPoints(results.values(), (id) => days.get(id) ?? null).filter(
      (p) => !p.upcoming,
    );
    const rhythm = rhythmDays(points, meta.cadence).map((d) => dayInstant(d, meta.timezone));
    // The drop's own turnaround: one bar per shot and one for publishing.
    const shots = (
      [
        ['Hero', r.turnaround.shots.hero],
        ['Lifestyle', r.turnaround.shots.lifestyle],
        ['Detail', r.turnaround.shots.detail],
        ['Published', r.turnaround.drop],
      ] as const
    ).map(([title, h]) => ({ ...(points[0] as DropPoint), dropId: '', title, turnaround: h }));
    return {
      brand: meta.name,
      r,
      points,
      rhythm,
      shots,
      tz: meta.timezone,
      settings: readResultSettings(doc),
      cadence: meta.cadence,
    };
  });
}

/** The one-page results report of a drop, for the PDF printer or the browser's print. */
export function PrintResultsPage({ route }: { route: ResultsPrintRoute }) {
  const [model, setModel] = useState<Model | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.documentElement.classList.add('print-mode');
    let live = true;
    loadModel(route).then(
      (m) => live && setModel(m),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [route]);
  useEffect(() => {
    if (!model) return;
    document.title = `${model.r.title} — results`;
    let live = true;
    void document.fonts.ready.then(() => {
      if (!live) return;
      document.documentElement.setAttribute(PRINT_READY_ATTRIBUTE, 'true');
      if (route.autoprint) window.print();
    });
    return () => {
      live = false;
    };
  }, [model, route.autoprint]);

  if (error) return <p className="print-error">{error}</p>;
  if (!model) return <p className="print-loading">Preparing the results…</p>;
  const { r } = model;
  const win = r.conversions.window;
  return (
    <article className="results-print">
      <header>
        <p className="results-print-brand">{model.brand}</p>
        <h1>{r.title} — results</h1>
        <p>
          {r.creatorName ? `With ${r.creatorName}. ` : ''}
          {r.launch === null
            ? 'No launch date. '
            : `${r.launch > Date.now() ? 'Launches' : 'Launched'} ${launchWhen(r.launch, model.tz)}. `}
          {win &&
            `Attribution window ${when(win.start, model.tz)} – ${when(win.end, model.tz)} (${model.tz}).`}
        </p>
      </header>
      <MetricList r={r} tz={model.tz} />
      <div className="results-print-charts">
        <figure>
          <figcaption>
            Turnaround from the shoot (hours) against {PLAYBOOK_LABELS.turnaroundTarget}
          </figcaption>
          {r.turnaround.drop !== null ||
          Object.values(r.turnaround.shots).some((h) => h !== null) ? (
            <TurnaroundChart points={model.shots} width={330} height={170} />
          ) : (
            <p>No shoot or delivery recorded.</p>
          )}
        </figure>
        <figure>
          <figcaption>Attributed revenue per drop · dashed: the cadence</figcaption>
          {model.points.length ? (
            <OverTimeChart
              points={model.points}
              rhythm={model.rhythm}
              currency={r.currency}
              width={330}
              height={170}
            />
          ) : (
            <p>No launched drops.</p>
          )}
        </figure>
      </div>
      <HowCounted settings={model.settings} open />
    </article>
  );
}
