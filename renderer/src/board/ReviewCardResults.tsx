import { useEffect } from 'react';
import { PLAYBOOK_LABELS } from '../../../shared/playbook';
import type { DropResults } from '../../../shared/results';
import { useResultsWhenReady } from '../state';
import { count, hours, money, pct } from '../ui/format';
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

/** A drop's headline results on its card, shown in the Review stage only. */
export function CardResults(props: { results: DropResults }) {
  const r = props.results;
  const t = r.turnaround.drop;
  return (
    <span className="card-row card-results" data-testid="card-results">
      <span title="Creator-attributed orders and net revenue">
        {count(r.conversions.orders)} orders · {money(r.conversions.revenue, r.currency)}
      </span>
      <span
        title={`Shoot to publish (target ${PLAYBOOK_LABELS.turnaroundTarget})`}
        className={t !== null && t > r.turnaround.targetHours ? 'is-bad' : undefined}
      >
        {hours(t)}
      </span>
      <span title={`Local sell-through in ${PLAYBOOK_LABELS.sellThrough}`}>
        {pct(r.sellThrough.pctOfStock)}
      </span>
      {r.return.ratio !== null && (
        <span title="Return: revenue ÷ costs">{r.return.ratio.toFixed(2)}×</span>
      )}
    </span>
  );
}
