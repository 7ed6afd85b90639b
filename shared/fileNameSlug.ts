// Latin letters that Unicode does not write as a base letter plus an accent, so stripping
// accents alone lost them ("Łódź" became "odz", "Søren" "sren"): spelt out the way people
// write them without the letter.
const SPELT_OUT: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const SPELT_OUT_PATTERN = new RegExp(`[${Object.keys(SPELT_OUT).join('')}]`, 'g');

/**
 * One part of a file name from a person's text ("Łódź Nights — Velvet" → "lodz-nights-velvet"):
 * lower case, accents dropped from Latin letters, words joined by "-", at most `max` characters.
 * Letters of other scripts are kept ("夏の風", "лето"): a title in them is not "untitled".
 */
export function fileNameSlug(text: string, max: number, fallback: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(SPELT_OUT_PATTERN, (c) => SPELT_OUT[c] ?? c)
    .replace(/&/g, ' and ')
    // Back to composed form: a Hangul syllable or a kana with its voicing mark is one letter.
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code points, never inside a letter outside the basic plane, nor after a dash.
  const slug = Array.from(words).slice(0, max).join('').replace(/-+$/, '');
  return slug || fallback;
}
