import { PAGE_SIZES, type PageSize } from '../../../../shared/brief';

/** A print view address: `#/print/brief/<workspaceId>/<dropId>?size=A4|Letter&v=<n>`. */
export interface PrintRoute {
  workspaceId: string;
  dropId: string;
  size: PageSize;
  /** The version printed on the brief (defaults to the sent or next version). */
  version: number | null;
  /** Open the browser's print dialog once the page is ready (browser export). */
  autoprint: boolean;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Parses a location hash; null when it is not a print view (or is malformed). */
export function parsePrintRoute(hash: string): PrintRoute | null {
  const m = /^#\/print\/brief\/([^/?]+)\/([^/?]+)(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const workspaceId = decodeURIComponent(m[1]!);
  const dropId = decodeURIComponent(m[2]!);
  if (!ID.test(workspaceId) || !ID.test(dropId)) return null;
  const params = new URLSearchParams(m[3] ?? '');
  const size = params.get('size');
  const v = Number(params.get('v'));
  return {
    workspaceId,
    dropId,
    size: (PAGE_SIZES as readonly string[]).includes(size ?? '') ? (size as PageSize) : 'A4',
    version: Number.isInteger(v) && v > 0 ? v : null,
    autoprint: params.get('autoprint') === '1',
  };
}

/** The hash of a brief's print view. */
export function printHash(
  r: Omit<PrintRoute, 'autoprint' | 'version'> & { version?: number | null; autoprint?: boolean },
): string {
  const params = new URLSearchParams({ size: r.size });
  if (r.version) params.set('v', String(r.version));
  if (r.autoprint) params.set('autoprint', '1');
  return `#/print/brief/${encodeURIComponent(r.workspaceId)}/${encodeURIComponent(r.dropId)}?${params}`;
}
