import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from './fileName';

describe('sanitizeFileName', () => {
  it('keeps a readable name readable', () => {
    expect(sanitizeFileName('Linen Summer drop brief v2.pdf')).toBe(
      'Linen Summer drop brief v2.pdf',
    );
  });

  it('removes path separators and characters Windows refuses', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(sanitizeFileName('a<b>c:d"e|f?g*h\\i')).toBe('a-b-c-d-e-f-g-h-i');
    expect(sanitizeFileName('tab\there\nnewline')).toBe('tab here newline');
  });

  it('never returns an empty or reserved name', () => {
    expect(sanitizeFileName('   ')).toBe('untitled');
    expect(sanitizeFileName('...', 'brief.pdf')).toBe('brief.pdf');
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('nul.txt')).toBe('_nul.txt');
  });

  it('caps the length', () => {
    expect(sanitizeFileName('x'.repeat(500)).length).toBe(120);
  });
});
