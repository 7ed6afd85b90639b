import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import { formatDayForPeople } from '../../../../shared/cadence';

export const calendarInstructions: ScreenReaderInstructions = {
  draggable:
    'To reschedule a drop, press Space to pick it up, use the arrow keys to move it by a day ' +
    'or a week, and press Space again to put it down (hold Alt to move only the launch, not ' +
    'the shoot and publish dates). Press Escape to cancel. Press Enter to open the drop.',
};

const dayOf = (id: string | number | undefined) =>
  id === undefined ? null : String(id).replace(/^day:/, '');

/** Screen-reader announcements that speak of drops and days. */
export function calendarAnnouncements(title: (dropId: string) => string): Announcements {
  const said = (id: string | number | undefined) => {
    const day = dayOf(id);
    return day ? formatDayForPeople(day) : 'no day';
  };
  return {
    onDragStart: ({ active }) =>
      `Picked up ${title(String(active.data.current?.dropId ?? active.id))}, launching ${said(active.data.current?.day)}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${title(String(active.data.current?.dropId ?? active.id))} is over ${said(over.id)}.`
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${title(String(active.data.current?.dropId ?? active.id))} now launches ${said(over.id)}.`
        : `${title(String(active.data.current?.dropId ?? active.id))} was not moved.`,
    onDragCancel: ({ active }) =>
      `Cancelled. ${title(String(active.data.current?.dropId ?? active.id))} still launches ${said(active.data.current?.day)}.`,
  };
}
