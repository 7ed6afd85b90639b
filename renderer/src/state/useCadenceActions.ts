import { useMemo } from 'react';
import {
  createDropOnDate,
  formatDayForPeople,
  rescheduleDrop,
  setTimezone,
} from '../../../shared/cadence';
import { setCadence, type Cadence, type Drop, type DropId } from '../../../shared/model';
import { guardedRunner } from './actions';
import { useOpenWorkspace } from './WorkspaceContext';

/** The calendar's and timeline's edits; each is one undoable step through shared/cadence. */
export interface CadenceActions {
  reschedule(id: DropId, day: string, moveDependents: boolean): boolean;
  createOnDate(day: string): DropId | null;
  setCadence(cadence: Cadence): boolean;
  setTimezone(tz: string): boolean;
}

/** Wraps the writes so a refusal becomes a message for the person, not a broken view. */
export function useCadenceActions(report: (message: string) => void): CadenceActions {
  const ws = useOpenWorkspace();
  return useMemo(() => {
    const { doc } = ws;
    const run = guardedRunner(ws, report);
    return {
      reschedule: (id, day, moveDependents) =>
        run(() => rescheduleDrop(doc, id, day, { moveDependents }), false),
      createOnDate: (day) => run(() => createDropOnDate(doc, day) as DropId | null, null),
      setCadence: (cadence) => run(() => (setCadence(doc, cadence), true), false),
      setTimezone: (tz) => run(() => (setTimezone(doc, tz), true), false),
    };
  }, [ws, report]);
}

/**
 * What the calendar and the timeline say after a launch moved: "“Storm Coat” now launches Wed,
 * 10 Mar 2027 (shoot and publish moved with it)."
 */
export function rescheduledMessage(
  drop: Pick<Drop, 'title' | 'shootDate' | 'publishDate'> | undefined,
  day: string,
  moveDependents: boolean,
  locale: string,
): string {
  const withIt =
    moveDependents && (drop?.shootDate || drop?.publishDate)
      ? ' (shoot and publish moved with it)'
      : '';
  return `“${drop?.title ?? 'Drop'}” now launches ${formatDayForPeople(day, locale)}${withIt}.`;
}
