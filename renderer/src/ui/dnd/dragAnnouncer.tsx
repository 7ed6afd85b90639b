import { useSyncExternalStore } from 'react';
import type { Announcements } from '@dnd-kit/core';

/**
 * Where a view's drag announcements go. dnd-kit's own live region keeps its last one ("Dropped
 * Storm Coat in Review, position 2 of 5") until the next drag, still there after an undo has
 * made it untrue; the view owns this one and empties it then (`clear`).
 */
export interface DragAnnouncer {
  say(text: string): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
  get(): string;
}

export function createDragAnnouncer(): DragAnnouncer {
  let text = '';
  const listeners = new Set<() => void>();
  const set = (next: string) => {
    if (next === text) return;
    text = next;
    for (const l of [...listeners]) l();
  };
  return {
    say: set,
    clear: () => set(''),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => text,
  };
}

/** `announcements` speaking through `announcer`: dnd-kit's own region is left empty. */
export function announceThrough(
  announcements: Announcements,
  announcer: DragAnnouncer,
): Announcements {
  const say = (text: string | undefined): undefined => {
    if (text !== undefined) announcer.say(text);
    return undefined;
  };
  const { onDragMove } = announcements;
  return {
    onDragStart: (e) => say(announcements.onDragStart(e)),
    onDragMove: onDragMove ? (e) => say(onDragMove(e)) : undefined,
    onDragOver: (e) => say(announcements.onDragOver(e)),
    onDragEnd: (e) => say(announcements.onDragEnd(e)),
    onDragCancel: (e) => say(announcements.onDragCancel(e)),
  };
}

/** The live region (assertive, as dnd-kit's), re-rendered alone when the text changes. */
export function DragAnnouncement(props: { announcer: DragAnnouncer; id: string }) {
  const { announcer, id } = props;
  const text = useSyncExternalStore(announcer.subscribe, announcer.get);
  return (
    <div id={id} className="sr-only" role="status" aria-live="assertive" aria-atomic="true">
      {text}
    </div>
  );
}
