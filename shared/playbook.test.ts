import { describe, expect, it } from 'vitest';
import { cadenceFlags } from './cadence/flags';
import { WINDOW_LABELS } from './cadence/windows';
import { PLAYBOOK_LABELS, PLAYBOOK_SUMMARY, SHOOT_TO_PUBLISH_DAYS } from './playbook';

// The playbook's numbers are read, not copied: labels and rules follow the one definition.
describe('the playbook', () => {
  it('names its numbers the way the product always has', () => {
    expect(PLAYBOOK_SUMMARY).toBe(
      'one narrative, one creator, three shots, seven days from shoot to publish',
    );
    expect(WINDOW_LABELS).toEqual({
      'publish-deadline': 'Publish deadline (shoot + 7 days)',
      retargeting: 'Retargeting window (72 h)',
      'sell-through': 'Local sell-through window (72 h)',
      repurchase: 'Repurchase-interest window (30 days)',
    });
    expect(PLAYBOOK_LABELS.repurchaseAdjective).toBe('30-day');
    // The Results view, drop panel, Review cards and PDF name these (no copies of the numbers).
    expect(PLAYBOOK_LABELS.turnaroundTarget).toBe('168 h');
    expect(PLAYBOOK_LABELS.reserve).toBe('30 %');
    expect(PLAYBOOK_LABELS.sellThrough).toBe('72 h');
    expect(PLAYBOOK_LABELS.retargeting).toBe('72 h');
  });

  it('flags and brief checks use the same shoot-to-publish limit', () => {
    const drop = {
      id: 'd_1' as never,
      title: 'Harbour Linen',
      narrative: 'Salt and linen.',
      creatorId: null,
      shootDate: '2026-03-01',
      publishDate: `2026-03-0${1 + SHOOT_TO_PUBLISH_DAYS + 1}`,
      dropDate: null,
      archived: false,
    };
    const flags = cadenceFlags([drop], { kind: 'monthly' }, '2026-01-01');
    expect(flags.map((f) => f.message)).toEqual([
      '“Harbour Linen” takes 8 days from shoot to publish — the playbook allows 7.',
    ]);
    const onTime = { ...drop, publishDate: `2026-03-0${1 + SHOOT_TO_PUBLISH_DAYS}` };
    expect(cadenceFlags([onTime], { kind: 'monthly' }, '2026-01-01')).toEqual([]);
  });
});
