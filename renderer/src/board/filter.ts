import { compareRanked, type Channel, type Column, type Drop } from '../../../shared/model';

/** What the search and filter bar narrows the board to. */
export interface BoardFilter {
  text: string;
  creatorId: string;
  channel: Channel | '';
  showArchived: boolean;
}

export const EMPTY_FILTER: BoardFilter = {
  text: '',
  creatorId: '',
  channel: '',
  showArchived: false,
};

export function isFiltering(f: BoardFilter): boolean {
  return f.text.trim() !== '' || f.creatorId !== '' || f.channel !== '';
}

// Accents and case never decide a match: "cafe" finds "Café", "LINEN" finds "linen".
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The query's words, folded: every one must appear, in any order ("linen harbour"). */
export function searchWords(text: string): string[] {
  return fold(text).split(/\s+/).filter(Boolean);
}

export function matchesFilter(drop: Drop, f: BoardFilter): boolean {
  if (f.creatorId && drop.creatorId !== f.creatorId) return false;
  if (f.channel && !drop.channels.includes(f.channel)) return false;
  const words = searchWords(f.text);
  if (words.length === 0) return true;
  const haystack = fold(`${drop.title}\n${drop.narrative}`);
  return words.every((w) => haystack.includes(w));
}

/** The cards a column shows: its live drops (plus archived ones on request), filtered. */
export function visibleDrops(
  column: Column,
  archived: readonly Drop[],
  f: BoardFilter,
): readonly Drop[] {
  const filtering = isFiltering(f);
  if (!filtering && (!f.showArchived || archived.length === 0)) return column.drops;
  let list: Drop[] = filtering ? column.drops.filter((d) => matchesFilter(d, f)) : column.drops;
  if (f.showArchived && archived.length > 0) {
    list = [...list, ...archived.filter((d) => !filtering || matchesFilter(d, f))].sort((a, b) =>
      compareRanked({ id: a.id, rank: a.pos.rank }, { id: b.id, rank: b.pos.rank }),
    );
  }
  return list;
}

/** Archived drops grouped by stage (a drop whose stage is gone goes to the first column). */
export function archivedByStage(
  drops: ReadonlyMap<string, Drop>,
  columns: readonly Column[],
): Map<string, Drop[]> {
  const out = new Map<string, Drop[]>();
  const first = columns[0]?.stage.id;
  const known = new Set(columns.map((c) => c.stage.id as string));
  for (const d of drops.values()) {
    if (!d.archived) continue;
    const key = known.has(d.pos.stageId) ? d.pos.stageId : first;
    if (!key) continue;
    const list = out.get(key) ?? [];
    list.push(d);
    out.set(key, list);
  }
  return out;
}

/**
 * Turns a slot in the visible (maybe filtered) column into the index `moveDrop` expects:
 * the position among all the column's other live cards.
 */
export function indexAmongLive(
  liveColumn: readonly Drop[],
  visibleOrder: readonly string[],
  movingId: string,
): number {
  const live = liveColumn.filter((d) => d.id !== movingId).map((d) => d.id as string);
  const at = visibleOrder.indexOf(movingId);
  // Look for the nearest live neighbour above, then below, in what the person sees.
  for (let i = at - 1; i >= 0; i--) {
    const j = live.indexOf(visibleOrder[i]!);
    if (j >= 0) return j + 1;
  }
  for (let i = at + 1; i < visibleOrder.length; i++) {
    const j = live.indexOf(visibleOrder[i]!);
    if (j >= 0) return j;
  }
  return live.length;
}
