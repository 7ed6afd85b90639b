import { PLAYBOOK_LABELS } from '../../../shared/playbook';
import type { DropResults } from '../../../shared/results';
import { count, counted, hours, launchWhen, money, pct } from '../ui/format';

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

const tone = (good: boolean | null): Tone => (good === null ? 'neutral' : good ? 'good' : 'bad');

/**
 * The playbook's metrics, the guards and the return of one drop, as a compact list. Before the
 * launch, what its windows will measure shows as not started rather than as a result: "0 %"
 * in red or "Reserve held" in green would judge a drop that has not been out yet.
 */
export function MetricList(props: { r: DropResults; tz: string; now?: number }) {
  const { r, tz, now = Date.now() } = props;
  const c = r.currency;
  const t = r.turnaround;
  const st = r.sellThrough;
  const g = r.guards;
  const rt = g.retargeting;
  const upcoming = r.launch !== null && r.launch > now;
  const fromLaunch = upcoming ? `counted from the launch, ${launchWhen(r.launch!, tz)}` : '';
  const reserveHeld = g.reserve.held === null ? null : g.reserve.held && g.reserve.plannedOk;
  const manual = r.repurchase.source === 'manual';
  return (
    <dl className="results-metrics" data-upcoming={upcoming ? '' : undefined}>
      <Metric
        id="conversions"
        label="Creator-attributed conversions"
        value={
          upcoming
            ? 'Not launched yet'
            : `${counted(r.conversions.orders, 'order', 'orders')} · ${money(r.conversions.revenue, c)}`
        }
        detail={
          upcoming
            ? `Orders ${fromLaunch}`
            : r.conversions.window
              ? `${count(r.conversions.viaCode)} by code, ${count(r.conversions.viaLink)} by link`
              : 'Set a drop date to open the attribution window'
        }
      />
      <Metric
        id="turnaround"
        label="Asset turnaround"
        value={hours(t.drop)}
        tone={tone(t.drop === null ? null : t.drop <= t.targetHours)}
        detail={`target ${t.targetHours} h · hero ${hours(t.shots.hero)}, lifestyle ${hours(t.shots.lifestyle)}, detail ${hours(t.shots.detail)}`}
      />
      <Metric
        id="sell-through"
        label={`Local sell-through (${PLAYBOOK_LABELS.sellThrough})`}
        value={upcoming ? '—' : pct(st.pctOfStock)}
        tone={
          upcoming ? 'neutral' : tone(st.pctOfStock === null ? null : st.pctOfStock >= st.targetPct)
        }
        detail={
          upcoming
            ? `${st.stock} units, target ${st.targetPct} %, ${fromLaunch}`
            : `${st.units} of ${st.stock} units · ${pct(st.pctOfReserve)} of the ${st.reserveUnits}-unit reserve · target ${st.targetPct} %`
        }
      />
      <Metric
        id="repurchase"
        label={`Repurchase interest (${PLAYBOOK_LABELS.repurchase})`}
        value={
          r.repurchase.customers === null || (upcoming && !manual)
            ? '—'
            : `${r.repurchase.customers} customers`
        }
        detail={
          manual
            ? 'typed by hand'
            : upcoming
              ? `Clickbacks and wishlist adds ${fromLaunch}`
              : 'email clickbacks and wishlist adds'
        }
      />
      <Metric
        id="reserve"
        label="Reserve held"
        // Before the launch only the plan can fail: a reserve under the playbook's.
        value={
          upcoming
            ? g.reserve.plannedOk
              ? '—'
              : 'Too small'
            : reserveHeld === null
              ? '—'
              : reserveHeld
                ? 'Held'
                : 'Not held'
        }
        tone={upcoming ? (g.reserve.plannedOk ? 'neutral' : 'bad') : tone(reserveHeld)}
        detail={
          upcoming
            ? `${g.reserve.plannedPct} % planned (playbook ${PLAYBOOK_LABELS.reserve}) · sales ${fromLaunch}`
            : `${g.reserve.plannedPct} % planned (playbook ${PLAYBOOK_LABELS.reserve}) · ${g.reserve.openUnits} of ${g.reserve.openAllowed} open units sold`
        }
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
        value={
          upcoming
            ? '—'
            : `${money(r.return.net, c)}${r.return.ratio === null ? '' : ` · ${r.return.ratio.toFixed(2)}×`}`
        }
        tone={upcoming ? 'neutral' : tone(r.return.ratio === null ? null : r.return.ratio >= 1)}
        detail={`revenue ${money(r.return.revenue, c)} − fee ${money(r.return.costs.fee, c)}, share ${money(r.return.costs.revenueShare, c)}, ads ${money(r.return.costs.adSpend, c)}, shoot ${money(r.return.costs.shootCost, c)}`}
      />
    </dl>
  );
}
