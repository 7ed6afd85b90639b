import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createDrop,
  deleteDrop,
  initWorkspace,
  moveDrop,
  readDrops,
  readStages,
  updateDrop,
  type DropId,
} from '../../../shared/model';
import { readStructsFast, readStructsWithYjs } from '../../../shared/sync/updateStructs';
import { seededRandom } from '../../harness/prng';
import { mutateBytes } from './support/mutate';

// The one-pass reader must see exactly what Yjs' decoder sees, and never accept bytes that
// Yjs' decoder refuses: validateUpdate trusts it in place of Y.decodeUpdate.

const rng = seededRandom;

/** Updates of every shape a workspace produces, keyed by what they are. */
function realUpdates(): Record<string, Uint8Array> {
  const doc = new Y.Doc();
  const out: Record<string, Uint8Array> = {};
  const capture = (name: string, edit: () => void) => {
    const sv = Y.encodeStateVector(doc);
    edit();
    out[name] = Y.encodeStateAsUpdate(doc, sv);
  };
  capture('a new workspace', () => initWorkspace(doc, { name: 'Harbour Label', now: 0 }));
  const stages = readStages(doc);
  let id = '' as DropId;
  capture('a new drop', () => {
    id = createDrop(doc, { stageId: stages[0]!.id, title: 'Linen on the harbour wall' });
  });
  capture('a title keystroke', () => updateDrop(doc, id, { title: 'Linen on the harbour wall!' }));
  capture('a non-ASCII title', () => updateDrop(doc, id, { title: 'Café pop-up — été 🌊' }));
  capture('a move', () => moveDrop(doc, id, stages[2]!.id, 0));
  capture('a brief body', () => {
    const body = doc.getXmlFragment(`brief:${id}`);
    const p = new Y.XmlElement('paragraph');
    p.setAttribute('align', 'left');
    const text = new Y.XmlText();
    p.insert(0, [text]);
    body.insert(0, [p]);
    text.insert(0, 'Hero product on linen, ');
    text.insert(23, 'close-up detail', { bold: true });
  });
  capture('a deleted drop', () => {
    const other = createDrop(doc, { stageId: stages[1]!.id, title: 'Archive' });
    deleteDrop(doc, other);
  });
  capture('binary and plain values', () => {
    root(doc).set('binary', new Uint8Array([1, 2, 3]));
    root(doc).set('nested', {
      a: [1, 2.5, 0.1, -3, 2 ** 40, null, true, false, undefined, 'x', new Uint8Array([9])],
      b: { c: -7n, 'clé été': 'Café 🌊' },
    });
    root(doc).set('clé non ASCII', 'été');
    root(doc).set('k'.repeat(80), 'a key longer than the short-string path');
  });
  out['the whole workspace'] = Y.encodeStateAsUpdate(doc);
  // Two peers' offline edits merged into one catch-up.
  const peer = new Y.Doc();
  Y.applyUpdate(peer, out['the whole workspace']);
  const sv = Y.encodeStateVector(peer);
  for (const d of readDrops(peer)) updateDrop(peer, d.id, { title: `${d.title} (peer)` });
  createDrop(peer, { stageId: stages[3]!.id, title: 'From the peer' });
  out['a catch-up from a peer'] = Y.encodeStateAsUpdate(peer, sv);
  out['an empty update'] = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
  // Shapes Cadence rejects, which must still be read faithfully.
  const hostile = new Y.Doc();
  Y.applyUpdate(hostile, out['the whole workspace']);
  const hsv = Y.encodeStateVector(hostile);
  hostile.getMap('evil').set('x', 1);
  hostile.getArray('meta').insert(0, ['list in a map']);
  out['hostile writes'] = Y.encodeStateAsUpdate(hostile, hsv);
  return out;
}

function root(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/**
 * The fast reader either steps aside or agrees with Yjs' decoder. With `canonical: false`
 * (mutated bytes) the values' sizes may differ: the fast reader measures the bytes as sent,
 * Yjs' side re-encodes them (a number written in more bytes than needed shrinks); both
 * measure the same values.
 */
function expectFaithful(update: Uint8Array, canonical = true): 'fast' | 'fallback' {
  const fast = readStructsFast(update);
  if (fast === null) return 'fallback';
  let viaYjs: ReturnType<typeof readStructsWithYjs> | undefined;
  expect(() => (viaYjs = readStructsWithYjs(update))).not.toThrow();
  const sizes = (list: typeof fast) => (canonical ? list : list.map((s) => ({ ...s, bytes: 0 })));
  expect(sizes(fast)).toEqual(sizes(viaYjs!));
  return 'fast';
}

describe('readStructsFast', () => {
  const updates = realUpdates();

  it('reads every update a workspace produces exactly as Yjs does', () => {
    for (const [name, update] of Object.entries(updates)) {
      expect({ name, read: expectFaithful(update) }).toEqual({ name, read: 'fast' });
    }
  });

  it('steps aside for shapes it does not know (subdocuments)', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('sub', new Y.Doc());
    const update = Y.encodeStateAsUpdate(doc);
    expect(readStructsFast(update)).toBeNull();
    expect(readStructsWithYjs(update).some((s) => s.content === 'doc')).toBe(true);
  });

  it('refuses text that is not valid UTF-8, as Yjs does', () => {
    const update = updates['a title keystroke']!;
    const title = new TextEncoder().encode('Linen on the harbour wall!');
    const at = Buffer.from(update).indexOf(Buffer.from(title));
    expect(at).toBeGreaterThan(0);
    for (const bad of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80]]) {
      const damaged = update.slice();
      damaged.set(bad, at + 3);
      expect(readStructsFast(damaged)).toBeNull();
      expect(() => readStructsWithYjs(damaged)).toThrow();
    }
  });

  describe('fuzz: never accepts what Yjs refuses, never reads differently', () => {
    const list = Object.values(updates);

    it('random bytes', () => {
      const random = rng(11);
      for (let i = 0; i < 3000; i++) {
        const bytes = new Uint8Array(Math.floor(random() * 80));
        for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
        expectFaithful(bytes, false);
      }
    });

    it('truncated real updates', () => {
      for (const update of list) {
        if (update.byteLength > 4096) continue; // the large ones are covered by mutation
        for (let len = 0; len < update.length; len++) {
          expect(expectFaithful(update.subarray(0, len))).toBe('fallback');
        }
      }
    });

    it('mutated real updates (flipped, inserted and deleted bytes)', () => {
      const random = rng(2024);
      let fast = 0;
      for (let i = 0; i < 4000; i++) {
        const u = mutateBytes(list[i % list.length]!, random);
        if (expectFaithful(u, false) === 'fast') fast++;
      }
      // Many mutations still read (a changed character, clock or length): they must agree.
      expect(fast).toBeGreaterThan(100);
    });
  });
});
