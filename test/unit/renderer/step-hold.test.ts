import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStepHold, type StepHold } from '../../../renderer/src/ui/dnd/stepHold';

// Keys of a keyboard drag pressed faster than the view renders: each waits until the step
// before has landed, so every press is one step from where the last one went.

/** The parts of a KeyboardEvent the hold reads, for Node (which has no KeyboardEvent). */
class Key extends Event {
  readonly code: string;
  readonly key: string;
  readonly altKey = false;
  readonly shiftKey = false;
  readonly ctrlKey = false;
  readonly metaKey = false;
  stopped = false;
  constructor(type: string, init: { code: string; key?: string } & EventInit) {
    super(type, init);
    this.code = init.code;
    this.key = init.key ?? init.code;
  }
  override stopImmediatePropagation() {
    this.stopped = true;
    super.stopImmediatePropagation();
  }
}

/**
 * A window whose keys pass its capture listeners first, then a drag sensor that reads the
 * place from the last render: an arrow steps one on from there, Space puts the drag down.
 */
function dragOnFakeWindow() {
  const listeners = new Set<(e: Event) => void>();
  const timers: (() => void)[] = [];
  // Timers with a delay (the hold's give-up): run only when the test lets time pass.
  const later = new Map<number, () => void>();
  let nextTimer = 1;
  const sensor: string[] = [];
  let drawn = 0; // the place the view last rendered
  let droppedAt: number | null = null;
  const deliver = (e: Event) => {
    for (const l of [...listeners]) {
      l(e);
      if ((e as Key).stopped) return true;
    }
    const { code } = e as Key;
    sensor.push(code);
    if (code === 'ArrowRight') hold.movedTo(`p${drawn + 1}`);
    if (code === 'ArrowLeft' && drawn > 0) hold.movedTo(`p${drawn - 1}`);
    if (code === 'Space' || code === 'Escape') {
      droppedAt = code === 'Space' ? drawn : null;
      hold.end();
    }
    return true;
  };
  const win = {
    addEventListener: (_type: string, l: (e: Event) => void) => listeners.add(l),
    removeEventListener: (_type: string, l: (e: Event) => void) => listeners.delete(l),
    setTimeout: (f: () => void, ms = 0) => {
      if (ms === 0) return timers.push(f);
      later.set(nextTimer, f);
      return nextTimer++;
    },
    clearTimeout: (id: number) => later.delete(id),
    document: { dispatchEvent: deliver },
  };
  const hold: StepHold = createStepHold(win as unknown as Window);
  return {
    sensor,
    listeners,
    press: (...codes: string[]) => codes.forEach((code) => deliver(new Key('keydown', { code }))),
    /** The view renders the drag at `place` and reports it; timers run. */
    render(place: number) {
      drawn = place;
      hold.report(`p${place}`);
      while (timers.length) timers.shift()!();
    },
    droppedAt: () => droppedAt,
    /** Time passes: the delayed timers still set run. */
    wait() {
      const due = [...later.values()];
      later.clear();
      due.forEach((f) => f());
    },
    pendingGiveUps: () => later.size,
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
