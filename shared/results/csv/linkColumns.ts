import { extractLinkTokens, LINK_PARAMS, paramToken } from './links';

/** A column named after one of a tracking link's parameters (`UTM Campaign`, `ref`). */
export interface LinkColumn {
  index: number;
  param: (typeof LINK_PARAMS)[number];
}

// WooCommerce keeps its order attribution as `_wc_order_attribution_utm_source`; exports of its
// order meta write that name, some with a `meta:` before it.
const ATTRIBUTION_PREFIX = /^(?:meta_)?wc_order_attribution_/;

/** The link parameter a column's name spells (`UTM Source`, `utm-source`, `utm_source`), or null. */
export function linkParamOfColumn(name: string): LinkColumn['param'] | null {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(ATTRIBUTION_PREFIX, '');
  return LINK_PARAMS.find((p) => p === key) ?? null;
}

/**
 * The columns of a header row that hold one link parameter's value each. Exports that keep an
 * order's attribution in columns (WooCommerce's UTM Source, UTM Campaign…) write the value
 * alone (`lena`), not the link it came from.
 */
export function linkColumns(headers: readonly string[]): LinkColumn[] {
  const out: LinkColumn[] = [];
  headers.forEach((h, index) => {
    const param = linkParamOfColumn(h);
    if (param) out.push({ index, param });
  });
  return out;
}

/**
 * The traces in one such column's value: the value as `param=value`, as the creator's link
 * writes it (`?utm_campaign=lena`), or the link's own traces when the cell holds a whole link.
 */
export function linkColumnTokens(param: LinkColumn['param'], value: string): string[] {
  const v = value.trim();
  if (!v) return [];
  if (/^(?:https?:\/\/|\/)/i.test(v)) return extractLinkTokens(v);
  const token = paramToken(param, v);
  return token ? [token] : [];
}
