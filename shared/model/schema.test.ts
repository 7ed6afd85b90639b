import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_LABELS, CHANNELS, isChannel } from './channels';
import { newCreatorId, newDropId, newStageId, newWorkspaceId, randomId } from './ids';
import { LOCAL_ORIGIN, recordAt, root, toRecord, transactLocal } from './schema';

describe('ids', () => {
  it('are random base-36 strings with a prefix per kind', () => {
    expect(randomId()).toMatch(/^[0-9a-z]{16}$/);
    expect(randomId(8)).toMatch(/^[0-9a-z]{8}$/);
    expect(newDropId()).toMatch(/^d_[0-9a-z]{16}$/);
    expect(newStageId()).toMatch(/^s_[0-9a-z]{16}$/);
    expect(newCreatorId()).toMatch(/^c_[0-9a-z]{16}$/);
    expect(newWorkspaceId()).toMatch(/^w_[0-9a-z]{16}$/);
  });

  it('do not repeat', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newDropId()));
    expect(ids.size).toBe(5000);
  });
});

describe('channels', () => {
  it('lists the playbook channels with labels', () => {
    expect(CHANNELS).toEqual([
      'email',
      'ads',
      'tiktok',
      'instagram',
      'pinterest',
      'storefront',
      'popup',
    ]);
    expect(CHANNELS.map((c) => CHANNEL_LABELS[c])).toEqual([
      'Email',
      'Ads',
      'TikTok',
      'Instagram',
      'Pinterest',
      'Storefront',
      'Pop-up',
    ]);
  });

  it('recognises channels and rejects anything else', () => {
    expect(isChannel('tiktok')).toBe(true);
    expect(isChannel('TikTok')).toBe(false);
    expect(isChannel('fax')).toBe(false);
    expect(isChannel(3)).toBe(false);
  });
});

describe('schema helpers', () => {
  it('transactLocal runs one transaction with the local origin and returns its result', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const result = transactLocal(doc, () => {
      root.meta(doc).set('name', 'A');
      root.meta(doc).set('timezone', 'UTC');
      return 42;
    });
    expect(result).toBe(42);
    expect(origins).toEqual([LOCAL_ORIGIN]);
  });

  it('toRecord builds a map and leaves out undefined fields', () => {
    const doc = new Y.Doc();
    root.stages(doc).set('s_1', toRecord({ name: 'Brief', rank: 'a0', note: undefined }));
    expect(root.stages(doc).get('s_1')!.toJSON()).toEqual({ name: 'Brief', rank: 'a0' });
  });

  it('recordAt returns a record, or undefined when missing or not a map', () => {
    const doc = new Y.Doc();
    const stages = root.stages(doc);
    stages.set('s_1', toRecord({ name: 'Brief' }));
    (stages as unknown as Y.Map<unknown>).set('s_bad', 'not a record');
    expect(recordAt(stages, 's_1')?.get('name')).toBe('Brief');
    expect(recordAt(stages, 's_bad')).toBeUndefined();
    expect(recordAt(stages, 's_missing')).toBeUndefined();
  });

  it('names the brief body after its drop', () => {
    const doc = new Y.Doc();
    expect(root.briefBody(doc, 'd_1')).toBe(doc.getXmlFragment('brief:d_1'));
  });
});
