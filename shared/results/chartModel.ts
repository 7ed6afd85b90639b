import { addDaysTo } from '../cadence/days';
import { launchesBetween } from '../cadence/cadence';
import type { Cadence } from '../model/workspace';
import type { DropResults } from './metrics';

/** One drop's point on the over-time charts. */
export interface DropPoint {
  dropId: string;
  title: string;
  creatorName: string;
  /** Launch day (yyyy-MM-dd) and instant. */
  day: string;
  launch: number;
  orders: number;
  /** The currency of `revenue` and `net` (the drop's). */
  currency: string;
  revenue: number;
  net: number;
  ratio: number | null;
  turnaround: number | null;
  sellThrough: number | null;
  sellThroughTarget: number;
  /** Its launch is still to come: it has no orders, sell-through or return to judge yet. */
  upcoming: boolean;
}

/** The drops with a launch, oldest first, as chart points (`now` tells the upcoming ones). */
export function dropPoints(
  results: Iterable<DropResults>,
  dayOf: (dropId: string) => string | null,
  now: number = Date.now(),
): DropPoint[] {
  const out: DropPoint[] = [];
  for (const r of results) {
    const day = dayOf(r.dropId);
    if (r.launch === null || !day) continue;
    out.push({
      dropId: r.dropId,
      title: r.title,
      creatorName: r.creatorName || 'No creator',
      day,
      launch: r.launch,
      orders: r.conversions.orders,
      currency: r.currency,
      revenue: r.conversions.revenue,
      net: r.return.net,
      ratio: r.return.ratio,
      turnaround: r.turnaround.drop,
      sellThrough: r.sellThrough.pctOfStock,
      sellThroughTarget: r.sellThrough.targetPct,
      upcoming: r.launch > now,
    });
  }
  return out.sort((a, b) => a.launch - b.launch || a.dropId.localeCompare(b.dropId));
}

/** The cadence's expected launch days across the points' span (the rhythm marks). */
export function rhythmDays(points: readonly DropPoint[], cadence: Cadence): string[] {
  if (!points.length) return [];
  const first = points[0]!.day;
  const last = points[points.length - 1]!.day;
  return launchesBetween(first, cadence, first, addDaysTo(last, 1)).slice(0, 400);
}

/** One creator's row on the leaderboard. */
export interface CreatorRow {
  creatorId: string;
  name: string;
  drops: number;
  orders: number;
  /** The currency of `revenue` and `net`; null when the creator's drops are in different ones. */
  currency: string | null;
  revenue: number;
  net: number;
  /** Total revenue over total costs, null without costs or when they mix currencies. */
  ratio: number | null;
  /** Mean shoot-to-publish hours over the drops that recorded both. */
  avgTurnaround: number | null;
  /** The creator's first drop, to open from the board. */
  firstDropId: string;
  /** Of `drops`, those launched: the orders, revenue and return are theirs alone. */
  launched: number;
}

/** The per-creator leaderboard, best revenue first. */
export function creatorLeaderboard(
  results: Iterable<DropResults>,
  now: number = Date.now(),
): CreatorRow[] {
  const rows = new Map<
    string,
    CreatorRow & { costs: number; tSum: number; tN: number; curLaunched: boolean }
  >();
  for (const r of results) {
    if (!r.creatorId) continue;
    let row = rows.get(r.creatorId);
    if (!row) {
      row = {
        creatorId: r.creatorId,
        name: r.creatorName || 'Unnamed creator',
        drops: 0,
        orders: 0,
        currency: r.currency,
        revenue: 0,
        net: 0,
        ratio: null,
        avgTurnaround: null,
        firstDropId: r.dropId,
        launched: 0,
        costs: 0,
        tSum: 0,
        tN: 0,
        curLaunched: false,
      };
      rows.set(r.creatorId, row);
    }
    // The sums are of launched drops alone, so their currencies decide whether the sums mix
    // currencies: a creator paid in dollars for a launched drop and planned in euros for the
    // next read "Mixed currencies" for revenue that was all in dollars.
    const launched = r.launch !== null && r.launch <= now;
    if (launched && !row.curLaunched) {
      row.currency = r.currency;
      row.curLaunched = true;
    } else if ((launched || !row.curLaunched) && row.currency !== r.currency) row.currency = null;
    row.drops++;
    if (r.turnaround.drop !== null) {
      row.tSum += r.turnaround.drop;
      row.tN++;
    }
    // A drop still to launch has no sales yet: it is not a zero in the creator's return.
    if (!launched) continue;
    row.launched++;
    row.orders += r.conversions.orders;
    row.revenue += r.conversions.revenue;
    row.net += r.return.net;
    row.costs += r.return.costs.total;
  }
  return [...rows.values()]
    .map(({ costs, tSum, tN, curLaunched: _launched, ...row }) => ({
      ...row,
      orders: Math.round(row.orders * 100) / 100,
      revenue: Math.round(row.revenue * 100) / 100,
      net: Math.round(row.net * 100) / 100,
      // Revenue over costs in unlike currencies is no ratio at all: none is shown.
      ratio:
        costs > 0 && row.currency !== null ? Math.round((row.revenue / costs) * 100) / 100 : null,
      avgTurnaround: tN ? Math.round((tSum / tN) * 10) / 10 : null,
    }))
    .sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name));
}
