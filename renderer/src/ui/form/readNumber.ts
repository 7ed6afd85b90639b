import { parseAmount } from '../../../../shared/results';

/**
 * A number as a person types it, or NaN so the form's validation can say why. Decimals are read
 * as amounts are written (`1,200`, `1.200,50`, `12,5`, `€ 12`): a decimal comma is as common
 * as a point among the brands that use Cadence. Whole numbers are digits only.
 */
export function readNumber(draft: string, whole = false): number {
  const s = draft.trim();
  if (whole) return /^\d+$/.test(s) ? Number(s) : Number.NaN;
  return parseAmount(s) ?? Number.NaN;
}
