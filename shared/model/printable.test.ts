import { describe, expect, it } from 'vitest';
import { printableFileName, printableLine } from './printable';

describe('printableLine', () => {
  it('turns line breaks, controls and direction characters into single spaces', () => {
    expect(printableLine('Line one\nLine two\u0000\u0007')).toBe('Line one Line two');
    expect(printableLine('Night\r\n\tLinen\u0085Team')).toBe('Night Linen Team');
    // Overrides, embeddings, isolates and marks: "Team \u202egnp.exe" reads as "Team exe.png".
    expect(printableLine('Team \u202egnp.exe')).toBe('Team gnp.exe');
    for (const mark of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e'])
      expect(printableLine(`a${mark}b`)).toBe('a b');
    for (const mark of ['\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f'])
      expect(printableLine(`a${mark}b`)).toBe('a b');
    expect(printableLine('\u2028Harbour\u2029  Linen ')).toBe('Harbour Linen');
  });

  it('leaves nothing of a name made only of spaces and unprintable characters', () => {
    for (const blank of ['', '   ', '\u202e\u0007', '\n\t', '\u2066\u2069\u200f'])
      expect(printableLine(blank)).toBe('');
  });

  it('cuts at `max` characters, never through an emoji', () => {
    expect(printableLine('W'.repeat(200), 60)).toBe('W'.repeat(60));
    expect(printableLine(`${'W'.repeat(59)}🌊🌊`, 60)).toBe('W'.repeat(59));
    expect(printableLine(`${'W'.repeat(58)} 🌊`, 60)).toBe('W'.repeat(58));
  });

  it('keeps ordinary text as it is, in any script', () => {
    for (const text of ['Ткань & Co 🌾', 'Harbour Linen', 'שלום עולם', 'مرحبا', '<b>Mal lory</b>'])
      expect(printableLine(text)).toBe(text);
  });
});

describe('printableFileName', () => {
  it('shows a file name as one plain line, never its direction tricks or line breaks', () => {
    // "Orders\u202Evsc.exe" reads as "Ordersexe.csv": shown with a space where the override was.
    expect(printableFileName('Orders\u202Evsc.exe')).toBe('Orders vsc.exe');
    expect(printableFileName('March\norders\r\n.csv')).toBe('March orders .csv');
    expect(printableFileName('look\u2067book\u2069.png')).toBe('look book .png');
    expect(printableFileName('\u202E\n')).toBe('unnamed file');
    for (const name of ['orders_export.csv', 'Ткань 2026.cadence', 'שלום.png'])
      expect(printableFileName(name)).toBe(name);
  });
});
