import type { CadenceFlag, GridDay, IsoDay, MonthGrid } from '../../../../shared/cadence';
import type { Drop, DropId } from '../../../../shared/model';

/** What one day cell draws: its grid data and the drops and flags it shows. */
export interface DayView {
  cell: GridDay;
  /** The drops the day draws (launches, markers, window bands), by id. */
  drops: ReadonlyMap<DropId, Drop>;
  /** Each launch's cadence flags. */
  chipFlags: ReadonlyMap<DropId, CadenceFlag[]>;
}

const sameList = <T>(a: readonly T[], b: readonly T[], same = (x: T, y: T) => x === y) =>
  a.length === b.length && a.every((x, i) => same(x, b[i]!));

function sameCell(a: GridDay, b: GridDay): boolean {
  return (
    a.day === b.day &&
    a.inMonth === b.inMonth &&
    a.isToday === b.isToday &&
    a.isPast === b.isPast &&
    a.ghost === b.ghost &&
    sameList(a.launches, b.launches) &&
    sameList(a.markers, b.markers, (x, y) => x.dropId === y.dropId && x.kind === y.kind) &&
    sameList(a.window72, b.window72) &&
    sameList(a.repurchase, b.repurchase) &&
    sameList(a.deadlines, b.deadlines) &&
    sameList(a.flags, b.flags)
  );
}

function sameMap<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/**
 * The month's days as their cells draw them, keeping each day of `prev` whose cell, drops and
 * flags are all unchanged by identity: a reschedule redraws the two days it touches, not the
 * whole month (the cells are memoised on their `DayView`).
 */
export function keepSameDays(
  prev: ReadonlyMap<IsoDay, DayView> | null,
  grid: MonthGrid,
  drops: ReadonlyMap<DropId, Drop>,
  flagsByDrop: ReadonlyMap<DropId, CadenceFlag[]>,
): Map<IsoDay, DayView> {
  const out = new Map<IsoDay, DayView>();
  for (const week of grid.weeks) {
    for (const cell of week) {
      const shown = new Map<DropId, Drop>();
      const chipFlags = new Map<DropId, CadenceFlag[]>();
      for (const id of cell.launches) {
        const flags = flagsByDrop.get(id);
        if (flags) chipFlags.set(id, flags);
      }
      for (const id of [...cell.launches, ...cell.markers.map((m) => m.dropId), ...cell.window72]) {
        const d = drops.get(id);
        if (d) shown.set(id, d);
      }
      const before = prev?.get(cell.day);
      const same =
        before &&
        sameCell(before.cell, cell) &&
        sameMap(before.drops, shown) &&
        sameMap(before.chipFlags, chipFlags);
      out.set(cell.day, same ? before : { cell, drops: shown, chipFlags });
    }
  }
  return out;
}
