// A workspace after a year of use, for the board benchmark (injected with board-seed.ts):
// 300 drops, 20 briefs typed for 50,000 keystrokes in all (with backspaces and new
// paragraphs), 2,000 card moves, spread over many app sessions (each open of the app is a new
// Yjs client, so the state vector grows as it does in use). Beside it, a fresh workspace with
// the same content written once, so the cost of the history alone shows.
import * as Y from 'yjs';
import { fragmentToBlocks } from '../../shared/brief';
import { initWorkspace, moveDrop, readDrops, readStages, root } from '../../shared/model';
import { seedGeneratedDrops } from '../../renderer/src/workspace';

export const AGED = { drops: 300, briefs: 20, keystrokes: 50_000, moves: 2_000 };
// A session: about 100 actions (keystrokes or moves) by one app instance.
const ACTIONS_PER_SESSION = 100;

// Deterministic, so every run builds the same history.
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'one narrative one creator three shots seven days linen harbour coat knit'.split(' ');

/** Builds the aged document in memory: every keystroke and move its own transaction. */
export function buildAgedDoc(): { doc: Y.Doc; sessions: number } {
  const doc = new Y.Doc();
  const random = prng(2026);
  initWorkspace(doc, { name: 'A year of drops' });
  seedGeneratedDrops(doc, AGED.drops);
  const dropIds = readDrops(doc).map((d) => d.id);
  const stageIds = readStages(doc).map((s) => s.id);
  const briefIds = dropIds.slice(0, AGED.briefs);
  // Each brief's paragraph being typed into, and the caret inside it.
  const carets = new Map<string, { text: Y.XmlText; at: number }>();
  const newParagraph = (dropId: string) => {
    const fragment = root.briefBody(doc, dropId);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(fragment.length, [paragraph]);
    carets.set(dropId, { text, at: 0 });
  };
  let actions = 0;
  let sessions = 1;
  const act = () => {
    if (++actions % ACTIONS_PER_SESSION === 0) {
      doc.clientID = Math.floor(random() * 2 ** 31);
      sessions++;
    }
  };
  const keystrokesPerMove = AGED.keystrokes / AGED.moves;
  let word = '';
  for (let k = 0; k < AGED.keystrokes; k++) {
    // Typing comes in bursts of 50 keystrokes on one brief.
    const dropId = briefIds[Math.floor(k / 50) % briefIds.length];
    doc.transact(() => {
      if (!carets.has(dropId)) newParagraph(dropId);
      const caret = carets.get(dropId)!;
      const r = random();
      if (r < 0.08 && caret.at > 0) {
        caret.text.delete(caret.at - 1, 1);
        caret.at--;
      } else if (r < 0.1 && caret.at > 40) {
        newParagraph(dropId);
      } else if (r < 0.13 && caret.at > 5) {
        // The caret goes back into the line to fix a word.
        caret.at = Math.floor(random() * caret.at);
      } else {
        if (word.length === 0) word = `${WORDS[Math.floor(random() * WORDS.length)]} `;
        caret.text.insert(caret.at, word[0]);
        word = word.slice(1);
        caret.at++;
      }
    });
    act();
    if ((k + 1) % keystrokesPerMove === 0) {
      const id = dropIds[Math.floor(random() * dropIds.length)];
      moveDrop(
        doc,
        id,
        stageIds[Math.floor(random() * stageIds.length)],
        Math.floor(random() * 60),
      );
      act();
    }
  }
  return { doc, sessions };
}

const copy = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.clone() : v);

/** The same content written once into a new document: no history, one client. */
export function freshCopy(aged: Y.Doc): Y.Doc {
  const fresh = new Y.Doc();
  fresh.transact(() => {
    aged.share.forEach((type, name) => {
      if (type instanceof Y.XmlFragment) {
        // A brief body holds elements and text only (no hooks).
        const children = type.toArray().map((c) => c.clone()) as (Y.XmlElement | Y.XmlText)[];
        fresh.getXmlFragment(name).insert(0, children);
      } else if (type instanceof Y.Map) {
        const target = fresh.getMap(name);
        type.forEach((v, k) => target.set(k, copy(v)));
      } else if (type instanceof Y.Array) {
        fresh.getArray(name).insert(0, type.toArray().map(copy));
      } else if (type instanceof Y.Text) {
        fresh.getText(name).applyDelta(type.toDelta());
      }
    });
  });
  return fresh;
}

/** True when both documents hold the same drops and brief texts (the copy is faithful). */
export function sameContent(a: Y.Doc, b: Y.Doc): boolean {
  const drops = (d: Y.Doc) => JSON.stringify(readDrops(d).sort((x, y) => x.id.localeCompare(y.id)));
  if (drops(a) !== drops(b)) return false;
  return readDrops(a).every(
    (d) =>
      JSON.stringify(fragmentToBlocks(root.briefBody(a, d.id))) ===
      JSON.stringify(fragmentToBlocks(root.briefBody(b, d.id))),
  );
}
