import { z } from 'zod';

// The main window's size and place, remembered between launches in userData/window-state.json.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MIN_WIDTH = 720;
export const MIN_HEIGHT = 480;
export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 820;

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(100).max(100_000);

/** What the file holds; anything else (hand-edited, truncated) is ignored, never trusted. */
export const windowStateSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: length,
  height: length,
  isMaximized: z.boolean().default(false),
  isFullScreen: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** Parses the saved file's text; null when missing or invalid. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const result = windowStateSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

function intersectionArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/** A window of this size, centred in an area. */
function centred(area: Rect, width: number, height: number): Rect {
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window so that it is entirely visible: on the display it mostly covered
 * when saved, shrunk to that display's work area if needed and moved inside it. A window saved
 * on a display that is no longer connected opens centred on the primary display.
 */
export function restoreBounds(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
): Rect & { isMaximized: boolean; isFullScreen: boolean } {
  if (!saved) {
    const width = Math.min(DEFAULT_WIDTH, primary.width);
    const height = Math.min(DEFAULT_HEIGHT, primary.height);
    return { ...centred(primary, width, height), isMaximized: false, isFullScreen: false };
  }
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersectionArea(saved, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  const flags = { isMaximized: saved.isMaximized, isFullScreen: saved.isFullScreen };
  const target = best ?? primary;
  const width = clamp(saved.width, Math.min(MIN_WIDTH, target.width), target.width);
  const height = clamp(saved.height, Math.min(MIN_HEIGHT, target.height), target.height);
  if (!best) return { ...centred(primary, width, height), ...flags };
  return {
    x: clamp(saved.x, target.x, target.x + target.width - width),
    y: clamp(saved.y, target.y, target.y + target.height - height),
    width,
    height,
    ...flags,
  };
}
