import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../shared/cadence';
import { root } from '../../../shared/model/schema';
import { initWorkspace, readMeta } from '../../../shared/model/workspace';

// Any peer can write any string as the workspace's zone; reading it must never hand the views
// a zone that throws in date calculations.
describe('the workspace time zone, checked on read', () => {
  it('reads a zone this runtime does not know as UTC and reports the stored name', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'W', timezone: 'Europe/Berlin' });
    expect(readMeta(doc)).toMatchObject({ timezone: 'Europe/Berlin', timezoneRefused: null });
    for (const bad of ['Mars/Olympus', '', ' Europe/Berlin', 'Europe/Berlin\n', 42, { a: 1 }]) {
      root.meta(doc).set('timezone', bad);
      const meta = readMeta(doc);
      expect(meta.timezone).toBe('UTC');
      expect(meta.timezoneRefused).toBe(String(bad));
      expect(() => todayIn(meta.timezone)).not.toThrow();
    }
  });

  it('a missing zone reads as UTC without a notice', () => {
    const doc = new Y.Doc();
    expect(readMeta(doc)).toMatchObject({ timezone: 'UTC', timezoneRefused: null });
  });
});
