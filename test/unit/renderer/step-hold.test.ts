import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStepHold, type StepHold } from '../../../renderer/src/ui/dnd/stepHold';
import { fakeKeyWindow, Key } from './fakeKeyWindow';

// Keys of a keyboard drag pressed faster than the view renders: each waits until the step
// before has landed, so every press is one step from where the last one went.

/**
 * A drag sensor that reads the place from the last render: an arrow steps one on from there,
 * Space puts the drag down.
 */
function dragOnFakeWindow() {
  const sensor: string[] = [];
  let drawn = 0; // the place the view last rendered
  let droppedAt: number | null = null;
  const keys = fakeKeyWindow((code) => {
    sensor.push(code);
    if (code === 'ArrowRight') hold.movedTo(`p${drawn + 1}`);
    if (code === 'ArrowLeft' && drawn > 0) hold.movedTo(`p${drawn - 1}`);
    if (code === 'Space' || code === 'Escape') {
      droppedAt = code === 'Space' ? drawn : null;
      hold.end();
    }
  });
  const hold: StepHold = createStepHold(keys.window);
  return {
    ...keys,
    sensor,
    /** The view renders the drag at `place` and reports it; timers run. */
    render(place: number) {
      drawn = place;
      hold.report(`p${place}`);
      keys.runSoon();
    },
    droppedAt: () => droppedAt,
  };
}

describe('keys held until each step of a keyboard drag has landed', () => {
  beforeEach(() => vi.stubGlobal('KeyboardEvent', Key));
  afterEach(() => vi.unstubAllGlobals());

  it('replays quick arrows one at a time, each from where the one before went', () => {
    const drag = dragOnFakeWindow();
    drag.render(0);
    drag.press('ArrowRight', 'ArrowRight', 'ArrowRight', 'Space');
    // Only the first reached the sensor: the others wait for it to land.
    expect(drag.sensor).toEqual(['ArrowRight']);
    drag.render(0); // a render that has not caught up lets nothing through
    expect(drag.sensor).toEqual(['ArrowRight']);
    drag.render(1);
    expect(drag.sensor).toEqual(['ArrowRight', 'ArrowRight']);
    drag.render(2);
    drag.render(3);
    // Space went down once the third step had landed: where the arrows sent the drag.
    expect(drag.sensor).toEqual(['ArrowRight', 'ArrowRight', 'ArrowRight', 'Space']);
    expect(drag.droppedAt()).toBe(3);
    expect(drag.listeners.size).toBe(0);
  });

  it('lets the next key through at once after a key that goes nowhere', () => {
    const drag = dragOnFakeWindow();
    drag.render(0);
    drag.press('ArrowRight', 'ArrowUp', 'ArrowRight');
    drag.render(1);
    expect(drag.sensor).toEqual(['ArrowRight', 'ArrowUp', 'ArrowRight']);
    drag.render(2);
    // Nothing left to hold: the next key goes straight to the sensor.
    expect(drag.listeners.size).toBe(0);
    drag.press('Space');
    expect(drag.droppedAt()).toBe(2);
  });

  it('never holds Escape, and forgets held keys when the drag ends', () => {
    const drag = dragOnFakeWindow();
    drag.render(0);
    drag.press('ArrowRight', 'ArrowRight', 'Escape');
    expect(drag.sensor).toEqual(['ArrowRight', 'Escape']);
    expect(drag.droppedAt()).toBeNull();
    expect(drag.listeners.size).toBe(0);
    drag.render(1);
    expect(drag.sensor).toEqual(['ArrowRight', 'Escape']);
  });

  it('lets held keys go on when a step never reports landing, instead of leaving the drag stuck', () => {
    const drag = dragOnFakeWindow();
    drag.render(0);
    drag.press('ArrowRight', 'ArrowRight', 'Space');
    drag.render(0); // the view never draws the drag at p1
    expect(drag.sensor).toEqual(['ArrowRight']);
    drag.wait();
    expect(drag.sensor).toEqual(['ArrowRight', 'ArrowRight']);
    drag.wait();
    expect(drag.sensor).toEqual(['ArrowRight', 'ArrowRight', 'Space']);
    expect(drag.listeners.size).toBe(0);
    expect(drag.pendingGiveUps()).toBe(0);
  });

  it('does not give up on a step that landed', () => {
    const drag = dragOnFakeWindow();
    drag.render(0);
    drag.press('ArrowRight', 'ArrowRight');
    drag.render(1);
    drag.render(2);
    expect(drag.pendingGiveUps()).toBe(0);
    drag.press('Space');
    expect(drag.droppedAt()).toBe(2);
  });
});
