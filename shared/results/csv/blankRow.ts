/** True for a row with no value in any column (a trailing or spacer line): not a data row. */
export function isBlankRow(rec: Record<string, string | undefined>): boolean {
  return Object.values(rec).every((v) => !v || !String(v).trim());
}
