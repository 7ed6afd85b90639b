import { Doc } from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  archivedByStage,
  EMPTY_FILTER,
  indexAmongLive,
  matchesFilter,
  visibleDrops,
} from '../../../renderer/src/board/filter';
import {
  createDrop,
  initWorkspace,
  moveDrop,
  readBoard,
  readStages,
  setDropArchived,
} from '../../../shared/model';
import { countdown, isFarDate, shortDate, turnaroundWarning } from '../../../renderer/src/ui/dates';
import { slowTurnaround } from '../../../shared/cadence/flags';
import { WorkspaceStore } from '../../../shared/store/workspaceStore';

function sampleBoard() {
  const doc = new Doc();
  initWorkspace(doc, { name: 'Saltmarsh Studio' });
  const [concept, brief] = readStages(doc);
  const linen = createDrop(doc, {
    stageId: concept!.id,
    title: 'Harbour Linen',
    narrative: 'Washed linen shot on the harbour wall',
    channels: ['email', 'instagram'],
  });
  const knit = createDrop(doc, {
    stageId: concept!.id,
    title: 'Night Market Knit',
    channels: ['tiktok'],
  });
  const tote = createDrop(doc, {
    stageId: concept!.id,
    title: 'Recycled Trim Tote',
    channels: ['email'],
  });
  const coat = createDrop(doc, { stageId: brief!.id, title: 'Storm Coat' });
  return { doc, concept: concept!, brief: brief!, linen, knit, tote, coat };
}

describe('search and filters', () => {
  it('matches title or narrative text, creator and channel', () => {
    const { doc } = sampleBoard();
    const drops = readBoard(doc)[0]!.drops;
    const titles = (f: typeof EMPTY_FILTER) =>
      drops.filter((d) => matchesFilter(d, f)).map((d) => d.title);
    expect(titles({ ...EMPTY_FILTER, text: 'harbour' })).toEqual(['Harbour Linen']);
    expect(titles({ ...EMPTY_FILTER, text: 'LINEN SHOT' })).toEqual(['Harbour Linen']);
    // Every word, in any order, accents and case ignored.
    expect(titles({ ...EMPTY_FILTER, text: ' linen   harbour ' })).toEqual(['Harbour Linen']);
    expect(titles({ ...EMPTY_FILTER, text: 'knit NÏGHT' })).toEqual(['Night Market Knit']);
    expect(titles({ ...EMPTY_FILTER, text: 'linen knit' })).toEqual([]);
    expect(titles({ ...EMPTY_FILTER, channel: 'email' })).toEqual([
      'Harbour Linen',
      'Recycled Trim Tote',
    ]);
    expect(titles({ ...EMPTY_FILTER, creatorId: 'c_nobody' })).toEqual([]);
  });

  it('ignores accents on both sides', () => {
    const { doc, concept } = sampleBoard();
    createDrop(doc, { stageId: concept.id, title: 'Café Corner Cardigan' });
    const drops = readBoard(doc).flatMap((c) => c.drops);
    const titles = (text: string) =>
      drops.filter((d) => matchesFilter(d, { ...EMPTY_FILTER, text })).map((d) => d.title);
    expect(titles('cafe corner')).toEqual(['Café Corner Cardigan']);
    expect(titles('CAFÉ')).toEqual(['Café Corner Cardigan']);
    // The same letter typed as one code point or as a letter plus a combining accent.
    expect(titles('cafe\u0301')).toEqual(['Café Corner Cardigan']);
  });

  it('shows archived drops only on request, in their column', () => {
    const { doc, knit } = sampleBoard();
    setDropArchived(doc, knit, true);
    const snap = new WorkspaceStore(doc).getSnapshot();
    const first = snap.board[0]!;
    const archived = archivedByStage(snap.drops, snap.board).get(first.stage.id) ?? [];
    expect(visibleDrops(first, archived, EMPTY_FILTER).map((d) => d.title)).toEqual([
      'Harbour Linen',
      'Recycled Trim Tote',
    ]);
    const withArchived = { ...EMPTY_FILTER, showArchived: true };
    expect(visibleDrops(first, archived, withArchived).map((d) => d.title)).toEqual([
      'Harbour Linen',
      'Night Market Knit',
      'Recycled Trim Tote',
    ]);
  });
});

describe('dropping into a filtered column', () => {
  it('places the drop after its visible neighbour among all live drops', () => {
    const { doc, concept, brief, linen, tote, coat } = sampleBoard();
    // Concept shows only Harbour Linen and Recycled Trim Tote (filtered by email);
    // Storm Coat is dropped between them.
    const live = readBoard(doc)[0]!.drops;
    const index = indexAmongLive(live, [linen, coat, tote], coat);
    moveDrop(doc, coat, concept.id, index);
    expect(readBoard(doc)[0]!.drops.map((d) => d.title)).toEqual([
      'Harbour Linen',
      'Storm Coat',
      'Night Market Knit',
      'Recycled Trim Tote',
    ]);
    expect(readBoard(doc)[1]!.drops).toEqual([]);
    void brief;
  });

  it('goes to the end of a column whose cards are all hidden', () => {
    const { doc, knit } = sampleBoard();
    const live = readBoard(doc)[0]!.drops;
    expect(indexAmongLive(live, [knit], knit)).toBe(2);
  });
});

describe('card dates', () => {
  it('counts down in calendar days', () => {
    expect(countdown('2026-03-19', '2026-03-14')).toBe('in 5 days');
    expect(countdown('2026-03-14', '2026-03-14')).toBe('today');
    expect(countdown('2026-03-11', '2026-03-14')).toBe('3 days ago');
    expect(countdown('2026-03-15', '2026-03-14')).toBe('tomorrow');
    expect(shortDate('2026-03-19', '2026-03-14')).toBe('Mar 19');
    expect(shortDate('2028-03-19', '2026-03-14')).toBe('Mar 19, 2028');
    // A card shows the year or a countdown, never both (they did not fit).
    expect(isFarDate('2026-12-31', '2026-03-14')).toBe(false);
    expect(isFarDate('2027-01-31', '2026-03-14')).toBe(true);
  });

  it('warns when shoot to publish is longer than the playbook’s seven days', () => {
    expect(slowTurnaround({ shootDate: '2026-03-01', publishDate: '2026-03-10' })).toBe(9);
    expect(slowTurnaround({ shootDate: '2026-03-01', publishDate: '2026-03-08' })).toBe(null);
    const { doc, linen } = sampleBoard();
    const drop = readBoard(doc)[0]!.drops.find((d) => d.id === linen)!;
    expect(turnaroundWarning({ ...drop, shootDate: '2026-03-01', publishDate: '2026-03-08' })).toBe(
      null,
    );
    expect(turnaroundWarning({ ...drop, shootDate: '2026-03-01', publishDate: '2026-03-10' })).toBe(
      'Shoot to publish is 9 days — the playbook says 7',
    );
  });
});
