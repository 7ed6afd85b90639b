/** A column name as layouts are compared: case and spaces ignored (`Lineitem  SKU ` is Lineitem sku). */
export const sameHeader = (name: string) => name.toLowerCase().replace(/\s+/g, '');

/** Whether a header row has every one of these columns, compared as `sameHeader` does. */
export function hasColumns(headers: readonly string[], names: readonly string[]): boolean {
  const set = new Set(headers.map(sameHeader));
  return names.every((n) => set.has(sameHeader(n)));
}
