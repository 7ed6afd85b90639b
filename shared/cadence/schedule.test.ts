import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDrop, readDrop, readDrops } from '../model/drop';
import { readStages } from '../model/stage';
import { initWorkspace, readMeta } from '../model/workspace';
import { createUndoManager } from '../model/undo';
import { createDropOnDate, rescheduleDrop, setTimezone } from './schedule';

function workspace(tz = 'Europe/Berlin') {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Linen & Salt', timezone: tz });
  return doc;
}
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('rescheduling', () => {
  it('moves shoot and publish with the launch, keeping their offsets (across DST and a month end)', () => {
    const doc = workspace();
    const stageId = readStages(doc)[0]!.id;
    const id = createDrop(doc, {
      stageId,
      title: 'Linen',
      shootDate: '2026-03-20',
      publishDate: '2026-03-27',
      dropDate: '2026-03-28',
    });
    expect(rescheduleDrop(doc, id, '2026-04-04', { moveDependents: true })).toBe(true);
    expect(readDrop(doc, id)).toMatchObject({
      shootDate: '2026-03-27',
      publishDate: '2026-04-03',
      dropDate: '2026-04-04',
    });
  });

  it('moves only the launch when asked', () => {
    const doc = workspace();
    const id = createDrop(doc, {
      stageId: readStages(doc)[0]!.id,
      shootDate: '2026-03-01',
      publishDate: '2026-03-08',
      dropDate: '2026-03-08',
    });
    rescheduleDrop(doc, id, '2026-03-15', { moveDependents: false });
    expect(readDrop(doc, id)).toMatchObject({
      shootDate: '2026-03-01',
      publishDate: '2026-03-08',
      dropDate: '2026-03-15',
    });
  });

  it('is one undoable step', () => {
    const doc = workspace();
    const undo = createUndoManager(doc);
    const id = createDrop(doc, {
      stageId: readStages(doc)[0]!.id,
      shootDate: '2026-03-01',
      publishDate: '2026-03-08',
      dropDate: '2026-03-08',
    });
    undo.stopCapturing();
    rescheduleDrop(doc, id, '2026-05-01', { moveDependents: true });
    undo.undo();
    expect(readDrop(doc, id)).toMatchObject({ shootDate: '2026-03-01', dropDate: '2026-03-08' });
  });

  it('rejects a day that does not exist and changes nothing', () => {
    const doc = workspace();
    const id = createDrop(doc, { stageId: readStages(doc)[0]!.id, dropDate: '2026-03-08' });
    expect(() => rescheduleDrop(doc, id, '2026-02-30', { moveDependents: true })).toThrow(
      /not a date/,
    );
    expect(readDrop(doc, id)!.dropDate).toBe('2026-03-08');
  });

  it('two peers rescheduling the same drop at once end with one drop and one schedule', () => {
    const a = workspace();
    const b = new Y.Doc();
    sync(a, b);
    const id = createDrop(a, {
      stageId: readStages(a)[0]!.id,
      shootDate: '2026-03-01',
      publishDate: '2026-03-08',
      dropDate: '2026-03-08',
    });
    sync(a, b);
    rescheduleDrop(a, id, '2026-03-20', { moveDependents: true });
    rescheduleDrop(b, id, '2026-04-02', { moveDependents: true });
    sync(a, b);
    const da = readDrops(a);
    const db = readDrops(b);
    expect(da).toHaveLength(1);
    expect(db).toEqual(da);
    // The winner's whole schedule survives: dates stay tied together.
    const d = da[0]!;
    expect(['2026-03-20', '2026-04-02']).toContain(d.dropDate);
    const shift = d.dropDate === '2026-03-20' ? 12 : 25;
    expect(d.shootDate).toBe(d.dropDate === '2026-03-20' ? '2026-03-13' : '2026-03-26');
    expect(shift).toBeGreaterThan(0);
  });

  it('a launch-only reschedule and a full one from two peers still converge', () => {
    const a = workspace();
    const b = new Y.Doc();
    sync(a, b);
    const id = createDrop(a, {
      stageId: readStages(a)[0]!.id,
      shootDate: '2026-03-01',
      publishDate: '2026-03-08',
      dropDate: '2026-03-08',
    });
    sync(a, b);
    rescheduleDrop(a, id, '2026-03-10', { moveDependents: false });
    rescheduleDrop(b, id, '2026-03-22', { moveDependents: true });
    sync(a, b);
    expect(readDrops(b)).toEqual(readDrops(a));
    expect(readDrops(a)).toHaveLength(1);
  });
});

describe('ghost slots and settings', () => {
  it('creates a drop on a day with the playbook’s dates in the first stage', () => {
    const doc = workspace();
    const id = createDropOnDate(doc, '2026-04-30');
    const d = readDrop(doc, id)!;
    expect(d.pos.stageId).toBe(readStages(doc)[0]!.id);
    expect(d).toMatchObject({
      shootDate: '2026-04-23',
      publishDate: '2026-04-30',
      dropDate: '2026-04-30',
    });
    expect(d.title).toBe('Drop · Thu 30 Apr');
  });

  it('uses a given stage and extra fields', () => {
    const doc = workspace();
    const stage = readStages(doc)[2]!.id;
    const id = createDropOnDate(doc, '2026-04-30', stage, { title: 'Sea glass' });
    expect(readDrop(doc, id)).toMatchObject({ title: 'Sea glass', pos: { stageId: stage } });
  });

  it('sets the time zone only to a real IANA name', () => {
    const doc = workspace('UTC');
    setTimezone(doc, 'America/New_York');
    expect(readMeta(doc).timezone).toBe('America/New_York');
    expect(() => setTimezone(doc, 'Atlantis/Central')).toThrow(/not a time zone/);
    expect(readMeta(doc).timezone).toBe('America/New_York');
  });

  it('writes a zone typed in the wrong case as its own name, and keeps one the runtime maps elsewhere', () => {
    const doc = workspace('UTC');
    setTimezone(doc, ' america/new_york ');
    expect(readMeta(doc).timezone).toBe('America/New_York');
    setTimezone(doc, 'utc');
    expect(readMeta(doc).timezone).toBe('UTC');
    setTimezone(doc, 'EST');
    expect(readMeta(doc).timezone).toBe('EST');
  });
});
