import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addDeliverable,
  blocksToLines,
  BriefValidationError,
  fragmentToBlocks,
  markBriefSent,
  readBriefState,
  removeDeliverable,
  resolveBrief,
  updateBrief,
  updateDeliverable,
  type BriefPatch,
} from '../../../shared/brief';
import { root, type DropId } from '../../../shared/model';
import { briefWorkspace, p, writeBody } from './fixtures';
import { seededRandom } from '../../harness/prng';
import { SyncTeam } from '../../harness/syncTeam';

// Several people edit one brief with random operations while messages arrive in random order
// and some of them are offline for a while; once everything is delivered, every copy must show
// the same brief, the same text and the same shot list, with no row or word doubled. Messages
// take the shipped sync path (real y-webrtc rooms guarded as the app guards them, over
// in-memory channels: test/harness/syncTeam.ts), and nothing honest may be refused.

const rng = seededRandom;

const PATCHES: BriefPatch[] = [
  { fee: 300 },
  { fee: 450 },
  { sampleSizes: 'S, M' },
  { usageRights: 'Organic only' },
  { discountCode: 'HARBOUR20' },
  { discountCode: null },
  { draftDue: '2026-03-12' },
  { narrative: 'Salt, rope and linen.' },
  { doNots: 'No logos' },
];

function randomOp(
  doc: Y.Doc,
  dropId: DropId,
  r: () => number,
  peer: number,
  step: number,
  typed: string[],
) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const rows = resolveBrief(doc, dropId)!.deliverables;
  const fragment = root.briefBody(doc, dropId);
  switch (Math.floor(r() * 7)) {
    case 0:
    case 1:
      updateBrief(doc, dropId, pick(PATCHES));
      return;
    case 2:
      if (rows.length)
        updateDeliverable(doc, dropId, pick(rows).id, { notes: `note ${peer}.${step}` });
      return;
    case 3:
      if (rows.length < 8)
        addDeliverable(
          doc,
          dropId,
          { shot: pick(['hero', 'lifestyle', 'detail'] as const) },
          rows.length ? pick(rows).id : undefined,
        );
      else removeDeliverable(doc, dropId, pick(rows).id);
      return;
    case 4: {
      // Type a word into a random paragraph at a random place.
      const para = fragment.get(Math.floor(r() * fragment.length)) as Y.XmlElement | undefined;
      const text = para?.get(0) as Y.XmlText | undefined;
      if (!text) return;
      // At a word boundary, so a typed word never splits another one.
      const str = text.toString();
      const spots = [0, str.length, ...[...str].flatMap((c, i) => (c === ' ' ? [i + 1] : []))];
      typed.push(`w${peer}.${step}`);
      doc.transact(() => text.insert(pick(spots), ` w${peer}.${step} `));
      return;
    }
    case 5: {
      const para = new Y.XmlElement('paragraph');
      typed.push(`p${peer}.${step}`);
      para.insert(0, [new Y.XmlText(`p${peer}.${step}`)]);
      doc.transact(() => fragment.insert(Math.floor(r() * (fragment.length + 1)), [para]));
      return;
    }
    default:
      // A brief with problems is refused: that is an outcome too, not a failure of the test.
      if (r() < 0.2) {
        try {
          markBriefSent(doc, dropId, { now: step });
        } catch (e) {
          if (!(e instanceof BriefValidationError)) throw e;
        }
      }
  }
}

describe('brief convergence under random edits, delivery order and partitions', () => {
  it('every copy ends with the same brief, text and shot list; nothing doubled', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const { doc: origin, dropId } = briefWorkspace();
      writeBody(origin, dropId, [p('Golden hour on the quay.'), p('Wind in the sleeves.')]);
      const team = await SyncTeam.open(3, seed);
      const peers = team.docs;
      // The first person holds the workspace; the others receive it over the network.
      Y.applyUpdate(peers[0]!, Y.encodeStateAsUpdate(origin));
      await team.flush();
      const offline = new Set<number>();
      const typed: string[] = [];
      for (let step = 0; step < 60; step++) {
        const who = Math.floor(r() * peers.length);
        if (r() < 0.1) {
          if (offline.has(who)) offline.delete(who);
          else offline.add(who);
          // People offline are each on their own; the others are together.
          await team.split(peers.map((_d, i) => (offline.has(i) ? i + 1 : 0)));
        }
        randomOp(peers[who]!, dropId, r, who, step, typed);
        team.deliverSome(3); // in random order, on the links that are up
      }
      await team.flush();
      await team.close();

      const states = peers.map((d) => readBriefState(d, dropId)!);
      const lines = peers.map((d) => blocksToLines(fragmentToBlocks(root.briefBody(d, dropId))));
      for (let i = 1; i < peers.length; i++) {
        expect(states[i]!.brief.fields, `seed ${seed}`).toEqual(states[0]!.brief.fields);
        expect(states[i]!.brief.deliverables, `seed ${seed}`).toEqual(
          states[0]!.brief.deliverables,
        );
        expect(states[i]!.status, `seed ${seed}`).toBe(states[0]!.status);
        expect(lines[i], `seed ${seed}`).toEqual(lines[0]);
      }
      const ids = states[0]!.brief.deliverables.map((d) => d.id);
      expect(new Set(ids).size, `seed ${seed}`).toBe(ids.length);
      const text = lines[0]!.join('\n');
      expect(text.split('Golden hour').length, `seed ${seed}`).toBeLessThanOrEqual(2);
      // Every word anyone typed is there exactly once (nothing deletes text here).
      const found = text.match(/[wp]\d\.\d+/g) ?? [];
      expect([...found].sort(), `seed ${seed}`).toEqual([...typed].sort());
    }
  });
});
