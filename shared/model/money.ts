/** The currency of a workspace that never chose one (the playbook's template). */
export const DEFAULT_CURRENCY = 'EUR';

/**
 * The brief and its PDF always read the same whatever the reader's locale: the text a creator
 * received is kept to list what changed since, so it must not vary from one teammate to another.
 */
export const BRIEF_LOCALE = 'en-GB';

export interface MoneyStyle {
  /** A BCP 47 locale; the runtime's own when left out (what a person reads in the app). */
  locale?: string;
  /**
   * `auto` (the default): the currency's own minor units, none from 1,000 up ("€1,234",
   * "€12.50", "¥500"). `exact`: up to two decimals whatever the size ("€1,500.00"), as on a brief.
   * `short`: a chart axis's few characters ("€1.2K", "£500").
   */
  cents?: 'auto' | 'exact' | 'short';
}

// Building an Intl formatter costs far more than formatting with it (a Results view of 200 drops
// formats about a thousand amounts): each is built once per currency, locale and style.
const formatters = new Map<string, Intl.NumberFormat | null>();

type Digits = 'whole' | 'minor' | 'exact' | 'short';
const DIGITS: Record<Digits, Intl.NumberFormatOptions> = {
  whole: { minimumFractionDigits: 0, maximumFractionDigits: 0 },
  minor: {},
  exact: { maximumFractionDigits: 2 },
  short: { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 },
};

function formatterFor(currency: string, locale: string | undefined, digits: Digits) {
  const key = `${currency}|${locale ?? ''}|${digits}`;
  let f = formatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        ...DIGITS[digits],
      });
    } catch {
      // A malformed code from a peer (Intl accepts any three letters): shown as written.
      f = null;
    }
    formatters.set(key, f);
  }
  return f;
}

/** An amount of money for people, in `currency` ("€1,234", "£12.50", "¥5,000"). The one money formatter. */
export function formatMoney(amount: number, currency: string, style: MoneyStyle = {}): string {
  const cur = currency.trim().toUpperCase() || DEFAULT_CURRENCY;
  const digits: Digits =
    style.cents === 'exact' || style.cents === 'short'
      ? style.cents
      : Math.abs(amount) >= 1000
        ? 'whole'
        : 'minor';
  const f = formatterFor(cur, style.locale, digits);
  if (!f) return `${style.cents === 'exact' ? amount : amount.toFixed(2)} ${cur}`;
  return f.format(amount);
}

let currencyCodes: Set<string> | null = null;
/** True for an ISO 4217 code this runtime knows (EUR, JPY…); false for a made-up one (ZZZ). */
export function isKnownCurrency(code: string): boolean {
  currencyCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return currencyCodes.has(code);
}
