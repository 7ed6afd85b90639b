import type { Drop } from '../model/drop';
import type { DropId } from '../model/ids';
import type { Cadence } from '../model/workspace';
import { cadenceDaysFrom, describeCadence, dueAfter } from './cadence';
import { daysBetween, type IsoDay } from './days';
import { BRIEF_READY_DAYS, SHOOT_TO_PUBLISH_DAYS } from '../playbook';

export type FlagKind = 'gap' | 'too-close' | 'not-ready' | 'slow-publish' | 'launch-before-shoot';

/** Something in the plan that breaks the playbook, worded for the creative director. */
export interface CadenceFlag {
  kind: FlagKind;
  /** The drops concerned (for a gap or a clash: the earlier launch first). */
  dropIds: DropId[];
  /** The day the flag belongs to on a calendar (the later launch for gaps and clashes). */
  day: IsoDay;
  message: string;
}

/** What flags need of a drop. */
export type FlaggableDrop = Pick<
  Drop,
  'id' | 'title' | 'narrative' | 'creatorId' | 'shootDate' | 'publishDate' | 'dropDate' | 'archived'
>;

/**
 * Days from shoot to publish when they exceed the playbook's, else null (one rule for the
 * calendar's flags, the card's badge and the drop panel).
 */
export function slowTurnaround(d: Pick<Drop, 'shootDate' | 'publishDate'>): number | null {
  if (!d.shootDate || !d.publishDate) return null;
  const days = daysBetween(d.shootDate, d.publishDate);
  return days > SHOOT_TO_PUBLISH_DAYS ? days : null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Flags already worked out, kept between two checks of the same plan (`cadenceFlags`' `memo`):
 * a drop's own flags by the drop, a gap or clash by the pair of launches. Store snapshots never
 * change a drop in place (a change is a new object), so a reschedule re-checks only the drops
 * and pairs it touched, and every other flag keeps its identity.
 */
export interface FlagMemo {
  own: WeakMap<FlaggableDrop, { today: IsoDay; flags: CadenceFlag[] }>;
  pairs: WeakMap<FlaggableDrop, { next: FlaggableDrop; cadence: string; flag: CadenceFlag | null }>;
}

export const createFlagMemo = (): FlagMemo => ({ own: new WeakMap(), pairs: new WeakMap() });

type Launch = FlaggableDrop & { dropDate: IsoDay };

// A gap longer than the cadence, or two launches closer than half of it; null when neither.
function pairFlag(prev: Launch, next: Launch, cadence: Cadence): CadenceFlag | null {
  const expected = dueAfter(prev.dropDate, cadence);
  const gap = daysBetween(prev.dropDate, next.dropDate);
  const step = cadenceDaysFrom(prev.dropDate, cadence);
  if (next.dropDate > expected) {
    return {
      kind: 'gap',
      dropIds: [prev.id, next.id],
      day: next.dropDate,
      message: `${plural(gap, 'day')} without a launch between “${prev.title}” and “${next.title}” — longer than the cadence (${describeCadence(cadence).toLowerCase()}, ${plural(step, 'day')}).`,
    };
  }
  if (gap * 2 < step) {
    return {
      kind: 'too-close',
      dropIds: [prev.id, next.id],
      day: next.dropDate,
      message:
        gap === 0
          ? `“${prev.title}” and “${next.title}” launch on the same day.`
          : `“${prev.title}” and “${next.title}” launch only ${plural(gap, 'day')} apart — less than half the cadence.`,
    };
  }
  return null;
}

// A drop's own flags: not ready close to launch, launching before its shoot, a slow turnaround.
function ownFlags(d: FlaggableDrop, today: IsoDay): CadenceFlag[] {
  const flags: CadenceFlag[] = [];
  if (d.dropDate) {
    const left = daysBetween(today, d.dropDate);
    const missing = [
      d.creatorId ? null : 'no creator',
      d.narrative.trim() ? null : 'no narrative',
    ].filter(Boolean);
    if (left >= 0 && left < BRIEF_READY_DAYS && missing.length > 0) {
      flags.push({
        kind: 'not-ready',
        dropIds: [d.id],
        day: d.dropDate,
        message: `“${d.title}” launches ${left === 0 ? 'today' : `in ${plural(left, 'day')}`} with ${missing.join(' and ')}.`,
      });
    }
  }
  // The launch shows the shots: a launch before the shoot has nothing to show yet (the
  // brief's check says the same).
  if (d.dropDate && d.shootDate && d.dropDate < d.shootDate) {
    flags.push({
      kind: 'launch-before-shoot',
      dropIds: [d.id],
      day: d.dropDate,
      message: `“${d.title}” launches ${plural(daysBetween(d.dropDate, d.shootDate), 'day')} before its shoot.`,
    });
  }
  const turnaround = slowTurnaround(d);
  if (turnaround !== null && d.publishDate) {
    flags.push({
      kind: 'slow-publish',
      dropIds: [d.id],
      day: d.publishDate,
      message: `“${d.title}” takes ${plural(turnaround, 'day')} from shoot to publish — the playbook allows ${SHOOT_TO_PUBLISH_DAYS}.`,
    });
  }
  return flags;
}

/**
 * Checks live drops against the cadence and the playbook:
 * - a gap between consecutive launches longer than the cadence;
 * - two launches closer than half the cadence;
 * - a drop with no creator or no narrative less than BRIEF_READY_DAYS before its launch;
 * - more than SHOOT_TO_PUBLISH_DAYS from shoot to publish;
 * - a launch before the drop's shoot.
 * With a `memo` (drops never changed in place), flags of drops and pairs a change did not touch
 * are reused, the same objects as before.
 */
export function cadenceFlags(
  drops: Iterable<FlaggableDrop>,
  cadence: Cadence,
  today: IsoDay,
  memo?: FlagMemo,
): CadenceFlag[] {
  const live = [...drops].filter((d) => !d.archived);
  const flags: CadenceFlag[] = [];
  const launches = live
    .filter((d): d is Launch => !!d.dropDate)
    .sort((a, b) =>
      a.dropDate === b.dropDate ? (a.id < b.id ? -1 : 1) : a.dropDate < b.dropDate ? -1 : 1,
    );

  const cadenceKey = memo ? JSON.stringify(cadence) : '';
  for (let i = 1; i < launches.length; i++) {
    const prev = launches[i - 1]!;
    const next = launches[i]!;
    let flag: CadenceFlag | null;
    const kept = memo?.pairs.get(prev);
    if (kept && kept.next === next && kept.cadence === cadenceKey) flag = kept.flag;
    else {
      flag = pairFlag(prev, next, cadence);
      memo?.pairs.set(prev, { next, cadence: cadenceKey, flag });
    }
    if (flag) flags.push(flag);
  }

  for (const d of live) {
    const kept = memo?.own.get(d);
    if (kept && kept.today === today) flags.push(...kept.flags);
    else {
      const own = ownFlags(d, today);
      memo?.own.set(d, { today, flags: own });
      flags.push(...own);
    }
  }
  return flags;
}

/** Flags grouped by drop, for cards and markers. */
export function flagsByDrop(flags: CadenceFlag[]): Map<DropId, CadenceFlag[]> {
  const out = new Map<DropId, CadenceFlag[]>();
  for (const f of flags) {
    for (const id of f.dropIds) {
      const list = out.get(id) ?? [];
      list.push(f);
      out.set(id, list);
    }
  }
  return out;
}

const sameFlag = (a: CadenceFlag, b: CadenceFlag) =>
  a === b ||
  (a.kind === b.kind &&
    a.day === b.day &&
    a.message === b.message &&
    a.dropIds.length === b.dropIds.length &&
    a.dropIds.every((id, i) => id === b.dropIds[i]));

/**
 * The flags of a new check, keeping each one already in `prev` by identity (and `prev` itself
 * when nothing changed), so views redraw only what a change touched.
 */
export function keepSameFlags(prev: CadenceFlag[] | null, next: CadenceFlag[]): CadenceFlag[] {
  if (!prev) return next;
  // Most flags sit where they were; the rest are found by their message (it names the drops).
  let byMessage: Map<string, CadenceFlag[]> | null = null;
  let same = prev.length === next.length;
  const out = next.map((f, i) => {
    const there = prev[i];
    if (there && sameFlag(there, f)) return there;
    same = false;
    if (!byMessage) {
      byMessage = new Map();
      for (const p of prev) byMessage.set(p.message, [...(byMessage.get(p.message) ?? []), p]);
    }
    return byMessage.get(f.message)?.find((p) => sameFlag(p, f)) ?? f;
  });
  return same ? prev : out;
}

/** `flagsByDrop`, keeping each drop's list from `prev` when it holds the same flags. */
export function keepSameFlagsByDrop(
  prev: ReadonlyMap<DropId, CadenceFlag[]> | null,
  flags: CadenceFlag[],
): Map<DropId, CadenceFlag[]> {
  const next = flagsByDrop(flags);
  if (!prev) return next;
  for (const [id, list] of next) {
    const before = prev.get(id);
    if (before && before.length === list.length && before.every((f, i) => f === list[i]))
      next.set(id, before);
  }
  return next;
}
