import { describe, expect, it } from 'vitest';
import {
  dropEditNotice,
  dropOffers,
  EMPTY_NOTICES,
  nextNotice,
  showNotice,
  type NoticeQueue,
} from '../../../renderer/src/app/noticeQueue';

const offer = (id: number, message: string) => ({
  id,
  message,
  action: { label: 'Restore it', run: () => {} },
});
const plain = (id: number, message: string) => ({ id, message });
const shown = (q: NoticeQueue) => [q.current?.message ?? null, ...q.waiting.map((n) => n.message)];

describe('the message strip', () => {
  it('keeps a second offer behind the first, and shows it when the first is dealt with', () => {
    let q = showNotice(EMPTY_NOTICES, offer(1, 'A teammate deleted “Dune Shirt”'));
    q = showNotice(q, offer(2, 'A teammate deleted “Harbour Linen”'));
    expect(shown(q)).toEqual([
      'A teammate deleted “Dune Shirt”',
      'A teammate deleted “Harbour Linen”',
    ]);
    q = nextNotice(q);
    expect(shown(q)).toEqual(['A teammate deleted “Harbour Linen”']);
    expect(shown(nextNotice(q))).toEqual([null]);
  });

  it('shows a plain message over an offer, then the offer again', () => {
    let q = showNotice(EMPTY_NOTICES, offer(1, 'Restore offer'));
    q = showNotice(q, plain(2, 'Merged “Saltmarsh”.'));
    expect(shown(q)).toEqual(['Merged “Saltmarsh”.', 'Restore offer']);
    // Its time is up, or an undo took its edit back: the offer is back.
    expect(shown(nextNotice(q))).toEqual(['Restore offer']);
    expect(shown(dropEditNotice(q))).toEqual(['Restore offer']);
    // An undo leaves an offer where it is.
    expect(dropEditNotice(nextNotice(q))).toEqual(nextNotice(q));
  });

  it('lets a plain message replace a plain message', () => {
    const q = showNotice(showNotice(EMPTY_NOTICES, plain(1, 'one')), plain(2, 'two'));
    expect(shown(q)).toEqual(['two']);
  });

  it('drops every offer, showing or waiting, when another workspace opens', () => {
    let q = showNotice(EMPTY_NOTICES, offer(1, 'first offer'));
    q = showNotice(q, offer(2, 'second offer'));
    expect(shown(dropOffers(q))).toEqual([null]);
    const covered = showNotice(q, plain(3, 'Opened “Harbour”.'));
    expect(shown(dropOffers(covered))).toEqual(['Opened “Harbour”.']);
  });
});
