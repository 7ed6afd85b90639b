/**
 * Whether an order line's or event's SKU is one of a drop's products. A drop lists its SKUs
 * (upper case) exactly, or as prefixes ending in `*` (`HL-SHIRT*`), the way the workspace lists
 * local postcodes: shops export each variant's SKU (`HL-SHIRT-M`, `HL-SHIRT-L`), and a drop
 * listed by its product's SKU matched none of them, so it was credited with nothing.
 */
export function skuMatches(skus: readonly string[], sku: string): boolean {
  for (const s of skus) {
    if (s.endsWith('*') ? sku.startsWith(s.slice(0, -1)) : s === sku) return true;
  }
  return false;
}
