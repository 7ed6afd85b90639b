/** How much local history each workspace keeps (docs/history.md). */
export const SNAPSHOT_BUDGET = {
  /** Automatic snapshots (daily, before an import, before a restore) kept per workspace. */
  automatic: 30,
  /** All snapshots of one workspace together, in bytes. */
  bytes: 50 * 1024 * 1024,
} as const;

/** The automatic kinds: the app takes them and prunes them; named ones only a person removes. */
export type SnapshotKind = 'daily' | 'before-import' | 'before-restore' | 'named';

/** What pruning needs to know of a stored snapshot. */
export interface SnapshotSize {
  id: string;
  kind: SnapshotKind;
  createdAt: number;
  size: number;
}

/**
 * The snapshots to delete so one workspace stays within the budget: the oldest automatic ones
 * first, until at most `automatic` remain and all together fit in `bytes`. Named snapshots are
 * never pruned; the newest snapshot is always kept, so the last safety net survives.
 */
export function snapshotsToPrune(
  all: readonly SnapshotSize[],
  budget: { automatic: number; bytes: number } = SNAPSHOT_BUDGET,
): string[] {
  const newestFirst = [...all].sort((a, b) => b.createdAt - a.createdAt);
  const newest = newestFirst[0]?.id;
  let total = all.reduce((n, s) => n + s.size, 0);
  const automatic = newestFirst.filter((s) => s.kind !== 'named' && s.id !== newest);
  let keptAutomatic =
    automatic.length + (newestFirst[0] && newestFirst[0].kind !== 'named' ? 1 : 0);
  const out: string[] = [];
  // Oldest automatic first.
  for (const s of automatic.reverse()) {
    if (keptAutomatic <= budget.automatic && total <= budget.bytes) break;
    out.push(s.id);
    total -= s.size;
    keptAutomatic--;
  }
  return out;
}
