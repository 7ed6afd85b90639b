import { describe, expect, it } from 'vitest';
import { otherCurrencies, otherCurrenciesSentence } from '../../../shared/results/currencies';

const orders = (...curs: string[]) => curs.map((cur) => ({ cur }));

describe('orders in another currency than the workspace’s', () => {
  it('counts each other currency, most orders first, in any letter case', () => {
    const others = otherCurrencies(orders('EUR', 'usd', 'USD', 'GBP', 'eur', ''), 'eur');
    expect(others).toEqual([
      { currency: 'USD', orders: 2 },
      { currency: 'GBP', orders: 1 },
    ]);
    expect(otherCurrenciesSentence(others, 'EUR')).toBe(
      '2 orders are in USD and 1 in GBP, not EUR',
    );
  });
  it('says nothing when every order is in the workspace’s currency or names none', () => {
    const others = otherCurrencies(orders('EUR', 'EUR', ''), 'EUR');
    expect(others).toEqual([]);
    expect(otherCurrenciesSentence(others, 'EUR')).toBeNull();
  });
  it('words one order and three currencies', () => {
    expect(otherCurrenciesSentence(otherCurrencies(orders('USD'), 'EUR'), 'EUR')).toBe(
      '1 order is in USD, not EUR',
    );
    expect(
      otherCurrenciesSentence(otherCurrencies(orders('USD', 'USD', 'GBP', 'JPY'), 'EUR'), 'EUR'),
    ).toBe('2 orders are in USD, 1 in GBP and 1 in JPY, not EUR');
  });
});
