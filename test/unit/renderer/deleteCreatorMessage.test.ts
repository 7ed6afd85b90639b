import { describe, expect, it } from 'vitest';
import { deleteCreatorMessage } from '../../../renderer/src/briefs/creators/deleteCreatorMessage';

const live = { archived: false };
const past = { archived: true };

describe('what deleting a creator says first', () => {
  it('counts every drop it unlinks, archived ones too', () => {
    expect(deleteCreatorMessage('Zoë Martin', [])).toBe(
      'Zoë Martin is not linked to any drop. You can undo this.',
    );
    expect(deleteCreatorMessage('Zoë Martin', [live])).toBe(
      '1 drop links to Zoë Martin; it will have no creator. You can undo this.',
    );
    expect(deleteCreatorMessage('Zoë Martin', [past])).toBe(
      'An archived drop links to Zoë Martin; it will have no creator. You can undo this.',
    );
    expect(deleteCreatorMessage('Zoë Martin', [live, live])).toBe(
      '2 drops link to Zoë Martin; they will have no creator. You can undo this.',
    );
    expect(deleteCreatorMessage('Zoë Martin', [live, past, past])).toBe(
      '3 drops (2 archived) link to Zoë Martin; they will have no creator. You can undo this.',
    );
    expect(deleteCreatorMessage('Zoë Martin', [past, past])).toBe(
      '2 drops (all archived) link to Zoë Martin; they will have no creator. You can undo this.',
    );
  });
});
