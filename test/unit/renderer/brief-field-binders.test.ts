import { describe, expect, it } from 'vitest';
import { fieldBinders } from '../../../renderer/src/briefs/fieldBinders';

const values = { usageRights: 'Organic only', currency: 'EUR', fee: 350 };

function setup(prefix = '') {
  const saved: object[] = [];
  const b = fieldBinders({
    values,
    error: (k) => (`${prefix}${k}` === 'fields.fee' ? 'Fee must be a number.' : undefined),
    disabled: false,
    save: (patch) => (saved.push(patch), true),
  });
  return { b, saved };
}

describe('brief form field bindings', () => {
  it('shows the label and stored value, and saves text as typed', () => {
    const { b, saved } = setup();
    const f = b.text('usageRights');
    expect(f).toMatchObject({ label: 'Usage rights', value: 'Organic only', disabled: false });
    f.commit(' Paid social too ');
    expect(saved).toEqual([{ usageRights: ' Paid social too ' }]);
  });

  it('saves a currency trimmed and in capitals, and an emptied number as NaN so it is refused', () => {
    const { b, saved } = setup();
    b.code('currency').commit(' gbp ');
    b.amount('fee').commit(null);
    expect(saved).toEqual([{ currency: 'GBP' }, { fee: Number.NaN }]);
  });

  it('shows the message filed under the field', () => {
    expect(setup('fields.').b.amount('fee').error).toBe('Fee must be a number.');
    expect(setup('fields.').b.text('usageRights').error).toBeUndefined();
  });
});
