import { useEffect } from 'react';
import { readDrop, readStages, type DropId, type PlacedDrop } from '../../../shared/model';
import { useOpenWorkspace } from '../state';

/** What to tell a person whose drops a teammate's stage removal sent elsewhere. */
export function movedByRemovalMessage(
  placed: readonly PlacedDrop[],
  title: (dropId: string) => string | undefined,
  stageName: (stageId: string) => string | undefined,
): string | null {
  const first = placed[0];
  if (!first) return null;
  const removed = first.removedStageName ?? 'that stage';
  const to = stageName(first.stageId) ?? 'another stage';
  if (placed.length === 1) {
    const name = title(first.dropId) ?? 'A drop';
    return `“${name}” is in ${to} now: a teammate removed ${removed} as you moved it there.`;
  }
  return `${placed.length} drops you moved are in ${to} now: a teammate removed ${removed} as you moved them there.`;
}

/** Tells this person, through `onMessage`, where their drops went after such a removal. */
export function useMovedByRemoval(onMessage: (message: string) => void): void {
  const ws = useOpenWorkspace();
  useEffect(
    () =>
      ws.onMovedByRemoval?.((placed) => {
        const stages = readStages(ws.doc);
        const message = movedByRemovalMessage(
          placed,
          (id) => readDrop(ws.doc, id as DropId)?.title,
          (id) => stages.find((s) => s.id === id)?.name,
        );
        if (message) onMessage(message);
      }),
    [ws, onMessage],
  );
}
