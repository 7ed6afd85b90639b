import { describe, expect, it } from 'vitest';
import type { Creator, Drop, DropId, Stage } from '../../../shared/model';
import type { OverwrittenRecord } from '../../../shared/sync/remoteOverwrites';
import {
  overwrittenWhileApart,
  putBackMessage,
  recordLabel,
} from '../../../renderer/src/state/overwriteMessages';

// What a teammate's values now read, as the store shows them once their change has arrived.
const snapshot = {
  drops: new Map([['d1' as DropId, { title: 'Dune Shirt' } as Drop]]),
  creators: [{ id: 'c1', name: 'Zoë Park' } as Creator],
  stages: [{ id: 's1', name: 'On set' } as Stage],
};
const say = (records: OverwrittenRecord[]) =>
  overwrittenWhileApart(
    records,
    records.map((r) => recordLabel(r, snapshot)),
  );

describe('what the person whose values went is told', () => {
  it('names a drop’s fields, with the title that was here', () => {
    expect(
      say([
        {
          kind: 'drop',
          id: 'd1',
          fields: [
            { record: 'drop', key: 'title', mine: 'Dune Tee' },
            { record: 'brief', key: 'whyCreator', mine: 'Her dunes series.' },
          ],
        },
      ]),
    ).toBe(
      'A teammate changed the title and why this creator of “Dune Shirt” (yours: “Dune Tee”) while you were apart, and their changes were kept over yours.',
    );
  });

  it('names a creator’s fields and a handle by its platform', () => {
    expect(
      say([
        {
          kind: 'creator',
          id: 'c1',
          fields: [
            { record: 'creator', key: 'email', mine: 'zoe@harbour.test' },
            { record: 'creator', key: 'handle:tiktok', mine: 'zoe.sews' },
          ],
        },
      ]),
    ).toBe(
      'A teammate changed the email and TikTok handle of the creator “Zoë Park” while you were apart, and their changes were kept over yours.',
    );
  });

  it('names a stage by its name now, and the name that was here', () => {
    expect(
      say([
        { kind: 'stage', id: 's1', fields: [{ record: 'stage', key: 'name', mine: 'Shoot week' }] },
      ]),
    ).toBe(
      'A teammate changed the name of the stage “On set” (yours: “Shoot week”) while you were apart, and their change was kept over yours.',
    );
  });

  it('names the workspace’s settings', () => {
    expect(
      say([
        {
          kind: 'workspace',
          id: 'workspace',
          fields: [
            { record: 'workspace', key: 'name', mine: 'Harbour SS27' },
            { record: 'workspace', key: 'cadence', mine: { kind: 'weekly' } },
          ],
        },
      ]),
    ).toBe(
      'A teammate changed the workspace’s name and cadence (yours: “Harbour SS27”) while you were apart, and their changes were kept over yours.',
    );
  });

  it('lists several by name, drops alone as drops', () => {
    const title = { record: 'drop', key: 'title', mine: 'x' } as const;
    expect(
      say([
        { kind: 'drop', id: 'd1', fields: [title] },
        { kind: 'creator', id: 'c1', fields: [{ record: 'creator', key: 'notes', mine: 'y' }] },
        { kind: 'stage', id: 's1', fields: [{ record: 'stage', key: 'name', mine: 'z' }] },
      ]),
    ).toBe(
      'Teammates changed 3 things you had changed while you were apart, and their changes were kept over yours: “Dune Shirt”, the creator “Zoë Park”, the stage “On set”.',
    );
    expect(
      say([
        { kind: 'drop', id: 'd1', fields: [title] },
        { kind: 'drop', id: 'gone', fields: [title] },
      ]),
    ).toBe(
      'Teammates changed 2 drops you had changed while you were apart, and their changes were kept over yours: “Dune Shirt”, “A drop”.',
    );
  });

  it('says when nothing could be put back', () => {
    expect(putBackMessage(0)).toBe('Nothing to put back: those were deleted since.');
    expect(putBackMessage(1)).toBe('Yours are back. Teammates get them too.');
  });
});
