import { PLAYBOOK_LABELS } from '../../../shared/playbook';
import type { Drop } from '../../../shared/model';
import { useWorkspace } from '../state';
import { count, hours, money, pct } from '../ui/format';
import { useDropResults } from '../state/resultsStore';

/** True for the playbook's Review stage (found by name, since stages are renamable). */
export const isReviewStage = (name: string) => /review/i.test(name);

/** A drop's headline results on its card, shown in the Review stage only. */
export function ReviewCardResults(props: { drop: Drop }) {
  const stageName = useWorkspace(
    (s) => s.stages.find((st) => st.id === props.drop.pos.stageId)?.name ?? '',
  );
  if (!isReviewStage(stageName)) return null;
  return <CardResults dropId={props.drop.id} />;
}

function CardResults(props: { dropId: string }) {
  const r = useDropResults(props.dropId);
  if (!r) return null;
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
