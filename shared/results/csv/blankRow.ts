/** True for a row with no value in any cell (a trailing or spacer line): not a data row. */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const v of cells) if (v && v.trim()) return false;
  return true;
}
