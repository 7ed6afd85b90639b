import type { Creator } from './creator';
import type { CreatorId } from './ids';

// One collation for every peer and every locale: in a Polish locale "Ł" is its own letter, and
// the same directory must not hold a twin on one machine and not on another.
const NAME_COLLATOR = new Intl.Collator('en', { sensitivity: 'base', usage: 'search' });

/** A name as it is compared: spaces around and between the words do not make another name. */
const compared = (name: string) => name.trim().replace(/\s+/g, ' ');

/**
 * True when two creator names are one person's as people type it: case, accents and spaces
 * aside ("Zoë Martin", "zoe  martin"). Used to refuse adding a creator twice.
 */
export function sameCreatorName(a: string, b: string): boolean {
  const x = compared(a);
  return x !== '' && NAME_COLLATOR.compare(x, compared(b)) === 0;
}

/** What tells a creator apart from another of the same name: a handle, the code, the region. */
function creatorDetail(c: Creator): string {
  const main = c.platform !== 'other' ? c.handles[c.platform] : '';
  const handle = main || Object.values(c.handles).find(Boolean) || '';
  return [handle && `@${handle}`, c.discountCode, c.region].filter(Boolean).join(' · ');
}

/**
 * The label of each creator in a list to pick from: the name, and for creators who share it
 * (two teammates offline each added "Zoë Martin") what tells them apart, else "2 of 2", so a
 * drop is never linked to one of two identical lines by chance.
 */
export function creatorChoiceLabels(creators: readonly Creator[]): Map<CreatorId, string> {
  const labels = new Map<CreatorId, string>();
  for (const c of creators) {
    const twins = creators.filter((o) => sameCreatorName(o.name, c.name));
    if (twins.length < 2) {
      labels.set(c.id, c.name);
      continue;
    }
    const detail = creatorDetail(c);
    const shared = twins.some((o) => o.id !== c.id && creatorDetail(o) === detail);
    const position = `${twins.indexOf(c) + 1} of ${twins.length}`;
    labels.set(
      c.id,
      `${c.name} · ${!detail ? position : shared ? `${detail} · ${position}` : detail}`,
    );
  }
  return labels;
}

/** Names that more than one creator of the directory has (flagged in the directory). */
export function twinCreatorIds(creators: readonly Creator[]): Set<CreatorId> {
  return new Set(
    creators
      .filter((c) => creators.some((o) => o.id !== c.id && sameCreatorName(o.name, c.name)))
      .map((c) => c.id),
  );
}
