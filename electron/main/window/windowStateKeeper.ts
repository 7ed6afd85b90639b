import type { Rect, WindowState } from './windowState';

/** The window events and getters we follow (a BrowserWindow has them all). */
export interface TrackedWindow {
  on(
    event:
      | 'resize'
      | 'move'
      | 'maximize'
      | 'unmaximize'
      | 'enter-full-screen'
      | 'leave-full-screen'
      | 'close',
    listener: () => void,
  ): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
}

export interface KeeperDeps {
  /** Writes the file; the keeper catches and reports failures. */
  write(text: string): Promise<void>;
  /** Synchronous write for the last save while the window closes. */
  writeSync(text: string): void;
  log(message: string): void;
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Saves the window's normal bounds and maximised/full-screen flags, debounced: dragging a
 * window fires dozens of move events a second, the disk sees one write after it settles, and
 * one last write when the window closes.
 */
export function keepWindowState(win: TrackedWindow, deps: KeeperDeps): { flush(): void } {
  const delay = deps.delayMs ?? 500;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let lastWritten = '';

  const snapshot = (): string | null => {
    if (win.isDestroyed()) return null;
    const b = win.getNormalBounds();
    const state: WindowState = {
      x: Math.round(b.x),
      y: Math.round(b.y),
      width: Math.round(b.width),
      height: Math.round(b.height),
      isMaximized: win.isMaximized(),
      isFullScreen: win.isFullScreen(),
    };
    return JSON.stringify(state);
  };

  const save = (): void => {
    timer = null;
    const text = snapshot();
    if (text === null || text === lastWritten) return;
    lastWritten = text;
    deps
      .write(text)
      .catch((error: unknown) => deps.log(`Could not save the window state: ${String(error)}`));
  };

  const schedule = (): void => {
    if (timer !== null) clearTimer(timer);
    timer = setTimer(save, delay);
  };

  const flush = (): void => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    const text = snapshot();
    if (text === null || text === lastWritten) return;
    lastWritten = text;
    try {
      deps.writeSync(text);
    } catch (error) {
      deps.log(`Could not save the window state: ${String(error)}`);
    }
  };

  for (const event of [
    'resize',
    'move',
    'maximize',
    'unmaximize',
    'enter-full-screen',
    'leave-full-screen',
  ] as const) {
    win.on(event, schedule);
  }
  win.on('close', flush);
  return { flush };
}
