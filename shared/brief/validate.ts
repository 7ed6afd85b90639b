import type { Creator } from '../model/creator';
import type { BriefErrors, ResolvedBrief } from './brief';
import { addDays, formatDay } from './days';
import { inWords, SHOOT_TO_PUBLISH_DAYS } from '../playbook';
import { SHOT_LABELS, SHOTS } from './fields';

/**
 * What stops a brief from being ready, as messages at the fields. Edits are never refused for
 * these (people fill a brief in any order); marking it ready is.
 */
export function briefIssues(
  b: ResolvedBrief,
  /** The creator directory: a brief's code must not be another creator's. */
  directory: readonly Pick<Creator, 'id' | 'name' | 'discountCode'>[] = [],
): BriefErrors {
  const e: BriefErrors = {};
  const { drop, fields: f } = b;
  if (!drop.narrative.trim()) e.narrative = 'Write the drop’s one narrative.';
  if (!b.creator) e.creator = 'Link a creator to this drop.';
  if (!drop.shootDate) e.shootDate = 'Set the shoot date.';
  if (!drop.publishDate) e.publishDate = 'Set the publish date.';

  // Timeline order: brief lock ≤ samples ship ≤ shoot ≤ draft ≤ final ≤ publish.
  const order: [keyof BriefErrors, string | null, string][] = [
    ['briefLock', f.briefLock, 'Brief lock'],
    ['samplesShip', f.samplesShip, 'Samples ship'],
    ['shootDate', drop.shootDate, 'the shoot'],
    ['draftDue', f.draftDue, 'Draft'],
    ['finalDue', f.finalDue, 'Final'],
    ['publishDate', drop.publishDate, 'publish'],
  ];
  for (let i = 0; i < order.length; i++) {
    const [key, day, label] = order[i]!;
    if (!day || e[key]) continue;
    for (let j = i + 1; j < order.length; j++) {
      const [, later, laterLabel] = order[j]!;
      if (later && later < day) {
        e[key] = `${capital(label)} must be on or before ${laterLabel} (${formatDay(later)}).`;
        break;
      }
    }
  }
  if (drop.shootDate && drop.publishDate && !e.publishDate) {
    const latest = addDays(drop.shootDate, SHOOT_TO_PUBLISH_DAYS);
    if (drop.publishDate > latest) {
      e.publishDate = `Publish within ${SHOOT_TO_PUBLISH_DAYS} days of the shoot (by ${formatDay(latest)}).`;
    }
  }
  if (drop.dropDate && drop.shootDate && drop.dropDate < drop.shootDate) {
    e.dropDate = `The launch comes after the shoot (${formatDay(drop.shootDate)}).`;
  }

  const shots = new Set(b.deliverables.map((d) => d.shot));
  const missing = SHOTS.filter((s) => !shots.has(s)).map((s) => SHOT_LABELS[s].toLowerCase());
  if (missing.length) {
    e.deliverables = `The ${inWords(SHOTS.length)}-shot kit is missing: ${missing.join(', ')}.`;
  }

  if (!/#ad\b|paid partnership|sponsored/i.test(f.disclosure)) {
    e.disclosure = 'Include “#ad” or “Paid partnership” so the post is disclosed.';
  }
  if (!f.discountCode && !f.trackingLink) {
    e.discountCode = 'Give a discount code or a tracking link, so sales can be attributed.';
  }
  // A code the directory gives another creator would credit this drop's sales to the wrong
  // person (or theirs to this drop) wherever the two launches' windows meet.
  const code = f.discountCode.trim().toLowerCase();
  const owner = code
    ? directory.find((c) => c.discountCode.trim().toLowerCase() === code && c.id !== b.creator?.id)
    : undefined;
  if (owner) {
    e.discountCode = `${f.discountCode} is ${owner.name}’s code in the creator directory: give this drop ${
      b.creator ? `${b.creator.name}’s own code` : 'a code of its own'
    }.`;
  }
  return e;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
