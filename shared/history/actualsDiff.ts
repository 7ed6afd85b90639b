import { SHOT_LABELS, SHOTS } from '../brief/fields';
import { CHANNEL_LABELS } from '../model/channels';
import { formatMoney } from '../model/money';
import { actualsFromFacts, factOfKey, type DropActuals } from '../results/actuals';
import { plain } from './plain';
import { momentWords, quoted } from './words';

// What was recorded for one drop (its "actuals": Results, or "Record what happened" in the drop
// panel) that differs between a snapshot and now, one line per fact, in the form's words.

/** How to write one side's values: its currency and the workspace's time zone. */
export interface FactSide {
  facts: ReadonlyMap<string, unknown>;
  currency: string;
}

interface FactWords {
  label: string;
  /** The fact as people read it, or null when it is not recorded (or unreadable). */
  show: (a: DropActuals, currency: string, tz: string) => string | null;
}

const units = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// The facts in the order the form lists them.
const KNOWN: [string, FactWords][] = [
  [
    'shoot',
    { label: 'Shoot happened', show: (a, _c, tz) => a.shoot && momentWords(a.shoot.at, tz) },
  ],
  ...SHOTS.map((s): [string, FactWords] => [
    `shot:${s}`,
    {
      label: `${SHOT_LABELS[s]} delivered`,
      show: (a, _c, tz) => {
        const m = a.shots[s];
        return m && momentWords(m.at, tz);
      },
    },
  ]),
  [
    'published',
    {
      label: 'Published',
      show: (a, _c, tz) =>
        a.published &&
        `${momentWords(a.published.at, tz)} on ${
          a.published.channels.map((c) => CHANNEL_LABELS[c]).join(', ') || 'no channel'
        }`,
    },
  ],
  [
    'stock',
    {
      label: 'Stock allocated',
      show: (a) => a.stockAllocated && units(a.stockAllocated.value, 'unit', 'units'),
    },
  ],
  ['skus', { label: 'Product SKUs', show: (a) => (a.skus.length > 0 ? a.skus.join(', ') : null) }],
  [
    'posLocation',
    { label: 'Pop-up POS location', show: (a) => (a.posLocation ? quoted(a.posLocation) : null) },
  ],
  [
    'adSpend',
    { label: 'Other ad spend', show: (a, c) => a.adSpend && formatMoney(a.adSpend.value, c) },
  ],
  [
    'shootCost',
    { label: 'Shoot cost', show: (a, c) => a.shootCost && formatMoney(a.shootCost.value, c) },
  ],
  [
    'repurchase',
    {
      label: 'Repurchase interest typed by hand',
      show: (a) => a.repurchaseManual && units(a.repurchaseManual.value, 'customer', 'customers'),
    },
  ],
];
const KNOWN_WORDS = new Map(KNOWN);
const ORDER = new Map(KNOWN.map(([k], i) => [k, i]));
const SPEND = 'spend:';

function spendWords(a: DropActuals, id: string, currency: string, tz: string): string | null {
  const s = a.retargeting.find((p) => p.id === id);
  return s ? `${formatMoney(s.amount, currency)} on ${momentWords(s.at, tz)}` : null;
}

/** One line per recorded fact of a drop that differs between `then` and `now`. */
export function actualsLines(then: FactSide, now: FactSide, tz: string): string[] {
  const keys = new Set([...then.facts.keys(), ...now.facts.keys()]);
  // A fact and who recorded it, kept apart (the SKUs, the POS location), are one line.
  const changed = [
    ...new Set(
      [...keys].filter((k) => plain(then.facts.get(k)) !== plain(now.facts.get(k))).map(factOfKey),
    ),
  ];
  if (changed.length === 0) return [];
  const was = actualsFromFacts(then.facts);
  const is = actualsFromFacts(now.facts);
  const rank = (k: string) =>
    ORDER.get(k) ?? (k.startsWith(SPEND) ? KNOWN.length : KNOWN.length + 1);
  // Payments in the order they were made, after the other facts.
  const spendAt = (k: string) =>
    [...was.retargeting, ...is.retargeting].find((s) => `${SPEND}${s.id}` === k)?.at ?? 0;
  changed.sort((a, b) => rank(a) - rank(b) || spendAt(a) - spendAt(b) || a.localeCompare(b));
  return changed.map((key) => {
    if (key.startsWith(SPEND)) {
      const id = key.slice(SPEND.length);
      const before = spendWords(was, id, then.currency, tz);
      const after = spendWords(is, id, now.currency, tz);
      if (before === null && after !== null) return `Results: Retargeting payment ${after} added`;
      if (before !== null && after === null)
        return `Results: Retargeting payment ${before} removed`;
      return lineFor('Retargeting payment', before, after);
    }
    const words = KNOWN_WORDS.get(key);
    if (!words) return `Results: ${key} changed`;
    return lineFor(
      words.label,
      words.show(was, then.currency, tz),
      words.show(is, now.currency, tz),
    );
  });
}

function lineFor(label: string, before: string | null, after: string | null): string {
  if (before === null && after === null) return `Results: ${label} changed`;
  // The same value recorded again (by someone else, or at another time).
  if (before === after) return `Results: ${label} recorded again (${after})`;
  return `Results: ${label} ${before ?? 'not recorded'} → ${after ?? 'not recorded'}`;
}
