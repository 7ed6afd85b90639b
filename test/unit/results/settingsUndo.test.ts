import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUndoManager } from '../../../shared/model';
import { readResultSettings, updateResultSettings } from '../../../shared/results';

// Leaving a counting rule's box unchanged wrote its default, an undo step of its own: the
// person's next Ctrl/⌘+Z took that back instead of the edit they had made.

describe('saving the counting rules', () => {
  it('writes nothing for a value already in effect, its default included', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    updateResultSettings(doc, {
      sellThroughTargetPct: 60,
      localPostcodes: [],
      multiTouch: 'first',
    });
    expect(updates).toBe(0);
    // A real change is written (the positive control), and the same again is not.
    updateResultSettings(doc, { localPostcodes: ['E1*'] });
    expect(updates).toBe(1);
    updateResultSettings(doc, { localPostcodes: ['E1*'], sellThroughTargetPct: 60 });
    expect(updates).toBe(1);
  });

  it('leaves the edit as the step undo takes back, after an unchanged box is left', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    updateResultSettings(doc, { localPostcodes: ['E1*'] });
    undo.stopCapturing();
    // The target's box, tabbed through without a change.
    updateResultSettings(doc, { sellThroughTargetPct: 60 });
    undo.undo();
    expect(readResultSettings(doc).localPostcodes).toEqual([]);
    undo.redo();
    expect(readResultSettings(doc).localPostcodes).toEqual(['E1*']);
  });
});
