import { PLAYBOOK_LABELS } from '../../../shared/playbook';
import type { DropResults } from '../../../shared/results';
import { count, hours, money, pct } from '../ui/format';

type Tone = 'good' | 'bad' | 'neutral';

function Metric(props: { label: string; value: string; detail?: string; tone?: Tone; id: string }) {
  return (
    <div className={`results-metric is-${props.tone ?? 'neutral'}`} data-metric={props.id}>
      <dt>{props.label}</dt>
      <dd>
        <span className="results-metric-value">{props.value}</span>
        {props.detail && <span className="results-metric-detail">{props.detail}</span>}
      </dd>
    </div>
  );
}

/** The playbook's metrics, the guards and the return of one drop, as a compact list. */
export function MetricList(props: { r: DropResults }) {
  const { r } = props;
  const c = r.currency;
  const t = r.turnaround;
  const st = r.sellThrough;
  const g = r.guards;
  const rt = g.retargeting;
  return (
    <dl className="results-metrics">
      <Metric
        id="conversions"
        label="Creator-attributed conversions"
        value={`${count(r.conversions.orders)} orders · ${money(r.conversions.revenue, c)}`}
        detail={
          r.conversions.window
            ? `${count(r.conversions.viaCode)} by code, ${count(r.conversions.viaLink)} by link`
            : 'Set a drop date to open the attribution window'
        }
      />
      <Metric
        id="turnaround"
        label="Asset turnaround"
        value={hours(t.drop)}
        tone={t.drop === null ? 'neutral' : t.drop <= t.targetHours ? 'good' : 'bad'}
        detail={`target ${t.targetHours} h · hero ${hours(t.shots.hero)}, lifestyle ${hours(t.shots.lifestyle)}, detail ${hours(t.shots.detail)}`}
      />
      <Metric
        id="sell-through"
        label={`Local sell-through (${PLAYBOOK_LABELS.sellThrough})`}
        value={pct(st.pctOfStock)}
        tone={st.pctOfStock === null ? 'neutral' : st.pctOfStock >= st.targetPct ? 'good' : 'bad'}
        detail={`${st.units} of ${st.stock} units · ${pct(st.pctOfReserve)} of the ${st.reserveUnits}-unit reserve · target ${st.targetPct} %`}
      />
      <Metric
        id="repurchase"
        label={`Repurchase interest (${PLAYBOOK_LABELS.repurchase})`}
        value={r.repurchase.customers === null ? '—' : `${r.repurchase.customers} customers`}
        detail={
          r.repurchase.source === 'manual' ? 'typed by hand' : 'email clickbacks and wishlist adds'
        }
      />
      <Metric
        id="reserve"
        label="Reserve held"
        value={
          g.reserve.held === null
            ? '—'
            : g.reserve.held && g.reserve.plannedOk
              ? 'Held'
              : 'Not held'
        }
        tone={
          g.reserve.held === null
            ? 'neutral'
            : g.reserve.held && g.reserve.plannedOk
              ? 'good'
              : 'bad'
        }
        detail={`${g.reserve.plannedPct} % planned (playbook ${PLAYBOOK_LABELS.reserve}) · ${g.reserve.openUnits} of ${g.reserve.openAllowed} open units sold`}
      />
      <Metric
        id="retargeting"
        label={`Retargeting inside ${PLAYBOOK_LABELS.retargeting}`}
        value={
          rt.status === 'none'
            ? 'Nothing spent'
            : rt.status === 'no-launch'
              ? '—'
              : rt.status === 'inside'
                ? 'Yes'
                : 'No'
        }
        tone={rt.status === 'inside' ? 'good' : rt.status === 'outside' ? 'bad' : 'neutral'}
        detail={`${money(rt.inside, c)} of ${money(rt.spent, c)} spent inside · budget ${money(rt.budget, c)}`}
      />
      <Metric
        id="return"
        label="Return"
        value={`${money(r.return.net, c)}${r.return.ratio === null ? '' : ` · ${r.return.ratio.toFixed(2)}×`}`}
        tone={r.return.ratio === null ? 'neutral' : r.return.ratio >= 1 ? 'good' : 'bad'}
        detail={`revenue ${money(r.return.revenue, c)} − fee ${money(r.return.costs.fee, c)}, share ${money(r.return.costs.revenueShare, c)}, ads ${money(r.return.costs.adSpend, c)}, shoot ${money(r.return.costs.shootCost, c)}`}
      />
    </dl>
  );
}
