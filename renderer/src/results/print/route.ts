/** The results print view: `#/print/results/<workspaceId>/<dropId>?size=A4|Letter`. */
export interface ResultsPrintRoute {
  workspaceId: string;
  dropId: string;
  size: 'A4' | 'Letter';
  autoprint: boolean;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Parses a location hash; null when it is not a results print view. */
export function parseResultsPrintRoute(hash: string): ResultsPrintRoute | null {
  const m = /^#\/print\/results\/([^/?]+)\/([^/?]+)(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const workspaceId = decodeURIComponent(m[1]!);
  const dropId = decodeURIComponent(m[2]!);
  if (!ID.test(workspaceId) || !ID.test(dropId)) return null;
  const params = new URLSearchParams(m[3] ?? '');
  return {
    workspaceId,
    dropId,
    size: params.get('size') === 'Letter' ? 'Letter' : 'A4',
    autoprint: params.get('autoprint') === '1',
  };
}

export function resultsPrintHash(
  r: Omit<ResultsPrintRoute, 'autoprint'> & { autoprint?: boolean },
): string {
  const params = new URLSearchParams({ size: r.size });
  if (r.autoprint) params.set('autoprint', '1');
  return `#/print/results/${encodeURIComponent(r.workspaceId)}/${encodeURIComponent(r.dropId)}?${params}`;
}
