import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  blocksToLines,
  fragmentToBlocks,
  resolveBrief,
  updateBrief,
  updateDeliverable,
} from '../../../shared/brief';
import { root, type DropId } from '../../../shared/model';
import { briefWorkspace, clone, connect, p, sync, writeBody } from './fixtures';

/** The first paragraph's text node, as the editor binding stores it. */
function firstText(doc: Y.Doc, dropId: DropId): Y.XmlText {
  const para = root.briefBody(doc, dropId).get(0) as Y.XmlElement;
  return para.get(0) as Y.XmlText;
}

const lines = (doc: Y.Doc, dropId: DropId) =>
  blocksToLines(fragmentToBlocks(root.briefBody(doc, dropId)));

describe('two people on one brief', () => {
  it('typing in the same paragraph at once keeps both people’s words', () => {
    const { doc: a, dropId } = briefWorkspace();
    writeBody(a, dropId, [p('Golden hour on the quay.')]);
    const b = clone(a);
    const off = connect(a, b);
    firstText(a, dropId).insert(0, 'Dawn, then ');
    // b sees a's words arrive, then types before the full stop.
    const tb = firstText(b, dropId);
    tb.insert(tb.toString().indexOf('.'), ', wind in the sleeves');
    off();
    expect(lines(a, dropId)).toEqual(lines(b, dropId));
    expect(lines(a, dropId)[0]).toBe('Dawn, then Golden hour on the quay, wind in the sleeves.');
  });

  it('offline edits of the same paragraph merge on reconnect with no lost text', () => {
    const { doc: a, dropId } = briefWorkspace();
    writeBody(a, dropId, [p('Linen shirt.')]);
    const b = clone(a);
    // Both offline: each types into the same sentence, at the same place.
    firstText(a, dropId).insert(5, ' white');
    firstText(b, dropId).insert(5, ' sea-blue');
    firstText(b, dropId).insert(0, 'One ');
    sync(a, b);
    const text = lines(a, dropId)[0]!;
    expect(lines(b, dropId)).toEqual(lines(a, dropId));
    expect(text).toMatch(/^One Linen( white sea-blue| sea-blue white) shirt\.$/);
  });

  it('two people opening a new brief offline add no template text, so nothing is doubled', () => {
    const { doc: origin, dropId } = briefWorkspace();
    const a = clone(origin);
    const b = clone(origin);
    // Opening reads the brief (template, suggestions) but writes nothing to its text.
    resolveBrief(a, dropId);
    resolveBrief(b, dropId);
    expect(root.briefBody(a, dropId).length).toBe(0);
    // Each writes a first paragraph offline, then they meet.
    writeBodyAppend(a, dropId, 'Mara: the quay at dawn.');
    writeBodyAppend(b, dropId, 'Sam: bring the rope prop.');
    sync(a, b);
    const merged = lines(a, dropId);
    expect(merged).toEqual(lines(b, dropId));
    expect(merged.sort()).toEqual(['Mara: the quay at dawn.', 'Sam: bring the rope prop.']);
  });

  it('structured fields edited offline by two people both survive', () => {
    const { doc: a, dropId } = briefWorkspace();
    const b = clone(a);
    updateBrief(a, dropId, { fee: 400 });
    updateBrief(b, dropId, { sampleSizes: 'S, M' });
    sync(a, b);
    expect(resolveBrief(a, dropId)!.fields).toMatchObject({ fee: 400, sampleSizes: 'S, M' });
    expect(resolveBrief(b, dropId)!.fields).toEqual(resolveBrief(a, dropId)!.fields);
  });

  it('two people first editing the shot list offline get three rows, not six', () => {
    const { doc: a, dropId } = briefWorkspace();
    const b = clone(a);
    const rows = resolveBrief(a, dropId)!.deliverables;
    updateDeliverable(a, dropId, rows[0]!.id, { notes: 'On the quay' });
    updateDeliverable(b, dropId, rows[2]!.id, { aspectRatio: '1:1' });
    sync(a, b);
    const merged = resolveBrief(a, dropId)!.deliverables;
    expect(merged.map((d) => d.shot)).toEqual(['hero', 'lifestyle', 'detail']);
    expect(merged[0]!.notes).toBe('On the quay');
    expect(merged[2]!.aspectRatio).toBe('1:1');
    expect(resolveBrief(b, dropId)!.deliverables).toEqual(merged);
  });
});

function writeBodyAppend(doc: Y.Doc, dropId: DropId, text: string) {
  const fragment = root.briefBody(doc, dropId);
  if (fragment.length === 0) {
    writeBody(doc, dropId, [p(text)]);
    return;
  }
  const para = new Y.XmlElement('paragraph');
  para.insert(0, [new Y.XmlText(text)]);
  fragment.push([para]);
}
