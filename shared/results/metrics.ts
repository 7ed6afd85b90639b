import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { SHOTS, type Shot } from '../brief/fields';
import { dayInstant } from '../cadence/days';
import { dropWindows, SHOOT_TO_PUBLISH_DAYS, type DropWindow } from '../cadence/windows';
import type { Drop } from '../model/drop';
import { RESERVE_PCT } from '../playbook';
import type { DropActuals } from './actuals';
import { Attributor, dropLines, orderCounts, type AttributableDrop } from './attribution';
import { trackingLinkTokens } from './csv/links';
import { inPersonLocation } from './inPerson';
import type { InterestEvent } from './interest';
import type { OrderFact } from './orders';
import type { ResultSettings } from './settings';
import { runSteps } from './steps';
import { skuMatches } from './skuMatch';

/** The playbook's turnaround target in hours (seven days, shoot to publish). */
export const TURNAROUND_TARGET_HOURS = SHOOT_TO_PUBLISH_DAYS * 24;
/** The playbook's reserve for local pop-ups and creator fans (%). */
export const RESERVE_TARGET_PCT = RESERVE_PCT;

/** Everything the metrics need of one drop (read from the drop, its brief and its actuals). */
export interface DropResultInput {
  drop: Drop;
  creatorName: string;
  discountCode: string;
  trackingLink: string;
  attributionWindowDays: number;
  fee: number;
  revenueSharePct: number;
  currency: string;
  /** Sell-through target % (the brief's, else the workspace's). */
  sellThroughTargetPct: number;
  actuals: DropActuals;
}

export interface Interval {
  start: number;
  end: number;
}

/** One drop's results, every number derived (never stored). */
export interface DropResults {
  dropId: string;
  title: string;
  creatorId: string | null;
  creatorName: string;
  currency: string;
  launch: number | null;
  conversions: {
    window: Interval | null;
    orders: number;
    revenue: number;
    units: number;
    viaCode: number;
    viaLink: number;
  };
  turnaround: {
    shots: Record<Shot, number | null>;
    /** Shoot to publish, hours. */
    drop: number | null;
    targetHours: number;
  };
  sellThrough: {
    window: Interval | null;
    units: number;
    stock: number;
    reserveUnits: number;
    pctOfStock: number | null;
    pctOfReserve: number | null;
    targetPct: number;
  };
  repurchase: { window: Interval | null; customers: number | null; source: 'events' | 'manual' };
  guards: {
    reserve: {
      plannedPct: number;
      plannedOk: boolean;
      /** Units of the drop sold outside the pop-up and creator fans in the 72 h. */
      openUnits: number;
      /** What may be sold openly while keeping the reserve. */
      openAllowed: number;
      held: boolean | null;
    };
    retargeting: {
      window: Interval | null;
      budget: number;
      spent: number;
      inside: number;
      status: 'none' | 'inside' | 'outside' | 'no-launch';
    };
  };
  return: {
    revenue: number;
    costs: { fee: number; revenueShare: number; adSpend: number; shootCost: number; total: number };
    net: number;
    ratio: number | null;
  };
}

// Null when `to` is before `from`: two teammates' recordings can cross (a shoot moved later
// offline while another recorded a delivery), and a negative turnaround would read as fast.
const hours = (from: number, to: number) =>
  to < from ? null : Math.round(((to - from) / 3_600_000) * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const upper = (list: readonly string[]) => list.map((s) => s.trim().toUpperCase()).filter(Boolean);

/** The launch instant: the drop date at its launch time (or midnight) in the workspace's zone. */
export function launchInstant(
  drop: Pick<Drop, 'dropDate' | 'launchTime'>,
  tz: string,
): number | null {
  return drop.dropDate ? dayInstant(drop.dropDate, tz, drop.launchTime) : null;
}

/** The attribution window: from launch, `days` calendar days in the workspace's zone. */
export function attributionWindow(
  drop: Pick<Drop, 'dropDate' | 'launchTime'>,
  days: number,
  tz: string,
): Interval | null {
  const start = launchInstant(drop, tz);
  if (start === null) return null;
  return { start, end: addDays(new TZDate(start, tz), days).getTime() };
}

/** What attribution needs of one drop, from its inputs (codes upper case, windows placed). */
export function attributableDrop(input: DropResultInput, tz: string): AttributableDrop {
  return {
    dropId: input.drop.id,
    code: input.discountCode.trim().toUpperCase(),
    linkTokens: trackingLinkTokens(input.trackingLink),
    skus: upper(input.actuals.skus),
    window: attributionWindow(input.drop, input.attributionWindowDays, tz),
    launch: launchInstant(input.drop, tz),
  };
}

/** One drop's credited orders, summed. */
export interface CreditSum {
  orders: number;
  revenue: number;
  units: number;
  viaCode: number;
  viaLink: number;
}

/** Every order's credit, summed per drop, and the orders that count (sorted by time). */
export interface Attribution {
  credited: ReadonlyMap<string, CreditSum>;
  /** Orders credited to each drop, for the reserve guard (creator fans are reserve customers). */
  fans: ReadonlyMap<string, ReadonlySet<string>>;
  /** The orders that count, oldest first. */
  counted: readonly OrderFact[];
}

/** Credits every order to the drops it is attributed to (see docs/results.md). */
export function attributeOrders(
  drops: readonly AttributableDrop[],
  orders: readonly OrderFact[],
  settings: ResultSettings,
): Attribution {
  return runSteps(attributionSteps(drops, orders, settings));
}

/** Orders attributed between two pauses when the attribution is worked out in slices. */
export const ATTRIBUTION_SLICE = 5000;

/**
 * `attributeOrders` as steps: it pauses (yields) after every `ATTRIBUTION_SLICE` orders, so a
 * caller can spread 25,000 orders over several short tasks (see `ResultsCalculator`).
 */
export function* attributionSteps(
  drops: readonly AttributableDrop[],
  orders: readonly OrderFact[],
  settings: ResultSettings,
): Generator<void, Attribution> {
  const attributor = new Attributor(drops, settings);
  const credited = new Map<string, CreditSum>();
  const fans = new Map<string, Set<string>>();
  const counted: OrderFact[] = [];
  let n = 0;
  for (const o of orders) {
    if (++n % ATTRIBUTION_SLICE === 0) yield;
    if (!orderCounts(o, settings)) continue;
    counted.push(o);
    for (const c of attributor.credit(o)) {
      const acc = credited.get(c.dropId) ?? {
        orders: 0,
        revenue: 0,
        units: 0,
        viaCode: 0,
        viaLink: 0,
      };
      acc.orders += c.weight;
      acc.revenue += c.revenue;
      acc.units += c.units;
      if (c.via === 'code') acc.viaCode += c.weight;
      else acc.viaLink += c.weight;
      credited.set(c.dropId, acc);
      let set = fans.get(c.dropId);
      if (!set) fans.set(c.dropId, (set = new Set()));
      set.add(o.id);
    }
  }
  counted.sort((a, b) => a.t - b.t);
  return { credited, fans, counted };
}

/** Computes every drop's results from the document's facts (pure; see docs/results.md). */
export function computeResults(
  inputs: readonly DropResultInput[],
  orders: readonly OrderFact[],
  events: readonly InterestEvent[],
  settings: ResultSettings,
  tz: string,
): Map<string, DropResults> {
  const attributable = inputs.map((i) => attributableDrop(i, tz));
  const attribution = attributeOrders(attributable, orders, settings);
  const sortedEvents = [...events].sort((a, b) => a.t - b.t);
  const out = new Map<string, DropResults>();
  inputs.forEach((input, i) => {
    const a = attributable[i]!;
    out.set(
      input.drop.id,
      dropResults(input, a, attribution, sortedEvents, dropWindows(input.drop, tz)),
    );
  });
  return out;
}

// Orders (sorted by time) inside [start, end), found by binary search.
function between<T extends { t: number }>(sorted: readonly T[], w: Interval): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.t < w.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let k = lo; k < sorted.length && sorted[k]!.t < w.end; k++) out.push(sorted[k]!);
  return out;
}

/** One drop's results, from its inputs, the attribution of every order, and its windows. */
export function dropResults(
  input: DropResultInput,
  a: AttributableDrop,
  attribution: Attribution,
  events: readonly InterestEvent[],
  windows: readonly DropWindow[],
): DropResults {
  const { drop, actuals } = input;
  const credit = attribution.credited.get(a.dropId);
  const fans = attribution.fans.get(a.dropId);
  const orders = attribution.counted;
  const win = (k: string): Interval | null => {
    const w = windows.find((x) => x.kind === k);
    return w ? { start: w.start, end: w.end } : null;
  };

  // Turnaround from recorded moments only.
  const shots = {} as Record<Shot, number | null>;
  for (const s of SHOTS) {
    const d = actuals.shots[s];
    shots[s] = actuals.shoot && d ? hours(actuals.shoot.at, d.at) : null;
  }
  const turnaroundDrop =
    actuals.shoot && actuals.published ? hours(actuals.shoot.at, actuals.published.at) : null;

  // Local sell-through in the 72 h after launch.
  const stock = actuals.stockAllocated?.value ?? drop.inventory;
  const reserveUnits = Math.round((stock * drop.reservePct) / 100);
  const stWindow = win('sell-through');
  const pos = actuals.posLocation.trim().toLowerCase();
  let localUnits = 0;
  let openUnits = 0;
  if (stWindow) {
    for (const o of between(orders, stWindow)) {
      const units = dropLines(o, a.skus).units;
      if (!units) continue;
      // An online order an earlier version kept a location for is not in person either.
      const loc = pos === '' ? '' : inPersonLocation(o.src, o.loc);
      const local = o.local || (loc !== '' && loc.trim().toLowerCase() === pos);
      if (local) localUnits += units;
      else if (!fans?.has(o.id)) openUnits += units;
    }
  }
  const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);

  // Repurchase interest: distinct customers with a click or wishlist add in the 30 days.
  const rpWindow = win('repurchase');
  let customers: number | null = null;
  if (actuals.repurchaseManual) customers = actuals.repurchaseManual.value;
  else if (rpWindow) {
    const seen = new Set<string>();
    for (const e of between(events, rpWindow)) {
      if (!e.sku || !a.skus.length || skuMatches(a.skus, e.sku)) seen.add(e.cust);
    }
    customers = seen.size;
  }

  const rtWindow = win('retargeting');
  const spent = round2(actuals.retargeting.reduce((s, x) => s + x.amount, 0));
  const inside = rtWindow
    ? round2(
        actuals.retargeting
          .filter((x) => x.at >= rtWindow.start && x.at < rtWindow.end)
          .reduce((s, x) => s + x.amount, 0),
      )
    : 0;
  const rtStatus = !rtWindow
    ? 'no-launch'
    : spent === 0
      ? 'none'
      : inside === spent
        ? 'inside'
        : 'outside';

  const revenue = round2(credit?.revenue ?? 0);
  const fee = input.fee;
  const revenueShare = round2((revenue * input.revenueSharePct) / 100);
  const adSpend = round2(spent + (actuals.adSpend?.value ?? 0));
  const shootCost = actuals.shootCost?.value ?? 0;
  const total = round2(fee + revenueShare + adSpend + shootCost);

  return {
    dropId: drop.id,
    title: drop.title,
    creatorId: drop.creatorId,
    creatorName: input.creatorName,
    currency: input.currency,
    launch: a.launch,
    conversions: {
      window: a.window,
      orders: Math.round((credit?.orders ?? 0) * 100) / 100,
      revenue,
      units: Math.round((credit?.units ?? 0) * 100) / 100,
      viaCode: credit?.viaCode ?? 0,
      viaLink: credit?.viaLink ?? 0,
    },
    turnaround: { shots, drop: turnaroundDrop, targetHours: TURNAROUND_TARGET_HOURS },
    sellThrough: {
      window: stWindow,
      units: localUnits,
      stock,
      reserveUnits,
      pctOfStock: pct(localUnits, stock),
      pctOfReserve: pct(localUnits, reserveUnits),
      targetPct: input.sellThroughTargetPct,
    },
    repurchase: {
      window: rpWindow,
      customers,
      source: actuals.repurchaseManual ? 'manual' : 'events',
    },
    guards: {
      reserve: {
        plannedPct: drop.reservePct,
        plannedOk: drop.reservePct >= RESERVE_TARGET_PCT,
        openUnits,
        openAllowed: stock - reserveUnits,
        held: stWindow && stock > 0 ? openUnits <= stock - reserveUnits : null,
      },
      retargeting: { window: rtWindow, budget: drop.adBudget, spent, inside, status: rtStatus },
    },
    return: {
      revenue,
      costs: { fee, revenueShare, adSpend, shootCost, total },
      net: round2(revenue - total),
      ratio: total > 0 ? Math.round((revenue / total) * 100) / 100 : null,
    },
  };
}
