import { exportPlanIcs, icsFileName, type IcsReminderDays } from '../../../../shared/ics';
import type { WorkspaceSnapshot } from '../../../../shared/store/workspaceStore';
import { printableFileName } from '../../../../shared/model/printable';
import { platform } from '../../platform/platform';

/** Builds the plan's .ics and hands it to the platform's save (a dialog or a download). */
export async function exportPlan(
  snapshot: WorkspaceSnapshot,
  choices: { withDependents: boolean; reminderDays: IcsReminderDays | null },
): Promise<string | null> {
  const ics = exportPlanIcs(snapshot.drops.values(), {
    workspaceName: snapshot.meta.name,
    timezone: snapshot.meta.timezone,
    includeShootAndPublish: choices.withDependents,
    reminderDays: choices.reminderDays,
    creatorName: (id) => snapshot.creatorNames.get(id),
  });
  const result = await platform().saveText(icsFileName(snapshot.meta.name), ics, 'text/calendar');
  if (result.ok) return `Exported the plan to ${printableFileName(result.path)}.`;
  if (result.reason === 'cancelled') return null;
  return `Could not save the calendar file${result.message ? `: ${result.message}` : '.'}`;
}
