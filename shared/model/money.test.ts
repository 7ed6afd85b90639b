import { describe, expect, it, vi } from 'vitest';
import { BRIEF_LOCALE, formatMoney } from './money';

// Locales are explicit here so the expectations hold on any machine.
describe('formatMoney', () => {
  it('labels an amount with the currency it is given', () => {
    expect(formatMoney(500, 'GBP', { locale: 'en-GB' })).toBe('£500.00');
    expect(formatMoney(12.5, 'EUR', { locale: 'en-GB' })).toBe('€12.50');
    expect(formatMoney(500, 'USD', { locale: 'en-US' })).toBe('$500.00');
    expect(formatMoney(1500, 'CHF', { locale: 'en-GB' })).toBe('CHF\u00a01,500');
  });

  it('drops cents from 1,000 up, and shows none for a currency without minor units', () => {
    expect(formatMoney(1234.56, 'EUR', { locale: 'en-GB' })).toBe('€1,235');
    expect(formatMoney(-1234.56, 'EUR', { locale: 'en-GB' })).toBe('-€1,235');
    expect(formatMoney(5000, 'JPY', { locale: 'en-GB' })).toBe('JP¥5,000');
    expect(formatMoney(500.4, 'JPY', { locale: 'ja-JP' })).toBe('￥500');
  });

  it('writes a brief the same way for every reader (exact, en-GB)', () => {
    const brief = { locale: BRIEF_LOCALE, cents: 'exact' } as const;
    expect(formatMoney(1500, 'EUR', brief)).toBe('€1,500.00');
    expect(formatMoney(350, 'EUR', brief)).toBe('€350.00');
    expect(formatMoney(1500, 'JPY', brief)).toBe('JP¥1,500');
  });

  it('keeps a chart axis short', () => {
    expect(formatMoney(12_345, 'GBP', { locale: 'en-GB', cents: 'short' })).toBe('£12.3k');
    expect(formatMoney(500, 'GBP', { locale: 'en-GB', cents: 'short' })).toBe('£500');
  });

  it('reads a lower-case or padded code, and shows a malformed one as written', () => {
    expect(formatMoney(5, ' gbp ', { locale: 'en-GB' })).toBe('£5.00');
    expect(formatMoney(5, 'E1', { locale: 'en-GB' })).toBe('5.00 E1');
  });

  it('uses the runtime locale when none is given', () => {
    const expected = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'GBP' });
    expect(formatMoney(42, 'GBP')).toBe(expected.format(42));
  });

  it('builds one Intl formatter per currency, locale and style, however many amounts', () => {
    const Real = Intl.NumberFormat;
    let built = 0;
    const spy = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (
      ...args: ConstructorParameters<typeof Intl.NumberFormat>
    ) {
      built++;
      return new Real(...args);
    } as typeof Intl.NumberFormat);
    try {
      for (let i = 0; i < 500; i++) formatMoney(i, 'SEK', { locale: 'sv-SE' });
      formatMoney(1, 'SEK', { locale: 'en-GB' });
      expect(built).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });
});
