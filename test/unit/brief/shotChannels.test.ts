import { describe, expect, it } from 'vitest';
import { fitShotsToChannels, resolveBrief, updateDeliverable } from '../../../shared/brief';
import type { Channel } from '../../../shared/model';
import { updateDrop } from '../../../shared/model';
import { briefWorkspace } from './fixtures';

// The playbook's kit: hero for Instagram, lifestyle for TikTok, detail for Pinterest.
const KIT = [
  { shot: 'hero', channel: 'instagram' },
  { shot: 'lifestyle', channel: 'tiktok' },
  { shot: 'detail', channel: 'pinterest' },
] as const satisfies readonly { shot: string; channel: Channel }[];
const fitted = (planned: Channel[]) => fitShotsToChannels(KIT, planned).map((r) => r.channel);

describe("the template's shots on the drop's channels", () => {
  it('keeps the kit when the drop plans its channels, or none yet', () => {
    expect(fitted(['instagram', 'tiktok', 'pinterest', 'email'])).toEqual([
      'instagram',
      'tiktok',
      'pinterest',
    ]);
    expect(fitted([])).toEqual(['instagram', 'tiktok', 'pinterest']);
  });

  it('moves a shot to a planned social channel, one no other shot has first', () => {
    expect(fitted(['instagram', 'email'])).toEqual(['instagram', 'instagram', 'instagram']);
    expect(fitted(['tiktok', 'pinterest'])).toEqual(['tiktok', 'tiktok', 'pinterest']);
    expect(fitted(['pinterest', 'instagram', 'tiktok'])).toEqual([
      'instagram',
      'tiktok',
      'pinterest',
    ]);
    expect(fitted(['tiktok', 'instagram', 'ads'])).toEqual(['instagram', 'tiktok', 'instagram']);
  });

  it('without social channels, spreads the shots over the paid and own ones', () => {
    expect(fitted(['email', 'storefront'])).toEqual(['storefront', 'email', 'storefront']);
    expect(fitted(['ads'])).toEqual(['ads', 'ads', 'ads']);
  });

  it("a brief's shot list follows the drop's channels, and a row edited in the brief stays as edited", () => {
    const { doc, dropId } = briefWorkspace();
    updateDrop(doc, dropId, { channels: ['instagram', 'email'] });
    const rows = () => resolveBrief(doc, dropId)!.deliverables.map((d) => [d.shot, d.channel]);
    expect(rows()).toEqual([
      ['hero', 'instagram'],
      ['lifestyle', 'instagram'],
      ['detail', 'instagram'],
    ]);
    updateDrop(doc, dropId, { channels: ['tiktok'] });
    expect(rows()).toEqual([
      ['hero', 'tiktok'],
      ['lifestyle', 'tiktok'],
      ['detail', 'tiktok'],
    ]);
    // The hero row edited in the brief keeps the channel it was edited on.
    const hero = resolveBrief(doc, dropId)!.deliverables[0]!;
    updateDeliverable(doc, dropId, hero.id, { notes: 'On the pier at dawn.' });
    updateDrop(doc, dropId, { channels: ['pinterest'] });
    expect(rows()).toEqual([
      ['hero', 'tiktok'],
      ['lifestyle', 'pinterest'],
      ['detail', 'pinterest'],
    ]);
  });
});
