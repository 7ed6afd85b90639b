import { longDate } from '../../ui/dates';

/** What leaving a workspace would lose: the work that exists only on this computer. */
export interface LeaveLoss {
  /** True when something here has not reached any teammate. */
  atRisk: boolean;
  /** One sentence, e.g. "3 drops changed here have not reached a teammate yet." */
  headline: string;
  /** Titles of the drops concerned (at most `limit`), then how many more. */
  titles: string[];
  more: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Names what would be lost by leaving, from the sync marks: a workspace never shared has no
 * teammate holding anything, so all of it is at risk; one shared before risks the drops
 * changed since a teammate last received them ("not yet shared" on their cards), and changes
 * made here that touched no drop (a stage renamed offline), which `unsent` still counts.
 */
export function leaveLoss(
  input: {
    lastSyncedAt: number | null;
    /** Anything changed here has not been sent (the sync panel's "not yet sent to a peer"). */
    unsent: boolean;
    unsentDropIds: ReadonlySet<string>;
    drops: ReadonlyMap<string, { title: string }>;
  },
  limit = 5,
): LeaveLoss {
  const { lastSyncedAt, unsent, unsentDropIds, drops } = input;
  if (lastSyncedAt === null) {
    if (drops.size === 0)
      return {
        atRisk: false,
        headline: 'This workspace has no drops yet and has never synced with a teammate.',
        titles: [],
        more: 0,
      };
    const titles = [...drops.values()].map((d) => d.title || 'Untitled drop');
    return {
      atRisk: true,
      headline: `This workspace has never synced with a teammate: ${
        drops.size === 1 ? 'its drop exists' : `all ${drops.size} drops exist`
      } only on this computer.`,
      titles: titles.slice(0, limit),
      more: Math.max(0, titles.length - limit),
    };
  }
  if (unsentDropIds.size === 0 && unsent)
    return {
      atRisk: true,
      headline:
        'Changes made here to the workspace itself (its stages, creators or settings, not its drops) have not reached a teammate yet.',
      titles: [],
      more: 0,
    };
  if (unsentDropIds.size === 0)
    return {
      atRisk: false,
      headline: 'Everything here has reached a teammate.',
      titles: [],
      more: 0,
    };
  const titles = [...unsentDropIds].map((id) => {
    const drop = drops.get(id);
    return drop ? drop.title || 'Untitled drop' : 'A drop deleted here';
  });
  return {
    atRisk: true,
    headline: `${plural(unsentDropIds.size, 'drop', 'drops')} changed here (details or brief) ${
      unsentDropIds.size === 1 ? 'has' : 'have'
    } not reached a teammate yet.`,
    titles: titles.slice(0, limit),
    more: Math.max(0, titles.length - limit),
  };
}

/** "December 29, 2026" (in the reader's locale): the day a kept copy is removed. */
export function removalDate(at: number): string {
  return longDate(at);
}
