import { useEffect } from 'react';
import { PLAYBOOK_LABELS } from '../../../shared/playbook';
import type { DropResults } from '../../../shared/results';
import { useResultsWhenReady } from '../state';
import { counted, hours, money, pct } from '../ui/format';
import { yieldToWindow } from '../ui/yieldToWindow';

/** True for the playbook's Review stage (found by name, since stages are renamable). */
export const isReviewStage = (name: string) => /review/i.test(name);

/** Every drop's results, read once for the whole board (not once per card). */
export type CardResultsMap = ReadonlyMap<string, DropResults>;

/**
 * Hands the board every drop's results, and again after each change they depend on. Renders
 * nothing; the board mounts it (inside a QuietBoundary: results read the workspace's time zone)
 * after its first paint, only when a Review column has cards to show them on. The first
 * results are computed in slices: the board stays editable meanwhile.
 */
export function CardResultsFeed(props: { onResults: (results: CardResultsMap) => void }) {
  const { onResults } = props;
  const snap = useResultsWhenReady(yieldToWindow);
  useEffect(() => {
    if (snap) onResults(snap.results);
  }, [snap, onResults]);
  return null;
}

/** The guards a drop failed, in a word each (empty when none failed or none is known yet). */
function failedGuards(r: DropResults): string[] {
  const g = r.guards;
  const out: string[] = [];
  if (g.reserve.held === false || !g.reserve.plannedOk) out.push('reserve');
  if (g.retargeting.status === 'outside') out.push('ads');
  return out;
}

/**
 * A drop's results on its card, shown in the Review stage only, on one line (cards have a fixed
 * height): what a person scans the column for comes first, a failed guard and the return, then
 * conversions, turnaround, sell-through and repurchase interest. What does not fit the card's
 * width is left off whole (the Results view has every figure), never cut in half.
 */
export function CardResults(props: { results: DropResults }) {
  const r = props.results;
  const t = r.turnaround.drop;
  const failed = failedGuards(r);
  const guardsKnown = r.guards.reserve.held !== null;
  return (
    <span className="card-row card-results" data-testid="card-results">
      {failed.length > 0 && (
        <span
          className="is-bad"
          title={`Guards not held: ${failed.map((f) => (f === 'ads' ? `retargeting after ${PLAYBOOK_LABELS.retargeting}` : 'reserve')).join(', ')}`}
        >
          ✗ {failed.join(', ')}
        </span>
      )}
      {r.return.ratio !== null && (
        <span
          title={`Return ${money(r.return.net, r.currency)}: revenue ÷ costs`}
          className={r.return.ratio < 1 ? 'is-bad' : undefined}
        >
          {r.return.ratio.toFixed(2)}×
        </span>
      )}
      <span title="Creator-attributed orders and net revenue">
        {counted(r.conversions.orders, 'order', 'orders')} ·{' '}
        {money(r.conversions.revenue, r.currency)}
      </span>
      {t !== null && (
        <span
          title={`Shoot to publish (target ${PLAYBOOK_LABELS.turnaroundTarget})`}
          className={t > r.turnaround.targetHours ? 'is-bad' : undefined}
        >
          {hours(t)}
        </span>
      )}
      <span title={`Local sell-through in ${PLAYBOOK_LABELS.sellThrough}`}>
        {pct(r.sellThrough.pctOfStock)}
      </span>
      {r.repurchase.customers !== null && (
        <span
          title={`Repurchase interest: ${r.repurchase.customers} customers in ${PLAYBOOK_LABELS.repurchase}`}
        >
          ♥ {r.repurchase.customers}
        </span>
      )}
      {failed.length === 0 && guardsKnown && (
        <span title={`Guards held: reserve, retargeting inside ${PLAYBOOK_LABELS.retargeting}`}>
          ✓<span className="sr-only"> guards held</span>
        </span>
      )}
    </span>
  );
}
