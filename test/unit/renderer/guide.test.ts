import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  APP_KEYS,
  createFromSample,
  endGuide,
  ensureSampleOnFirstLaunch,
  forgetWorkspace,
  guideEnded,
  listWorkspaces,
  memoryStorage,
  openWorkspace,
  watchStartProgress,
} from '../../../renderer/src/workspace';
import {
  createDrop,
  createUndoManager,
  initWorkspace,
  readStages,
  updateDrop,
} from '../../../shared/model';
import { WorkspaceStore } from '../../../shared/store/workspaceStore';
import type { StartProgress } from '../../../shared/brief';

afterEach(() => {
  vi.useRealTimers();
});

describe('the first-run guide on this computer', () => {
  it('shows until dismissed or completed; a strange stored value shows it again', () => {
    const storage = memoryStorage();
    expect(guideEnded(storage)).toBeNull();
    endGuide('dismissed', storage);
    expect(guideEnded(storage)).toBe('dismissed');
    endGuide('completed', storage);
    expect(guideEnded(storage)).toBe('completed');
    storage.setItem(APP_KEYS.guide, '{"oops":1}');
    expect(guideEnded(storage)).toBeNull();
  });

  it('outlives deleting a workspace (it belongs to the computer, not to one workspace)', async () => {
    const storage = memoryStorage();
    const sample = await ensureSampleOnFirstLaunch(storage);
    endGuide('dismissed', storage);
    await forgetWorkspace(sample!.id, storage);
    expect(guideEnded(storage)).toBe('dismissed');
  });

  it('reads the steps again after edits, at most every quarter second', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Harbour & Thread' });
    const seen: [StartProgress, boolean][] = [];
    const store = new WorkspaceStore(doc, createUndoManager(doc));
    const stop = watchStartProgress({ doc, store }, (p, done) => seen.push([p, done]));
    expect(seen).toEqual([[{ firstDropId: null, briefWritten: false, planned: 0 }, false]]);
    const stageId = readStages(doc)[0]!.id;
    const id = createDrop(doc, { stageId, title: 'Harbour linen' });
    updateDrop(doc, id, { narrative: 'Linen for the harbour wind.' });
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(250);
    expect(seen).toHaveLength(2);
    expect(seen[1]![0].firstDropId).toBe(id);
    stop();
    createDrop(doc, { stageId, title: 'After stop' });
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(2);
  });
});

describe('the sample', () => {
  it('is marked as the sample at first launch; a copy started from it is the person’s own', async () => {
    const storage = memoryStorage();
    const sample = await ensureSampleOnFirstLaunch(storage);
    expect(sample?.sample).toBe(true);
    const mine = await createFromSample({ name: 'My label', storage });
    expect(mine.sample).toBeUndefined();
    expect(listWorkspaces(storage).map((w) => [w.name, w.sample ?? false])).toEqual(
      expect.arrayContaining([
        [sample!.name, true],
        ['My label', false],
      ]),
    );
    const ws = await openWorkspace(mine.id, { compactDelayMs: 0 });
    const snap = ws.store.getSnapshot();
    expect(snap.meta.name).toBe('My label');
    expect(snap.drops.size).toBeGreaterThan(0);
    await ws.destroy();
  });
});
