import { describe, expect, it } from 'vitest';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, parseWindowState, restoreBounds } from './windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 875 }; // work area, menu bar excluded
const external = { x: 1440, y: -200, width: 2560, height: 1400 };

const saved = (x: number, y: number, width: number, height: number, isMaximized = false) => ({
  x,
  y,
  width,
  height,
  isMaximized,
  isFullScreen: false,
});

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(
      parseWindowState('{"x":10,"y":20,"width":1000,"height":700,"isMaximized":true}'),
    ).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      isMaximized: true,
      isFullScreen: false,
    });
  });

  it('ignores a missing, truncated or tampered file', () => {
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState('{"x":10,"y":20,"wid')).toBeNull();
    expect(parseWindowState('{"x":"10","y":20,"width":1000,"height":700}')).toBeNull();
    expect(parseWindowState('{"x":10,"y":20,"width":1e9,"height":700}')).toBeNull();
    expect(parseWindowState('[]')).toBeNull();
  });
});

describe('restoreBounds', () => {
  it('opens a first window at a comfortable size, centred on the primary display', () => {
    expect(restoreBounds(null, [laptop], laptop)).toEqual({
      x: (1440 - DEFAULT_WIDTH) / 2,
      y: Math.round((875 - DEFAULT_HEIGHT) / 2),
      width: DEFAULT_WIDTH,
      height: DEFAULT_HEIGHT,
      isMaximized: false,
      isFullScreen: false,
    });
  });

  it('puts a window back exactly where it was when that place is visible', () => {
    expect(restoreBounds(saved(100, 50, 1100, 700), [laptop, external], laptop)).toMatchObject({
      x: 100,
      y: 50,
      width: 1100,
      height: 700,
    });
    expect(restoreBounds(saved(2000, 100, 1600, 900), [laptop, external], laptop)).toMatchObject({
      x: 2000,
      y: 100,
    });
  });

  it('brings a window saved on a now-disconnected display back to the primary one', () => {
    const r = restoreBounds(saved(2000, 100, 1600, 900, true), [laptop], laptop);
    expect(r).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
      isMaximized: true,
      isFullScreen: false,
    });
    const r2 = restoreBounds(saved(2000, 100, 1000, 700), [laptop], laptop);
    expect(r2).toMatchObject({ x: 220, y: 88, width: 1000, height: 700 });
  });

  it('pulls a window hanging off an edge fully onto its display', () => {
    const r = restoreBounds(saved(1000, -300, 1000, 700), [laptop], laptop);
    expect(r).toMatchObject({ x: 440, y: 0, width: 1000, height: 700 });
  });

  it('shrinks a window larger than its display, but not below the minimum size', () => {
    const small = { x: 0, y: 0, width: 1024, height: 700 };
    expect(restoreBounds(saved(0, 0, 3000, 2000), [small], small)).toMatchObject({
      x: 0,
      y: 0,
      width: 1024,
      height: 700,
    });
    expect(restoreBounds(saved(10, 10, 200, 150), [laptop], laptop)).toMatchObject({
      width: 720,
      height: 480,
    });
  });

  it('picks the display the window mostly covered', () => {
    // Mostly on the external display, slightly over the laptop's right edge.
    const r = restoreBounds(saved(1300, 100, 1200, 800), [laptop, external], laptop);
    expect(r.x).toBe(1440);
    expect(r.y).toBe(100);
  });
});
