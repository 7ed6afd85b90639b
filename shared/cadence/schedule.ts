import type * as Y from 'yjs';
import { createDrop, readDropRecord, type DropFields } from '../model/drop';
import type { DropId, StageId } from '../model/ids';
import { recordAt, root, transactLocal } from '../model/schema';
import { readStages } from '../model/stage';
import {
  addDaysTo,
  daysBetween,
  formatDayForPeople,
  isIsoDay,
  isValidTimeZone,
  zoneNameAsWritten,
  type IsoDay,
} from './days';
import { SHOOT_TO_PUBLISH_DAYS } from './windows';

export interface RescheduleOptions {
  /** true: shoot and publish move with the launch, keeping their day offsets. */
  moveDependents: boolean;
}

/**
 * Moves a drop's launch to `newDropDate` (one undoable step). With `moveDependents`, the
 * shoot and publish dates shift by the same number of calendar days; without, only the
 * launch moves. Returns false when nothing changed.
 */
export function rescheduleDrop(
  doc: Y.Doc,
  id: DropId,
  newDropDate: IsoDay,
  { moveDependents }: RescheduleOptions,
): boolean {
  if (!isIsoDay(newDropDate)) throw new Error(`"${newDropDate}" is not a date like 2026-03-14.`);
  return transactLocal(doc, () => {
    const rec = recordAt(root.drops(doc), id);
    const drop = rec ? readDropRecord(id, rec) : null;
    if (!rec || !drop) throw new Error('That drop was deleted.');
    if (drop.dropDate === newDropDate) return false;
    if (moveDependents && drop.dropDate) {
      const shift = daysBetween(drop.dropDate, newDropDate);
      // Only changed keys are written, so an untouched date never overrides a peer's edit.
      if (drop.shootDate) rec.set('shootDate', addDaysTo(drop.shootDate, shift));
      if (drop.publishDate) rec.set('publishDate', addDaysTo(drop.publishDate, shift));
    }
    rec.set('dropDate', newDropDate);
    return true;
  });
}

/**
 * The playbook's dates for a launch on `day`: shoot seven days before, publish on launch day,
 * so the assets are out no later than the drop and the shoot-to-publish week is respected.
 */
export function playbookDatesFor(
  day: IsoDay,
): Pick<DropFields, 'shootDate' | 'publishDate' | 'dropDate'> {
  return { shootDate: addDaysTo(day, -SHOOT_TO_PUBLISH_DAYS), publishDate: day, dropDate: day };
}

/** Creates a drop launching on `day` (a ghost slot made real), in the first stage by default. */
// A drop planned on a date is named after it until someone names it.
const PLANNED_TITLE_PREFIX = 'Drop · ';

/** The title a drop planned on a date starts with, which is there to be typed over. */
export function isPlannedDropTitle(title: string): boolean {
  return title.startsWith(PLANNED_TITLE_PREFIX);
}

export function createDropOnDate(
  doc: Y.Doc,
  day: IsoDay,
  stageId?: StageId,
  fields: Partial<DropFields> = {},
): DropId {
  if (!isIsoDay(day)) throw new Error(`"${day}" is not a date like 2026-03-14.`);
  const stage = stageId ?? readStages(doc)[0]?.id;
  if (!stage) throw new Error('Add a stage to the board before planning drops.');
  return createDrop(doc, {
    stageId: stage,
    title: `${PLANNED_TITLE_PREFIX}${formatDayForPeople(day, 'en-GB', false)}`,
    ...playbookDatesFor(day),
    ...fields,
  });
}

/** Sets the workspace's time zone (an IANA name such as "Europe/Berlin"). */
export function setTimezone(doc: Y.Doc, tz: string): void {
  const clean = tz.trim();
  if (!isValidTimeZone(clean)) {
    throw new Error(
      `"${tz}" is not a time zone this computer knows. Use a name like Europe/Berlin.`,
    );
  }
  const named = zoneNameAsWritten(clean);
  transactLocal(doc, () => root.meta(doc).set('timezone', named));
}
