import { fieldWords, type OverwrittenRecord } from '../../../shared/sync/remoteOverwrites';
import type { DropId } from '../../../shared/model';
import type { WorkspaceSnapshot } from '../../../shared/store/workspaceStore';

/** How one overwritten record is named in a sentence: “Dune Shirt”, the creator “Zoë Park”. */
export function recordLabel(
  record: Pick<OverwrittenRecord, 'kind' | 'id'>,
  snapshot: Pick<WorkspaceSnapshot, 'drops' | 'creators' | 'stages'>,
): string {
  switch (record.kind) {
    case 'drop':
      return `“${snapshot.drops.get(record.id as DropId)?.title ?? 'A drop'}”`;
    case 'creator': {
      const name = snapshot.creators.find((c) => c.id === record.id)?.name;
      return name ? `the creator “${name}”` : 'a creator';
    }
    case 'stage': {
      const name = snapshot.stages.find((s) => s.id === record.id)?.name;
      return name ? `the stage “${name}”` : 'a stage';
    }
    case 'workspace':
      return 'the workspace';
  }
}

const listed = (words: readonly string[]) =>
  words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;

/**
 * A teammate's values, written while apart, replaced the ones written here: which fields of
 * which drop, creator, stage or workspace setting, with the name that was here when a name or
 * title went (the record is now called by the teammate's).
 */
export function overwrittenWhileApart(
  overwritten: readonly OverwrittenRecord[],
  labels: readonly string[],
): string {
  if (overwritten.length === 1) {
    const record = overwritten[0]!;
    const words = [...new Set(record.fields.map(fieldWords))];
    const named = record.fields.find(
      (f) =>
        (f.record === 'drop' && f.key === 'title') || (f.record !== 'brief' && f.key === 'name'),
    );
    const was = typeof named?.mine === 'string' ? ` (yours: “${named.mine}”)` : '';
    const whose = record.kind === 'workspace' ? 'the workspace’s' : `the ${listed(words)} of`;
    const what =
      record.kind === 'workspace'
        ? `${whose} ${listed(words)}${was}`
        : `${whose} ${labels[0]}${was}`;
    return `A teammate changed ${what} while you were apart, and their ${
      record.fields.length === 1 ? 'change was' : 'changes were'
    } kept over yours.`;
  }
  const things = overwritten.every((o) => o.kind === 'drop')
    ? `${overwritten.length} drops`
    : `${overwritten.length} things`;
  return `Teammates changed ${things} you had changed while you were apart, and their changes were kept over yours: ${labels.join(', ')}.`;
}

/** After Use mine. */
export function putBackMessage(count: number): string {
  if (count === 0) return 'Nothing to put back: those were deleted since.';
  return `Yours are back${count === 1 ? '' : ` on ${count} of them`}. Teammates get them too.`;
}
