import type { OrderFact } from './orders';
import type { ResultSettings } from './settings';
import { sitePathOf } from './csv/links';
import { skuMatches } from './skuMatch';

/** What attribution needs to know about one drop. */
export interface AttributableDrop {
  dropId: string;
  /** Upper-case discount code ('' when none). */
  code: string;
  /** Tokens of the tracking link (see trackingLinkTokens). */
  linkTokens: string[];
  /** Upper-case SKUs of the drop's products (empty: every product counts). */
  skus: string[];
  /** The attribution window [start, end) in ms, or null without a launch. */
  window: { start: number; end: number } | null;
  launch: number | null;
}

/** One drop's credit for one order. */
export interface Credit {
  dropId: string;
  /** Share of the order counted (1, or 1/n when split). */
  weight: number;
  /** Net revenue credited (after refunds, weight and the drop-lines rule). */
  revenue: number;
  units: number;
  via: 'code' | 'link';
}

/** Net revenue of an order: subtotal after discounts minus refunds, never below zero. */
export function netRevenue(o: OrderFact): number {
  return Math.max(0, Math.round((o.sub - o.refunded) * 100) / 100);
}

/**
 * Whether an order counts at all: not cancelled, not voided, not refunded in full, and paid
 * (or, with the workspace's `include-pending` rule, pending or authorized).
 */
export function orderCounts(o: OrderFact, settings: Pick<ResultSettings, 'unpaid'>): boolean {
  if (o.cancelled || o.status === 'voided' || o.status === 'refunded') return false;
  if (o.refunded > 0 && netRevenue(o) === 0) return false;
  if (o.status === 'pending' || o.status === 'authorized')
    return settings.unpaid === 'include-pending';
  return true;
}

/**
 * Units and line amount of an order's lines that belong to `skus` (all lines when empty; a SKU
 * ending in `*` is a prefix: see skuMatches).
 */
export function dropLines(
  o: OrderFact,
  skus: readonly string[],
): { units: number; amount: number } {
  let units = 0;
  let amount = 0;
  for (const [sku, qty, a] of o.lines) {
    if (skus.length && !skuMatches(skus, sku)) continue;
    units += qty;
    amount += a;
  }
  return { units, amount };
}

interface Touch {
  drop: AttributableDrop;
  via: 'code' | 'link';
}
interface Share extends Touch {
  units: number;
  amount: number;
}
const NO_CREDIT: readonly Credit[] = Object.freeze([]);

/** Indexes drops by code and link token so each order looks up only its candidates. */
export class Attributor {
  private readonly byCode = new Map<string, AttributableDrop[]>();
  private readonly byLink = new Map<string, AttributableDrop[]>();

  constructor(
    drops: readonly AttributableDrop[],
    private readonly settings: ResultSettings,
  ) {
    for (const d of drops) {
      if (!d.window) continue;
      if (d.code) push(this.byCode, d.code, d);
      for (const t of d.linkTokens) {
        push(this.byLink, t, d);
        const alias = sitePathOf(t);
        if (alias) push(this.byLink, alias, d);
      }
    }
  }

  /**
   * The drops credited with an order. Touches are the order's codes in the order written, then
   * its tracking links; each touch is a drop whose window holds the order's time (when one code
   * belongs to several drops, the drop whose products the order bought, else the latest launch).
   * Under `drop-lines`, a touch whose products the order did not buy gets nothing. Then the
   * multi-touch rule picks the first touch, splits between all, or credits all in full.
   */
  credit(o: OrderFact): readonly Credit[] {
    // Most orders carry no creator's code or link: they are done before anything is allocated
    // (this runs for every order after each change the results read).
    if (!o.codes.length && !o.links.length) return NO_CREDIT;
    if (!orderCounts(o, this.settings)) return NO_CREDIT;
    const touches: Touch[] = [];
    for (const code of o.codes) this.touch(touches, this.byCode.get(code), o, 'code');
    if (o.links.length) {
      // A link touches only when the order carries every one of its tokens: two creators'
      // links often share `utm_source=instagram` and differ in `utm_campaign`.
      const carried = new Set(o.links);
      const whole = (d: AttributableDrop) =>
        d.linkTokens.every((t) => carried.has(t) || carried.has(sitePathOf(t) ?? ''));
      for (const token of o.links)
        this.touch(touches, this.byLink.get(token)?.filter(whole), o, 'link');
    }
    if (!touches.length) return NO_CREDIT;

    const net = netRevenue(o);
    const allLines = dropLines(o, []);
    const shares: Share[] = [];
    for (const t of touches) {
      if (this.settings.crossDrop === 'whole-order' || !t.drop.skus.length) {
        shares.push({ ...t, units: allLines.units, amount: net });
        continue;
      }
      const mine = dropLines(o, t.drop.skus);
      if (mine.units === 0) continue; // the code bought another drop's product
      const part =
        allLines.amount > 0 ? mine.amount / allLines.amount : mine.units / allLines.units;
      shares.push({ ...t, units: mine.units, amount: net * part });
    }
    if (!shares.length) return NO_CREDIT;
    const chosen = this.settings.multiTouch === 'first' ? shares.slice(0, 1) : shares;
    const weight = this.settings.multiTouch === 'split' ? 1 / chosen.length : 1;
    return chosen.map((s) => ({
      dropId: s.drop.dropId,
      weight,
      revenue: s.amount * weight,
      units: s.units * weight,
      via: s.via,
    }));
  }

  // Adds the drop a code or link token touches, once per drop, in the order touched.
  private touch(
    touches: Touch[],
    cands: AttributableDrop[] | undefined,
    o: OrderFact,
    via: Touch['via'],
  ): void {
    const drop = this.pick(cands, o);
    if (drop && !touches.some((t) => t.drop.dropId === drop.dropId)) touches.push({ drop, via });
  }

  private pick(cands: AttributableDrop[] | undefined, o: OrderFact): AttributableDrop | null {
    if (!cands) return null;
    const open = cands.filter((d) => d.window && o.t >= d.window.start && o.t < d.window.end);
    if (open.length <= 1) return open[0] ?? null;
    const buying = open.filter((d) => d.skus.length && dropLines(o, d.skus).units > 0);
    const pool = buying.length ? buying : open;
    return pool.reduce((best, d) => ((d.launch ?? 0) > (best.launch ?? 0) ? d : best));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
