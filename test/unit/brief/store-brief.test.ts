import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateBrief } from '../../../shared/brief';
import { BODY_REFRESH_MS } from '../../../shared/store/briefSource';
import { WorkspaceStore } from '../../../shared/store/workspaceStore';
import { briefWorkspace, p, writeBody } from './fixtures';

// The brief editor and the drop panel's Brief button read a brief through the store.
describe('WorkspaceStore.brief', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function setup() {
    const ws = briefWorkspace();
    const store = new WorkspaceStore(ws.doc, undefined, { strictSelectors: true });
    const source = store.brief(ws.dropId);
    let calls = 0;
    const stop = source.subscribe(() => calls++);
    return { ...ws, store, source, stop, calls: () => calls };
  }

  it('is one source per drop, and its value is stable while the document is unchanged', () => {
    const { store, dropId, source } = setup();
    expect(store.brief(dropId)).toBe(source);
    const first = source.get();
    expect(first?.brief.drop.title).toBe('Harbour linen');
    expect(source.get()).toBe(first);
  });

  it('follows a field edit on the next tick, once for a burst of edits', () => {
    const { doc, dropId, source, calls } = setup();
    const before = source.get();
    updateBrief(doc, dropId, { whyCreator: 'Her linen reels' });
    updateBrief(doc, dropId, { goal: 'Sell the first run' });
    expect(source.get()).toBe(before);
    vi.advanceTimersByTime(0);
    expect(calls()).toBe(1);
    expect(source.get()?.brief.fields.whyCreator).toBe('Her linen reels');
    expect(source.get()?.brief.fields.goal).toBe('Sell the first run');
  });

  it('waits for typing to pause before re-reading the rich text', () => {
    const { doc, dropId, source, calls } = setup();
    source.get();
    writeBody(doc, dropId, [p('Open on the harbour')]);
    vi.advanceTimersByTime(BODY_REFRESH_MS - 1);
    expect(calls()).toBe(0);
    writeBody(doc, dropId, [p('Open on the harbour at dawn')]);
    vi.advanceTimersByTime(BODY_REFRESH_MS - 1);
    expect(calls()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(calls()).toBe(1);
    expect(JSON.stringify(source.get()?.body)).toContain('at dawn');
  });

  it('stops when nobody watches, and reads afresh when read again', () => {
    const { doc, dropId, source, stop, calls } = setup();
    stop();
    updateBrief(doc, dropId, { goal: 'Sell out' });
    vi.runAllTimers();
    expect(calls()).toBe(0);
    expect(source.get()?.brief.fields.goal).toBe('Sell out');
  });

  it('is null for a drop that is not in the workspace', () => {
    const { store } = setup();
    expect(store.brief('missing' as never).get()).toBeNull();
  });
});
