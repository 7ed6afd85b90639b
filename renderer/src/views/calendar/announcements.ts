import type { Active, Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import { formatDayForPeople } from '../../../../shared/cadence';

export const calendarInstructions: ScreenReaderInstructions = {
  draggable:
    'To reschedule a drop, press Space to pick it up, use the arrow keys to move it by a day ' +
    'or a week (onto a day of another month too: the calendar turns to that month), and press ' +
    'Space again to put it down (hold Alt to move only the launch, not the shoot and publish ' +
    'dates). Press Escape to cancel. Press Enter to open the drop.',
};

const dayOf = (id: string | number | undefined) =>
  id === undefined ? null : String(id).replace(/^day:/, '');

/**
 * Screen-reader announcements that speak of drops and days. `launchDay` gives a drop's launch day
 * (`launch:<id>` or the id): its chip, and the data on it, may have left the grid with its month.
 */
export function calendarAnnouncements(
  title: (dropId: string) => string,
  launchDay: (dropId: string) => string | null,
): Announcements {
  const said = (id: string | number | null | undefined) => {
    const day = dayOf(id ?? undefined);
    return day ? formatDayForPeople(day) : 'no day';
  };
  const from = (active: Active) =>
    said((active.data.current?.day as string | undefined) ?? launchDay(String(active.id)));
  return {
    onDragStart: ({ active }) =>
      `Picked up ${title(String(active.data.current?.dropId ?? active.id))}, launching ${from(active)}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${title(String(active.data.current?.dropId ?? active.id))} is over ${said(over.id)}.`
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${title(String(active.data.current?.dropId ?? active.id))} now launches ${said(over.id)}.`
        : `${title(String(active.data.current?.dropId ?? active.id))} was not moved.`,
    onDragCancel: ({ active }) =>
      `Cancelled. ${title(String(active.data.current?.dropId ?? active.id))} still launches ${from(active)}.`,
  };
}
