import { describe, expect, it } from 'vitest';
import { resultsFileName } from '../../../renderer/src/results/print/exportResults';

describe('the results PDF’s file name', () => {
  it('keeps every letter of the brand and drop, accents folded', () => {
    expect(resultsFileName('Łukasz & Zoë Atelier', 'Łódź Nights')).toBe(
      'lukasz-and-zoe-atelier-lodz-nights-results.pdf',
    );
    expect(resultsFileName('Søren', 'Straße')).toBe('soren-strasse-results.pdf');
  });

  it('keeps a title in another script, and names a drop with no letters "drop"', () => {
    expect(resultsFileName('Лето', '***')).toBe('лето-drop-results.pdf');
  });
});
