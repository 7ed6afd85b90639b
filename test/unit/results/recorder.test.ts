import { describe, expect, it } from 'vitest';
import { recordedByName } from '../../../shared/results';

// How a "by …" line names who recorded a fact or an import, as seen from one computer.
describe('who recorded it, in a by-line', () => {
  const OWN = 'p_own';

  it('is "you" for what this person recorded here, whether or not they had a name', () => {
    expect(recordedByName({ by: '', byId: OWN }, OWN)).toBe('you');
    expect(recordedByName({ by: 'Ines', byId: OWN }, OWN)).toBe('you');
  });

  it('is a teammate\'s name for theirs, and "a teammate" when they gave none', () => {
    expect(recordedByName({ by: 'Theo', byId: 'p_theo' }, OWN)).toBe('Theo');
    expect(recordedByName({ by: '', byId: 'p_theo' }, OWN)).toBe('a teammate');
    expect(recordedByName({ by: '  ', byId: 'p_theo' }, OWN)).toBe('a teammate');
  });

  it('keeps the name of an entry from before ids, and reads the old stand-ins as a teammate', () => {
    expect(recordedByName({ by: 'Mara' }, OWN)).toBe('Mara');
    // Earlier versions signed an unnamed person "Teammate" (or "Someone" without sync).
    expect(recordedByName({ by: 'Teammate' }, OWN)).toBe('a teammate');
    expect(recordedByName({ by: 'Someone' }, OWN)).toBe('a teammate');
    // The same name as this person's is not proof it was theirs: names are not unique.
    expect(recordedByName({ by: 'Ines' }, OWN)).toBe('Ines');
  });
});
