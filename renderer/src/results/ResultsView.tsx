import { importLine } from './importLine';
import { PLAYBOOK_LABELS } from '../../../shared/playbook';
import { memo, useMemo, useState } from 'react';
import { dayInstant } from '../../../shared/cadence';
import {
  creatorLeaderboard,
  CROSS_DROP_LABELS,
  DEFAULT_RESULT_SETTINGS,
  CROSS_DROP_RULES,
  dropPoints,
  MULTI_TOUCH_LABELS,
  MULTI_TOUCH_RULES,
  rhythmDays,
  UNPAID_LABELS,
  UNPAID_RULES,
  updateResultSettings,
  type ResultSettings,
} from '../../../shared/results';
import { useBriefView, useCommands, useOpenWorkspace, useResults, useWorkspace } from '../state';
import { EmptyState } from '../ui/EmptyState';
import { count, counted, hours, money, pct, when } from '../ui/format';
import { HowCounted } from './HowCounted';
import { requestImport } from './importRequests';
import { useWorkspaceCurrency } from '../state/currency';
import './results.css';
import {
  LeaderboardChart,
  MIXED_CURRENCIES as MIXED,
  OverTimeChart,
  SellThroughChart,
  TurnaroundChart,
} from './ResultsCharts';
import { useStaggered } from '../ui/useStaggered';
import { printDropResults } from './print/exportResults';
import { useByName } from './useRecorder';

// Where a chart of sales would be, before any drop has launched.
const NOTHING_LAUNCHED =
  'No drop has launched yet: its orders and return show here from its launch.';
/** The drops the charts and the drops table show at once, the latest by launch. */
export const LATEST_DROPS_SHOWN = 50;

// Which version of its data each chart draws (an id per array), on the chart's card: charts
// redraw a task apart after a change, and a benchmark or test waits until every one has.
const revisions = new WeakMap<object, number>();
let lastRevision = 0;
const revisionOf = (data: object): number => {
  let rev = revisions.get(data);
  if (rev === undefined) revisions.set(data, (rev = ++lastRevision));
  return rev;
};

/**
 * The Results view: the cadence's return in charts, the creator leaderboard, and the rules.
 * Memoised: the workspace view re-renders for things this view does not show (undo becoming
 * possible, the sync status), and redrawing 200 drops and four charts for them took ~100 ms.
 */
export const ResultsView = memo(function ResultsView(props: {
  onOpenDrop: (id: string) => void;
  onMessage: (m: string) => void;
}) {
  const { onOpenDrop, onMessage } = props;
  const snap = useResults();
  const drops = useWorkspace((s) => s.drops);
  const meta = useWorkspace((s) => s.meta);
  const readOnly = useWorkspace((s) => s.readOnly);
  const ws = useOpenWorkspace();
  const commands = useCommands();
  const byName = useByName();
  // Drops still to launch are listed, not judged: no orders, sell-through or return yet.
  const now = useMemo(() => Date.now(), [snap]); // eslint-disable-line react-hooks/exhaustive-deps -- once per results
  const points = useMemo(
    () => dropPoints(snap.results.values(), (id) => drops.get(id as never)?.dropDate ?? null, now),
    [snap.results, drops, now],
  );
  // A long history shows its latest drops until asked for all: at 200 drops a bar is under
  // 3 px wide, and drawing every one made the view take twice as long to open.
  const [allDrops, setAllDrops] = useState(false);
  const shown = useMemo(
    () =>
      allDrops || points.length <= LATEST_DROPS_SHOWN ? points : points.slice(-LATEST_DROPS_SHOWN),
    [points, allDrops],
  );
  const launched = useMemo(() => shown.filter((p) => !p.upcoming), [shown]);
  // The cadence's beats across the launched drops (the chart draws those alone).
  const rhythm = useMemo(
    () => rhythmDays(launched, meta.cadence).map((d) => dayInstant(d, snap.timeZone)),
    [launched, meta.cadence, snap.timeZone],
  );
  const leaders = useMemo(
    () => creatorLeaderboard(snap.results.values(), now),
    [snap.results, now],
  );
  const launchedLeaders = useMemo(() => leaders.filter((r) => r.launched > 0), [leaders]);
  // After a change the tables and the first chart redraw at once, the other charts a task
  // apart: all four in one task held the window for over 100 ms after a large import.
  const leadersChart = useStaggered(launchedLeaders, 1);
  const turnaroundPoints = useStaggered(shown, 2);
  const sellThroughPoints = useStaggered(launched, 3);
  const currency = useWorkspaceCurrency();
  const [, setBriefView] = useBriefView();

  return (
    <section className="results-view" aria-label="Results" data-workspace-id={ws.id}>
      <header className="results-toolbar">
        <h1 className="view-title">Results</h1>
        <span className="results-counts" data-testid="results-counts">
          {counted(snap.orderCount, 'order', 'orders')} ·{' '}
          {counted(snap.eventCount, 'interest event', 'interest events')} imported
        </span>
        <button
          type="button"
          className="link-button results-currency"
          data-testid="results-currency"
          title="The workspace's currency is set in the brief template"
          onClick={() => setBriefView({ kind: 'template', back: null })}
        >
          Amounts in {currency}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={readOnly}
          onClick={() => requestImport({ kind: 'orders', file: null })}
        >
          Import orders…
        </button>
        <button
          type="button"
          className="button"
          disabled={readOnly}
          onClick={() => requestImport({ kind: 'events', file: null })}
        >
          Import clicks / wishlist…
        </button>
      </header>

      {points.length === 0 ? (
        <div className="results-empty" data-testid="results-empty">
          <EmptyState
            icon="chart"
            title="No drops with a launch date yet"
            actions={
              <button
                type="button"
                className="button button-primary"
                onClick={() => commands.run('view-calendar')}
              >
                Plan on the calendar
              </button>
            }
          >
            Results start when a drop has a drop date. Then import the shop&apos;s order export
            (Shopify &ldquo;Export orders&rdquo;, or any CSV you map once) — use the button above or
            drop the file anywhere on the window.
          </EmptyState>
        </div>
      ) : (
        <>
          {snap.orderCount === 0 && (
            <p className="results-hint results-banner">
              No orders imported yet: conversions, sell-through and return show zero until you
              import the shop&apos;s orders.
            </p>
          )}
          {points.length > LATEST_DROPS_SHOWN && (
            <p className="results-scope" data-testid="results-scope">
              {allDrops
                ? `Showing all ${points.length} drops.`
                : `Showing the latest ${LATEST_DROPS_SHOWN} of ${points.length} drops.`}{' '}
              <button type="button" className="link-button" onClick={() => setAllDrops(!allDrops)}>
                {allDrops ? `Only the latest ${LATEST_DROPS_SHOWN}` : `Show all ${points.length}`}
              </button>
            </p>
          )}
          <div className="results-grid" data-drops-shown={shown.length}>
            <figure className="results-card" data-chart="over-time" data-rev={revisionOf(launched)}>
              <figcaption>Attributed revenue and orders per drop · dashed: the cadence</figcaption>
              {launched.length ? (
                <OverTimeChart
                  points={launched}
                  rhythm={rhythm}
                  currency={currency}
                  width={560}
                  onOpen={onOpenDrop}
                />
              ) : (
                <p className="results-hint">{NOTHING_LAUNCHED}</p>
              )}
            </figure>
            <figure
              className="results-card"
              data-chart="leaderboard"
              data-rev={revisionOf(leadersChart)}
            >
              <figcaption>Creators by attributed revenue</figcaption>
              {leaders.length && !leadersChart.length ? (
                <p className="results-hint">{NOTHING_LAUNCHED}</p>
              ) : leadersChart.length ? (
                <LeaderboardChart
                  rows={leadersChart}
                  currency={currency}
                  width={560}
                  onOpen={onOpenDrop}
                />
              ) : (
                <p className="results-hint">No drop has a creator yet.</p>
              )}
            </figure>
            <figure
              className="results-card"
              data-chart="turnaround"
              data-rev={revisionOf(turnaroundPoints)}
            >
              <figcaption>
                Asset turnaround (shoot → publish) against {PLAYBOOK_LABELS.turnaroundTarget}
              </figcaption>
              {turnaroundPoints.some((p) => p.turnaround !== null) ? (
                <TurnaroundChart points={turnaroundPoints} width={560} onOpen={onOpenDrop} />
              ) : (
                <p className="results-hint">
                  No turnaround yet: record a drop&apos;s shoot and publishing in its Results
                  section.
                </p>
              )}
            </figure>
            <figure
              className="results-card"
              data-chart="sell-through"
              data-rev={revisionOf(sellThroughPoints)}
            >
              <figcaption>
                Local sell-through in {PLAYBOOK_LABELS.sellThrough} against target
              </figcaption>
              {sellThroughPoints.length ? (
                <SellThroughChart points={sellThroughPoints} width={560} onOpen={onOpenDrop} />
              ) : (
                <p className="results-hint">{NOTHING_LAUNCHED}</p>
              )}
            </figure>
          </div>

          <h2 className="results-h2">Creator leaderboard</h2>
          <table className="results-table" data-testid="leaderboard">
            <thead>
              <tr>
                <th>Creator</th>
                <th>Drops</th>
                <th>Orders</th>
                <th>Revenue</th>
                <th>Return</th>
                <th>Avg turnaround</th>
              </tr>
            </thead>
            <tbody>
              {leaders.map((r) => (
                <tr key={r.creatorId}>
                  <td>{r.name}</td>
                  <td>{r.drops}</td>
                  {r.launched === 0 ? (
                    <>
                      <td>—</td>
                      <td>Not launched yet</td>
                      <td>—</td>
                    </>
                  ) : (
                    <>
                      <td>{count(r.orders)}</td>
                      <td>{r.currency ? money(r.revenue, r.currency) : MIXED}</td>
                      <td>
                        {r.currency ? money(r.net, r.currency) : MIXED}
                        {r.ratio !== null && ` · ${r.ratio.toFixed(2)}×`}
                      </td>
                    </>
                  )}
                  <td>{hours(r.avgTurnaround)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2 className="results-h2">Drops</h2>
          <table className="results-table results-drops" data-testid="results-drops">
            <thead>
              <tr>
                <th>Drop</th>
                <th>Launch</th>
                <th>Orders</th>
                <th>Revenue</th>
                <th>Turnaround</th>
                <th>Sell-through</th>
                <th>Return</th>
                <th>
                  <span className="sr-only">PDF</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...shown].reverse().map((p) => (
                <tr key={p.dropId} data-drop-id={p.dropId}>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onOpenDrop(p.dropId)}
                    >
                      {p.title}
                    </button>
                  </td>
                  <td>
                    {when(p.launch, snap.timeZone, {
                      day: !drops.get(p.dropId as never)?.launchTime,
                    })}
                  </td>
                  <td>{p.upcoming ? '—' : count(p.orders)}</td>
                  <td>{p.upcoming ? 'Not launched yet' : money(p.revenue, p.currency)}</td>
                  <td>{hours(p.turnaround)}</td>
                  <td>{p.upcoming ? '—' : pct(p.sellThrough)}</td>
                  <td>
                    {p.upcoming ? (
                      '—'
                    ) : (
                      <>
                        {money(p.net, p.currency)}
                        {p.ratio !== null && ` · ${p.ratio.toFixed(2)}×`}
                      </>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        printDropResults({
                          workspaceId: ws.id,
                          dropId: p.dropId,
                          brand: meta.name,
                          title: p.title,
                        }).catch((e: unknown) =>
                          onMessage(e instanceof Error ? e.message : String(e)),
                        )
                      }
                    >
                      Results PDF
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <div className="results-columns">
        <RulesForm settings={snap.settings} readOnly={readOnly} onMessage={onMessage} />
        <div>
          <HowCounted settings={snap.settings} />
          <h2 className="results-h2">Imports</h2>
          {snap.imports.length === 0 ? (
            <p className="results-hint">Nothing imported yet.</p>
          ) : (
            <ul className="results-imports" data-testid="import-history">
              {snap.imports.slice(0, 20).map((i) => (
                <li key={i.id}>
                  {when(i.at, snap.timeZone)} · by {byName(i)} · {importLine(i)}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
});

function RulesForm(props: {
  settings: ResultSettings;
  readOnly: boolean;
  onMessage: (m: string) => void;
}) {
  const { settings, readOnly, onMessage } = props;
  const ws = useOpenWorkspace();
  // The list as stored, unless the person is editing it: an undo, a redo or a teammate's change
  // shows at once (the box kept what was typed, and leaving it saved that again).
  const storedPostcodes = settings.localPostcodes.join(', ');
  const [postcodesDraft, setPostcodesDraft] = useState<string | null>(null);
  // Whether the change was saved; a refused one is said in words.
  const save = (patch: Partial<ResultSettings>): boolean => {
    try {
      updateResultSettings(ws.doc, patch);
      return true;
    } catch (e) {
      const issue = (e as { issues?: { message: string }[] }).issues?.[0]?.message;
      onMessage(issue ?? (e instanceof Error ? e.message : String(e)));
      return false;
    }
  };
  return (
    <fieldset className="results-rules" disabled={readOnly}>
      <legend>Counting rules for this workspace</legend>
      <label>
        <span>Two codes, or a code and a link, on one order</span>
        <select
          className="input"
          value={settings.multiTouch}
          onChange={(e) => save({ multiTouch: e.target.value as ResultSettings['multiTouch'] })}
        >
          {MULTI_TOUCH_RULES.map((r) => (
            <option key={r} value={r}>
              {MULTI_TOUCH_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>A creator&apos;s code on another drop&apos;s product</span>
        <select
          className="input"
          value={settings.crossDrop}
          onChange={(e) => save({ crossDrop: e.target.value as ResultSettings['crossDrop'] })}
        >
          {CROSS_DROP_RULES.map((r) => (
            <option key={r} value={r}>
              {CROSS_DROP_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Orders awaiting payment</span>
        <select
          className="input"
          value={settings.unpaid}
          onChange={(e) => save({ unpaid: e.target.value as ResultSettings['unpaid'] })}
        >
          {UNPAID_RULES.map((r) => (
            <option key={r} value={r}>
              {UNPAID_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Local shipping postcodes (exact, or a prefix ending in *)</span>
        <input
          className="input"
          value={postcodesDraft ?? storedPostcodes}
          placeholder="10115, 102*"
          onChange={(e) => setPostcodesDraft(e.target.value)}
          onBlur={() => {
            if (postcodesDraft === null) return;
            const localPostcodes = postcodesDraft
              .split(/[,;\n]+/)
              .map((s) => s.trim())
              .filter(Boolean);
            // A list that cannot be saved stays in the box, with the message.
            if (save({ localPostcodes })) setPostcodesDraft(null);
          }}
        />
        <small>Applies to orders imported from now on (re-import to update older ones).</small>
      </label>
      <label>
        <span>Sell-through target when the brief names none (%)</span>
        <input
          className="input"
          type="number"
          min={0}
          max={100}
          key={settings.sellThroughTargetPct}
          defaultValue={settings.sellThroughTargetPct}
          onBlur={(e) => {
            // An emptied box is the default target again, not 0 % (as Number('') is).
            const raw = e.target.value.trim();
            const pct = raw === '' ? DEFAULT_RESULT_SETTINGS.sellThroughTargetPct : Number(raw);
            if (save({ sellThroughTargetPct: pct }) && raw === '') e.target.value = String(pct);
          }}
        />
      </label>
    </fieldset>
  );
}
