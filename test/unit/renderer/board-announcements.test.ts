import { describe, expect, it } from 'vitest';
import type { Active, Over } from '@dnd-kit/core';
import { boardAnnouncements, type BoardNames } from '../../../renderer/src/board/announcements';

// What a screen-reader user hears while moving a drop with the keyboard.
function names(place: { stageId: string; position: number; total: number } | null): BoardNames {
  return {
    dropTitle: () => 'Harbour Linen',
    stageName: (id) => ({ brief: 'Brief', shoot: 'Shoot' })[id] ?? 'stage',
    place: () => place,
    stagePlace: () => ({ position: 2, total: 7 }),
    hasMoved: () => true,
  };
}
const active = { id: 'd1' } as Active;
const over = { id: 'stage:shoot' } as Over;
const event = { active, over, collisions: null, delta: { x: 0, y: 0 }, activatorEvent: null };

describe('board announcements', () => {
  it('speaks a drop move once per new place, not on every pointer move', () => {
    let place = { stageId: 'brief', position: 1, total: 4 };
    const a = boardAnnouncements({ ...names(null), place: () => place });
    expect(a.onDragStart({ active })).toBe(
      'Picked up drop Harbour Linen. It is in Brief, position 1 of 4.',
    );
    expect(a.onDragMove?.(event as never)).toBeUndefined(); // still where it was picked up
    place = { stageId: 'shoot', position: 2, total: 6 };
    expect(a.onDragMove?.(event as never)).toBe(
      'Drop Harbour Linen moved to Shoot, position 2 of 6.',
    );
    expect(a.onDragMove?.(event as never)).toBeUndefined();
    expect(a.onDragOver(event as never)).toBeUndefined(); // columns are not a drop's places
    expect(a.onDragEnd(event as never)).toBe('Dropped Harbour Linen in Shoot, position 2 of 6.');
  });

  it('says a drop let go outside the board was put back, and a cancel keeps it', () => {
    const a = boardAnnouncements(names({ stageId: 'brief', position: 1, total: 4 }));
    expect(a.onDragEnd({ ...event, over: null } as never)).toBe('Drop Harbour Linen was put back.');
    expect(a.onDragCancel(event as never)).toBe(
      'Cancelled. Drop Harbour Linen stays where it was.',
    );
  });

  it('speaks stage moves on drag over', () => {
    const a = boardAnnouncements(names(null));
    const stage = { id: 'stage:brief' } as Active;
    expect(a.onDragOver({ ...event, active: stage } as never)).toBe(
      'Stage Brief moved to position 2 of 7.',
    );
    expect(a.onDragMove?.({ ...event, active: stage } as never)).toBeUndefined();
  });
});
