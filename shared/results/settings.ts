import type * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { randomId } from '../model/ids';
import { SYSTEM_ORIGIN, transactLocal } from '../model/schema';
import { resultsRoot } from './roots';

/**
 * When one order carries two creators' codes, or a code and another creator's link:
 * - `first`: the first code written on the order wins; a code beats a link (default);
 * - `split`: every matched drop gets an equal share of the order and its revenue;
 * - `full`: every matched drop gets the whole order (totals across drops can exceed the shop's).
 */
export const MULTI_TOUCH_RULES = ['first', 'split', 'full'] as const;
export type MultiTouchRule = (typeof MULTI_TOUCH_RULES)[number];

/**
 * When a creator's code buys another drop's product:
 * - `drop-lines`: only the lines of this drop's products count (default);
 * - `whole-order`: the whole order counts for the code's drop.
 */
export const CROSS_DROP_RULES = ['drop-lines', 'whole-order'] as const;
export type CrossDropRule = (typeof CROSS_DROP_RULES)[number];

/** How orders still waiting for payment count: `paid-only` (default) or `include-pending`. */
export const UNPAID_RULES = ['paid-only', 'include-pending'] as const;
export type UnpaidRule = (typeof UNPAID_RULES)[number];

export const MULTI_TOUCH_LABELS: Record<MultiTouchRule, string> = {
  first: 'First code wins (a code beats a link)',
  split: 'Split equally between the creators',
  full: 'Each creator gets the whole order',
};
export const CROSS_DROP_LABELS: Record<CrossDropRule, string> = {
  'drop-lines': "Only this drop's products count",
  'whole-order': 'The whole order counts',
};
export const UNPAID_LABELS: Record<UnpaidRule, string> = {
  'paid-only': 'Only paid orders count',
  'include-pending': 'Pending and authorized orders count too',
};

/** The workspace's choices for counting results. */
export interface ResultSettings {
  multiTouch: MultiTouchRule;
  crossDrop: CrossDropRule;
  unpaid: UnpaidRule;
  /** Shipping postcodes that count as local: exact codes, or prefixes ending in `*`. */
  localPostcodes: string[];
  /** Sell-through target (% of stock in 72 h) when the brief names none. */
  sellThroughTargetPct: number;
}

export const DEFAULT_RESULT_SETTINGS: ResultSettings = {
  multiTouch: 'first',
  crossDrop: 'drop-lines',
  unpaid: 'paid-only',
  localPostcodes: [],
  sellThroughTargetPct: 60,
};

const postcode = lazySchema(() =>
  z
    .string()
    .trim()
    .min(1)
    .max(16, 'Keep a postcode under 16 characters.')
    .regex(/^[A-Za-z0-9 -]+\*?$/, 'Letters, digits and spaces, with an optional * at the end.'),
);

export const resultSettingsSchema = lazySchema(() =>
  z.object({
    multiTouch: z.enum(MULTI_TOUCH_RULES),
    crossDrop: z.enum(CROSS_DROP_RULES),
    unpaid: z.enum(UNPAID_RULES),
    localPostcodes: z.array(postcode()).max(500, 'At most 500 local postcodes.'),
    sellThroughTargetPct: z
      .number({ message: 'Enter a percentage.' })
      .min(0, 'Between 0 and 100 %.')
      .max(100, 'Between 0 and 100 %.'),
  }),
);

/** The workspace's result settings, each falling back to its default when missing or malformed. */
export function readResultSettings(doc: Y.Doc): ResultSettings {
  const map = resultsRoot.settings(doc);
  const out = { ...DEFAULT_RESULT_SETTINGS };
  for (const key of Object.keys(resultSettingsSchema().shape) as (keyof ResultSettings)[]) {
    const parsed = resultSettingsSchema().shape[key].safeParse(map.get(key));
    if (parsed.success) (out as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}

/**
 * Saves a validated change to the result settings (one undoable step). A value equal to the one
 * in effect, its default included, writes nothing: leaving a box unchanged wrote the default,
 * an undo step of its own that a person's next Ctrl/⌘+Z took back instead of their edit.
 */
export function updateResultSettings(doc: Y.Doc, patch: Partial<ResultSettings>): void {
  const clean = resultSettingsSchema().partial().parse(patch);
  const current = readResultSettings(doc);
  const changed = Object.entries(clean).filter(
    ([k, v]) =>
      v !== undefined && JSON.stringify(current[k as keyof ResultSettings]) !== JSON.stringify(v),
  );
  if (!changed.length) return;
  transactLocal(doc, () => {
    const map = resultsRoot.settings(doc);
    for (const [k, v] of changed) map.set(k, v);
  });
}

/** Normalises a postcode for comparison: upper case, no spaces or dashes. */
export function normalisePostcode(s: string): string {
  // A leading apostrophe (`'02134`, written so that spreadsheets keep the leading zero) is
  // not part of the code.
  return s
    .toUpperCase()
    .replace(/^[\s'"]+/, '')
    .replace(/[\s-]+/g, '');
}

/**
 * True when `postcode` is one of the workspace's local postcodes (or starts with a `X*`
 * prefix). A US ZIP+4 (`10012-3456`) is also local when its five-digit ZIP is listed.
 */
export function isLocalPostcode(postcode: string, local: readonly string[]): boolean {
  const code = normalisePostcode(postcode);
  if (!code) return false;
  const zip5 = /^\d{5}-\d{4}$/.test(postcode.trim().replace(/^['"]+/, ''))
    ? code.slice(0, 5)
    : null;
  return local.some((entry) => {
    const e = normalisePostcode(entry);
    return e.endsWith('*') ? code.startsWith(e.slice(0, -1)) : code === e || zip5 === e;
  });
}

/** The settings key of the customer salt (not a counting rule: the results never read it). */
export const CUSTOMER_SALT_KEY = 'salt';

/**
 * The workspace's salt for customer hashes, created on first use. It lives in the document so
 * every teammate hashes the same customer the same way (distinct counts agree).
 */
export function ensureCustomerSalt(doc: Y.Doc): string {
  const existing = resultsRoot.settings(doc).get(CUSTOMER_SALT_KEY);
  if (typeof existing === 'string' && existing.length >= 16) return existing;
  const salt = randomId(32);
  // Bookkeeping, not an edit: undoing an import must not take the salt away.
  doc.transact(() => resultsRoot.settings(doc).set(CUSTOMER_SALT_KEY, salt), SYSTEM_ORIGIN);
  return salt;
}

/** The salt if one exists (reading never writes). */
export function readCustomerSalt(doc: Y.Doc): string | null {
  const s = resultsRoot.settings(doc).get(CUSTOMER_SALT_KEY);
  return typeof s === 'string' && s.length >= 16 ? s : null;
}
