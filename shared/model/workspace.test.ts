import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { root, SCHEMA_VERSION } from './schema';
import { readStages } from './stage';
import {
  adoptAsAppSchema,
  cadenceSchema,
  initWorkspace,
  isInitialised,
  isReadOnlyFor,
  markSchemaVersion,
  readMeta,
  readWorkspaceName,
  renameWorkspace,
  setCadence,
  type Cadence,
} from './workspace';

describe('initWorkspace', () => {
  it('writes the meta and seeds the playbook stages', () => {
    const doc = new Y.Doc();
    expect(isInitialised(doc)).toBe(false);
    initWorkspace(doc, {
      name: '  North Shore Label ',
      timezone: 'Europe/Lisbon',
      cadence: { kind: 'weeks', every: 2 },
      now: 1_750_000_000_000,
    });
    expect(isInitialised(doc)).toBe(true);
    expect(readMeta(doc)).toEqual({
      schemaVersion: SCHEMA_VERSION,
      schemaVersionRefused: null,
      name: 'North Shore Label',
      cadence: { kind: 'weeks', every: 2 },
      timezone: 'Europe/Lisbon',
      timezoneRefused: null,
      createdAt: 1_750_000_000_000,
    });
    expect(readStages(doc)).toHaveLength(7);
  });

  it('defaults to a monthly cadence in UTC', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label' });
    expect(readMeta(doc)).toMatchObject({ cadence: { kind: 'monthly' }, timezone: 'UTC' });
  });

  it('refuses an empty name and leaves the document untouched', () => {
    const doc = new Y.Doc();
    expect(() => initWorkspace(doc, { name: ' ' })).toThrow('Give the workspace a name.');
    expect(isInitialised(doc)).toBe(false);
    expect(readStages(doc)).toEqual([]);
  });

  it('is seen as initialised by a peer that receives it', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label' });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(isInitialised(peer)).toBe(true);
    expect(readMeta(peer).name).toBe('Label');
  });
});

describe('readMeta', () => {
  it('reads an empty or damaged meta as safe defaults', () => {
    const doc = new Y.Doc();
    expect(readMeta(doc)).toEqual({
      schemaVersion: 0,
      schemaVersionRefused: null,
      name: 'Untitled workspace',
      cadence: { kind: 'monthly' },
      timezone: 'UTC',
      timezoneRefused: null,
      createdAt: 0,
    });
    root.meta(doc).set('cadence', { kind: 'weeks', every: 'two' });
    root.meta(doc).set('name', 7);
    expect(readMeta(doc)).toMatchObject({
      name: 'Untitled workspace',
      cadence: { kind: 'monthly' },
    });
  });
});

describe('renameWorkspace', () => {
  it('renames and trims', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label' });
    renameWorkspace(doc, ' Harbour & Co ');
    expect(readMeta(doc).name).toBe('Harbour & Co');
  });

  it('refuses empty and overlong names with a message, keeping the old name', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label' });
    expect(() => renameWorkspace(doc, '')).toThrow('Give the workspace a name.');
    expect(() => renameWorkspace(doc, 'x'.repeat(61))).toThrow(
      'Keep the name under 60 characters.',
    );
    expect(readMeta(doc).name).toBe('Label');
  });
});

describe('setCadence', () => {
  it.each<Cadence>([{ kind: 'weeks', every: 3 }, { kind: 'monthly' }, { kind: 'bimonthly' }])(
    'accepts %j',
    (cadence) => {
      const doc = new Y.Doc();
      initWorkspace(doc, { name: 'Label' });
      setCadence(doc, cadence);
      expect(readMeta(doc).cadence).toEqual(cadence);
    },
  );

  it.each([
    { kind: 'weeks', every: 0 },
    { kind: 'weeks', every: 1.5 },
    { kind: 'weeks', every: 27 },
    { kind: 'weeks' },
    { kind: 'daily' },
  ])('refuses %j and keeps the old cadence', (bad) => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label', cadence: { kind: 'bimonthly' } });
    expect(() => setCadence(doc, bad as Cadence)).toThrow();
    expect(readMeta(doc).cadence).toEqual({ kind: 'bimonthly' });
    expect(cadenceSchema().safeParse(bad).success).toBe(false);
  });
});

describe('isReadOnlyFor', () => {
  it('opens documents of this or an older schema for editing', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label' });
    expect(isReadOnlyFor(doc)).toBe(false);
    root.meta(doc).set('schemaVersion', SCHEMA_VERSION - 1);
    expect(isReadOnlyFor(doc)).toBe(false);
  });

  it('opens a document written by a newer version read-only', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label' });
    markSchemaVersion(doc, SCHEMA_VERSION + 1, 'Cadence 2');
    expect(isReadOnlyFor(doc)).toBe(true);
    expect(isReadOnlyFor(doc, SCHEMA_VERSION + 1)).toBe(false);
  });

  it('keeps editing a document whose newer version has no mark (damage, not a newer app)', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label' });
    root.meta(doc).set('schemaVersion', SCHEMA_VERSION + 1);
    expect(isReadOnlyFor(doc)).toBe(false);
    expect(readMeta(doc)).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      schemaVersionRefused: SCHEMA_VERSION + 1,
    });
  });

  it('makes a copy of a newer workspace editable here, keeping the values it does not know', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label' });
    markSchemaVersion(doc, SCHEMA_VERSION + 1, 'Cadence 2');
    root.meta(doc).set('fitGuide', { unit: 'cm' });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(isReadOnlyFor(copy)).toBe(true);
    adoptAsAppSchema(copy);
    expect(isReadOnlyFor(copy)).toBe(false);
    expect(readMeta(copy)).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      schemaVersionRefused: null,
    });
    expect(root.meta(copy).get('fitGuide')).toEqual({ unit: 'cm' });
    expect(isReadOnlyFor(doc)).toBe(true); // the original is untouched
  });

  it('reads a name written with line breaks or direction characters as one plain line', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Saltmarsh Studio' });
    // A teammate's copy (or a file) may hold any name up to its 500-character ceiling.
    const write = (name: string) => doc.transact(() => root.meta(doc).set('name', name));
    write('Night\u202eLinen\nTeam');
    expect(readMeta(doc).name).toBe('Night Linen Team');
    expect(readWorkspaceName(doc)).toBe('Night Linen Team');
    // Read cleaned, never rewritten: the shared document keeps what was written.
    expect(root.meta(doc).get('name')).toBe('Night\u202eLinen\nTeam');
    write(' \u202e\u0007 ');
    expect(readMeta(doc).name).toBe('Untitled workspace');
    write('W'.repeat(500));
    expect(readMeta(doc).name).toBe('W'.repeat(60));
    // Renamed here: saved cleaned.
    renameWorkspace(doc, 'Tide\u2066water\u2069\r\n');
    expect(root.meta(doc).get('name')).toBe('Tide water');
    expect(() => renameWorkspace(doc, '\u202e')).toThrow();
    expect(() => initWorkspace(new Y.Doc(), { name: 'A\u202eB' })).not.toThrow();
  });
});
