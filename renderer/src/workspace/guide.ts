// Whether the first-run guide still shows on this computer. It shows from the first launch
// until the person dismisses it or finishes its steps; after that only Help brings it back.
import { readStartProgress, startComplete, type StartProgress } from '../../../shared/brief';
import { APP_KEYS, appStorage, type KeyValueStorage } from './localKeys';
import type { OpenWorkspace } from './openWorkspace';

/** How the guide ended, or null while it still shows at launch. */
export type GuideEnd = 'dismissed' | 'completed';

/** How the guide last ended on this computer, or null when it should show. */
export function guideEnded(storage: KeyValueStorage = appStorage()): GuideEnd | null {
  const value = storage.getItem(APP_KEYS.guide);
  return value === 'dismissed' || value === 'completed' ? value : null;
}

/** Remembers that the guide was dismissed or completed, so later launches open without it. */
export function endGuide(how: GuideEnd, storage: KeyValueStorage = appStorage()): void {
  storage.setItem(APP_KEYS.guide, how);
}

// Typing in a brief is many small transactions: the steps are read again at most this often.
const READ_EVERY_MS = 250;

/** The workspace's first-step progress now, and whether every step is done. */
export interface StartState {
  progress: StartProgress;
  complete: boolean;
}

/** Reads the first-step progress once (the guide's first render, so it paints with the board). */
export function readStartState(ws: Pick<OpenWorkspace, 'doc' | 'store'>): StartState {
  // The store already holds every drop: only the briefs are read from the document.
  const progress = readStartProgress(ws.doc, ws.store.getSnapshot().drops.values());
  return { progress, complete: startComplete(progress) };
}

/** The same steps done, so a reader keeps what it has (no re-render for an unrelated edit). */
export function sameStartState(a: StartState | null, b: StartState): boolean {
  return (
    a !== null &&
    a.complete === b.complete &&
    a.progress.firstDropId === b.progress.firstDropId &&
    a.progress.briefWritten === b.progress.briefWritten &&
    a.progress.planned === b.progress.planned
  );
}

/**
 * Calls `listener` with the workspace's first-step progress now and after each change to the
 * document (its own edits and teammates'), until the returned function is called.
 */
export function watchStartProgress(
  ws: Pick<OpenWorkspace, 'doc' | 'store'>,
  listener: (progress: StartProgress, complete: boolean) => void,
): () => void {
  const read = () => {
    const { progress, complete } = readStartState(ws);
    listener(progress, complete);
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  const onUpdate = () => {
    timer ??= setTimeout(() => {
      timer = null;
      read();
    }, READ_EVERY_MS);
  };
  read();
  ws.doc.on('update', onUpdate);
  return () => {
    ws.doc.off('update', onUpdate);
    if (timer) clearTimeout(timer);
  };
}
