import type { Channel } from '../model/channels';
import type { Deliverable } from './fields';

// Where a shot goes when the template's channel is not one the drop is planned for. Social
// first, as the playbook shoots for social and repurposes: a second shot on the same social
// channel (a Reel beside the post) before a shot on paid or the brand's own channels.
const SOCIAL: readonly Channel[] = ['instagram', 'tiktok', 'pinterest'];
const OTHERS: readonly Channel[] = ['ads', 'storefront', 'email', 'popup'];

/**
 * The template's shot list fitted to the drop's channels: a shot meant for a channel the drop
 * is not planned for goes to one it is (a planned social channel no other shot has, else the
 * first planned social one; with none planned, a paid or own channel, untaken first). A drop
 * with no channels keeps the template's. Pure and read-time only, so every peer shows the same
 * list and a change to the drop's channels carries the template's shots along.
 */
export function fitShotsToChannels<T extends Pick<Deliverable, 'channel'>>(
  rows: readonly T[],
  planned: readonly Channel[],
): T[] {
  if (planned.length === 0) return [...rows];
  const social = SOCIAL.filter((c) => planned.includes(c));
  const others = OTHERS.filter((c) => planned.includes(c));
  const taken = new Set(rows.map((r) => r.channel).filter((c) => planned.includes(c)));
  const untaken = (list: readonly Channel[]) => list.find((c) => !taken.has(c));
  return rows.map((row) => {
    if (planned.includes(row.channel)) return row;
    const channel = social.length
      ? (untaken(social) ?? social[0]!)
      : (untaken(others) ?? others[0]!);
    taken.add(channel);
    return { ...row, channel };
  });
}
