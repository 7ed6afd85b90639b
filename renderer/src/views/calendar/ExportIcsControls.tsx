import { useState } from 'react';
import { ICS_REMINDER_DAYS, type IcsReminderDays } from '../../../../shared/ics';
import { useOpenWorkspace } from '../../state';
import { exportPlan } from './exportIcs';

const REMINDER_LABELS: Record<IcsReminderDays, string> = {
  1: 'Remind the day before',
  2: 'Remind 2 days before',
  7: 'Remind a week before',
};

/** "Export .ics" with its choices: shoot and publish days too, and an optional reminder. */
export function ExportIcsControls(props: { onMessage: (message: string) => void }) {
  const ws = useOpenWorkspace();
  const [withDependents, setWithDependents] = useState(false);
  const [reminderDays, setReminderDays] = useState<IcsReminderDays | null>(null);
  return (
    <span className="cal-export">
      <button
        type="button"
        className="button"
        onClick={() => {
          exportPlan(ws.store.getSnapshot(), { withDependents, reminderDays }).then(
            (msg) => msg && props.onMessage(msg),
            (err: unknown) => props.onMessage(`Could not export: ${String(err)}`),
          );
        }}
      >
        Export .ics
      </button>
      <label className="toggle cv-small">
        <input
          type="checkbox"
          checked={withDependents}
          onChange={(e) => setWithDependents(e.target.checked)}
        />
        with shoot &amp; publish
      </label>
      <select
        className="input input-compact cal-reminder"
        aria-label="Reminder in the calendar file"
        value={reminderDays ?? ''}
        onChange={(e) =>
          setReminderDays(
            (ICS_REMINDER_DAYS as readonly number[]).includes(Number(e.target.value))
              ? (Number(e.target.value) as IcsReminderDays)
              : null,
          )
        }
      >
        <option value="">No reminder</option>
        {ICS_REMINDER_DAYS.map((d) => (
          <option key={d} value={d}>
            {REMINDER_LABELS[d]}
          </option>
        ))}
      </select>
    </span>
  );
}
