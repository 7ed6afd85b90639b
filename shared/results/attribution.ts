import type { OrderFact } from './orders';
import type { ResultSettings } from './settings';

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

/** Units and line amount of an order's lines that belong to `skus` (all lines when empty). */
export function dropLines(
  o: OrderFact,
  skus: readonly string[],
): { units: number; amount: number } {
  let units = 0;
  let amount = 0;
  for (const [sku, qty, a] of o.lines) {
    if (skus.length && !skus.includes(sku)) continue;
    units += qty;
    amount += a;
  }
  return { units, amount };
}

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
      for (const t of d.linkTokens) push(this.byLink, t, d);
    }
  }

  /**
   * The drops credited with an order. Touches are the order's codes in the order written, then
   * its tracking links; each touch is a drop whose window holds the order's time (when one code
   * belongs to several drops, the drop whose products the order bought, else the latest launch).
   * Under `drop-lines`, a touch whose products the order did not buy gets nothing. Then the
   * multi-touch rule picks the first touch, splits between all, or credits all in full.
   */
  credit(o: OrderFact): Credit[] {
    if (!orderCounts(o, this.settings)) return [];
    const touches: { drop: AttributableDrop; via: 'code' | 'link' }[] = [];
    const seen = new Set<string>();
    const add = (cands: AttributableDrop[] | undefined, via: 'code' | 'link') => {
      const drop = this.pick(cands, o);
      if (drop && !seen.has(drop.dropId)) {
        seen.add(drop.dropId);
        touches.push({ drop, via });
      }
    };
    for (const code of o.codes) add(this.byCode.get(code), 'code');
    for (const token of o.links) add(this.byLink.get(token), 'link');
    if (!touches.length) return [];

    const net = netRevenue(o);
    const allLines = dropLines(o, []);
    const shares = touches
      .map((t) => {
        if (this.settings.crossDrop === 'whole-order' || !t.drop.skus.length) {
          return { ...t, units: allLines.units, amount: net };
        }
        const mine = dropLines(o, t.drop.skus);
        if (mine.units === 0) return null; // the code bought another drop's product
        const part =
          allLines.amount > 0 ? mine.amount / allLines.amount : mine.units / allLines.units;
        return { ...t, units: mine.units, amount: net * part };
      })
      .filter((x): x is NonNullable<typeof x> => x !== null);
    if (!shares.length) return [];
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
