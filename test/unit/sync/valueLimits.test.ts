import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { updateBrief } from '../../../shared/brief/brief';
import {
  BRIEF_TEXT_CEILING,
  briefTextOverLimit,
  createCreator,
  createDrop,
  FIELD_CEILINGS,
  initWorkspace,
  isReadOnlyFor,
  markSchemaVersion,
  readBoard,
  readMeta,
  readStages,
  root,
  SCHEMA_VERSION,
  type DropId,
} from '../../../shared/model';
import { applyRemoteUpdate, validateUpdate } from '../../../shared/sync/validateUpdate';

function workspace(): { doc: Y.Doc; dropId: DropId } {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Harbour Label', now: 0 });
  const dropId = createDrop(doc, { stageId: readStages(doc)[0]!.id, title: 'Linen shirt' }, 0);
  return { doc, dropId };
}

/** What `edit` writes on a teammate's copy of `doc`, as the update it sends. */
function teammateUpdate(doc: Y.Doc, edit: (peer: Y.Doc) => void): Uint8Array {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(peer);
  edit(peer);
  return Y.encodeStateAsUpdate(peer, before);
}

const dropRecord = (doc: Y.Doc, id: DropId) => root.drops(doc).get(id)!;

describe('a schema version from the future needs its mark', () => {
  it('refuses the 28-byte update that made every copy read-only for good', () => {
    const { doc } = workspace();
    const update = teammateUpdate(doc, (peer) => root.meta(peer).set('schemaVersion', 999));
    expect(update.byteLength).toBeLessThanOrEqual(32);
    const verdict = applyRemoteUpdate(doc, update, 'peer');
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringMatching(/newer Cadence \(schema 999\).*without the mark.*damage/),
    }); // before: accepted, and the workspace turned read-only
    expect(isReadOnlyFor(doc)).toBe(false);
    expect(readMeta(doc).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('accepts a newer app’s upgrade (version and mark in one transaction): read-only', () => {
    const { doc } = workspace();
    const update = teammateUpdate(doc, (peer) =>
      markSchemaVersion(peer, SCHEMA_VERSION + 1, 'Cadence 2.0.0'),
    );
    expect(applyRemoteUpdate(doc, update, 'peer')).toEqual({ ok: true });
    expect(isReadOnlyFor(doc)).toBe(true);
    // …and its whole state, arriving at a first sync, passes too.
    const fresh = new Y.Doc();
    expect(applyRemoteUpdate(fresh, Y.encodeStateAsUpdate(doc), 'peer')).toEqual({ ok: true });
    expect(isReadOnlyFor(fresh)).toBe(true);
  });

  it('refuses a mark sent apart from the version, a mark for another version, and non-versions', () => {
    const { doc } = workspace();
    const mark = teammateUpdate(doc, (peer) =>
      root.meta(peer).set('schemaMark', { schemaVersion: 7, app: 'Cadence 7' }),
    );
    expect(applyRemoteUpdate(doc, mark, 'peer').ok).toBe(true); // a mark alone changes nothing
    expect(isReadOnlyFor(doc)).toBe(false);
    const versionAlone = teammateUpdate(doc, (peer) => root.meta(peer).set('schemaVersion', 7));
    expect(validateUpdate(doc, versionAlone).ok).toBe(false);
    const mismatched = teammateUpdate(doc, (peer) => {
      root.meta(peer).set('schemaVersion', 8);
      root.meta(peer).set('schemaMark', { schemaVersion: 7, app: 'Cadence 7' });
    });
    expect(validateUpdate(doc, mismatched).ok).toBe(false);
    for (const bad of [1.5, -1, 'two', null]) {
      const u = teammateUpdate(doc, (peer) => root.meta(peer).set('schemaVersion', bad));
      expect(validateUpdate(doc, u)).toEqual({
        ok: false,
        reason: expect.stringMatching(/not a version/),
      });
    }
    expect(isReadOnlyFor(doc)).toBe(false);
  });

  it('reads a copy already damaged before this check as editable, naming the claimed version', () => {
    const { doc } = workspace();
    root.meta(doc).set('schemaVersion', 999);
    expect(isReadOnlyFor(doc)).toBe(false);
    expect(readMeta(doc).schemaVersionRefused).toBe(999);
  });
});

describe('every field has a ceiling', () => {
  it('refuses a 20 MB title without reading it, and leaves the document unchanged', () => {
    const { doc, dropId } = workspace();
    const update = teammateUpdate(doc, (peer) =>
      dropRecord(peer, dropId).set('title', 'x'.repeat(20 * 1024 * 1024)),
    );
    const before = Y.encodeStateAsUpdate(doc);
    expect(applyRemoteUpdate(doc, update, 'peer')).toEqual({
      ok: false,
      reason: expect.stringMatching(/20,971,520 bytes, more than any field may hold/),
      tooLong: { field: null, size: 20_971_520, unit: 'bytes', ceiling: 9_000_000 },
    }); // before: accepted
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readBoard(doc)[0]!.drops[0]!.title).toBe('Linen shirt');
  });

  it('holds each field to its ceiling, in characters (text that is not ASCII included)', () => {
    const { doc, dropId } = workspace();
    const title = FIELD_CEILINGS.drops!.fields.title!;
    const set = (value: unknown) =>
      validateUpdate(
        doc,
        teammateUpdate(doc, (peer) => dropRecord(peer, dropId).set('title', value)),
      );
    expect(set('a'.repeat(title)).ok).toBe(true);
    expect(set('é'.repeat(title)).ok).toBe(true); // 2 bytes each: decoded to count
    expect(set('😀'.repeat(title / 2)).ok).toBe(true);
    expect(set('a'.repeat(title + 1))).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /a drop's title to 1,001 characters, more than the 1,000 it may hold/,
      ),
      tooLong: { field: "a drop's title", size: 1001, unit: 'characters', ceiling: 1000 },
    });
    expect(set('é'.repeat(title + 1)).ok).toBe(false);
    // Counted in characters even when its bytes alone decide (more than three per character).
    expect(set('語'.repeat(title * 2))).toMatchObject({
      ok: false,
      tooLong: { field: "a drop's title", size: 2000, unit: 'characters' },
    });
  });

  it('covers narratives, creators, briefs, stages, the workspace and brief text', () => {
    const { doc, dropId } = workspace();
    const creatorId = createCreator(doc, { name: 'Mara' });
    const cases: [string, (peer: Y.Doc) => void][] = [
      ['narrative', (p) => dropRecord(p, dropId).set('narrative', 'n'.repeat(20_001))],
      ['creator notes', (p) => root.creators(p).get(creatorId)!.set('notes', 'n'.repeat(20_001))],
      ['creator name', (p) => root.creators(p).get(creatorId)!.set('name', 'n'.repeat(501))],
      ['brief field', (p) => root.briefs(p).get(dropId)!.set('goal', 'g'.repeat(20_001))],
      [
        'brief object',
        (p) =>
          root
            .briefs(p)
            .get(dropId)!
            .set('metrics', { a: 'g'.repeat(20_001) }),
      ],
      ['stage name', (p) => root.stages(p).get(readStages(p)[0]!.id)!.set('name', 's'.repeat(501))],
      ['workspace name', (p) => root.meta(p).set('name', 'w'.repeat(501))],
      [
        'brief text',
        (p) =>
          root.briefBody(p, dropId).insert(0, [new Y.XmlText('b'.repeat(BRIEF_TEXT_CEILING + 1))]),
      ],
      [
        'link in brief text',
        (p) => {
          const text = new Y.XmlText();
          root.briefBody(p, dropId).insert(0, [text]);
          text.insert(0, 'shop', { link: { href: `https://a.example/${'x'.repeat(5000)}` } });
        },
      ],
    ];
    for (const [name, edit] of cases) {
      const verdict = validateUpdate(doc, teammateUpdate(doc, edit));
      expect({ name, ok: verdict.ok }).toEqual({ name, ok: false });
    }
  });

  it('accepts everything the app’s own forms let a person commit, at their limits', () => {
    const { doc, dropId } = workspace();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(peer);
    createDrop(peer, {
      stageId: readStages(peer)[0]!.id,
      title: 'T'.repeat(120),
      narrative: 'é'.repeat(4000),
    });
    createCreator(peer, { name: 'N'.repeat(80), notes: 'n'.repeat(4000), region: 'r'.repeat(80) });
    updateBrief(peer, dropId, { goal: 'g'.repeat(2000), packagingNotes: 'p'.repeat(2000) });
    // A long brief typed in one go: Yjs merges the keystrokes into one run.
    const body = new Y.XmlText();
    root.briefBody(peer, dropId).insert(0, [body]);
    for (let i = 0; i < 500; i++) body.insert(body.length, 'A line of direction. ');
    expect(validateUpdate(doc, Y.encodeStateAsUpdate(peer, sv))).toEqual({ ok: true });
    // The whole workspace at a first sync, through the scratch copy too.
    expect(validateUpdate(new Y.Doc(), Y.encodeStateAsUpdate(peer))).toEqual({ ok: true });
  });
});

describe('pictures in briefs are stored in the brief', () => {
  const picture = (src: string) => (peer: Y.Doc, dropId: DropId) => {
    const image = new Y.XmlElement('image');
    image.setAttribute('src', src);
    image.setAttribute('alt', 'Linen');
    root.briefBody(peer, dropId).insert(0, [image]);
  };

  it('refuses a teammate’s picture with a remote address', () => {
    const { doc, dropId } = workspace();
    for (const src of [
      'https://cdn.example.com/linen.jpg',
      'http://192.168.1.4/a.png',
      '//cdn.example.com/a.png',
      'javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
    ]) {
      const verdict = validateUpdate(
        doc,
        teammateUpdate(doc, (p) => picture(src)(p, dropId)),
      );
      expect({ src, verdict }).toEqual({
        src,
        verdict: { ok: false, reason: expect.stringMatching(/stored in the brief itself/) },
      }); // before: accepted
    }
  });

  it('accepts a stored picture (a data URL) within its ceiling, refuses a larger one', () => {
    const { doc, dropId } = workspace();
    const small = `data:image/png;base64,${'A'.repeat(4000)}`;
    expect(
      validateUpdate(
        doc,
        teammateUpdate(doc, (p) => picture(small)(p, dropId)),
      ),
    ).toEqual({
      ok: true,
    });
    const huge = `data:image/png;base64,${'A'.repeat(3_000_001)}`;
    expect(
      validateUpdate(
        doc,
        teammateUpdate(doc, (p) => picture(huge)(p, dropId)),
      ).ok,
    ).toBe(false);
  });
});

describe('the local rule for a brief’s text', () => {
  it('lets text up to the ceiling in, and refuses what would pass it with a clear message', () => {
    expect(briefTextOverLimit(0, BRIEF_TEXT_CEILING)).toBeNull();
    expect(briefTextOverLimit(BRIEF_TEXT_CEILING - 10, 10)).toBeNull();
    expect(briefTextOverLimit(BRIEF_TEXT_CEILING, 0)).toBeNull(); // deleting is never refused
    expect(briefTextOverLimit(BRIEF_TEXT_CEILING + 5, -3)).toBeNull();
    expect(briefTextOverLimit(BRIEF_TEXT_CEILING, 1)).toBe(
      "A brief's text is at most 100,000 characters; this would make it 100,001. Nothing was added.",
    );
    expect(briefTextOverLimit(40_000, 70_000)).toMatch(
      /this would make it 110,000\. Nothing was added\.$/,
    );
  });

  it('agrees with the update check: what the rule lets in reaches teammates, one more does not', () => {
    const { doc, dropId } = workspace();
    const body = (length: number) =>
      teammateUpdate(doc, (p) =>
        root.briefBody(p, dropId).insert(0, [new Y.XmlText('b'.repeat(length))]),
      );
    expect(briefTextOverLimit(0, BRIEF_TEXT_CEILING)).toBeNull();
    expect(validateUpdate(doc, body(BRIEF_TEXT_CEILING)).ok).toBe(true);
    expect(briefTextOverLimit(0, BRIEF_TEXT_CEILING + 1)).not.toBeNull();
    expect(validateUpdate(doc, body(BRIEF_TEXT_CEILING + 1)).ok).toBe(false);
  });
});
