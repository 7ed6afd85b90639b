import { dayInstant } from '../../../shared/cadence';
import { toLocalInput } from '../ui/format';

/**
 * The launch time's hint: in the workspace's zone, and, on a day the clocks go forward past it,
 * the time it really launches (02:30 does not exist that night; it is read as 03:30).
 */
export function launchHint(
  day: string | null,
  time: string | null | undefined,
  tz: string,
): string {
  if (!time) return 'Optional: all day when empty';
  if (!day) return 'In the workspace time zone';
  const real = toLocalInput(dayInstant(day as never, tz, time), tz).slice(11);
  return real === time
    ? 'In the workspace time zone'
    : `${time} does not exist that day in ${tz} (the clocks go forward): it launches at ${real}`;
}
