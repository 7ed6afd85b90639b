import type { DropFields } from '../../../shared/model';

// Shoot and publish are typed one at a time, but must stay in order (publish on or after the
// shoot). Moving both later means typing one first: a shoot typed past the saved publish is
// refused, beside the shoot, and waits in its box; when publish is then typed after it, the
// two are saved together, as the person meant, instead of the shoot being dropped unseen.

export type OrderedDate = 'shootDate' | 'publishDate';
type Pair = Pick<DropFields, OrderedDate>;

/** A date refused for being on the wrong side of the other one, still shown in its box. */
export interface WaitingDate {
  field: OrderedDate;
  value: string;
}

export type ShootPublishEntry =
  | { kind: 'save'; patch: Partial<Pair>; /** The waiting date is saved with it. */ both: boolean }
  | { kind: 'refuse'; field: OrderedDate; message: string };

const inOrder = (d: Pair) => !d.shootDate || !d.publishDate || d.publishDate >= d.shootDate;

/**
 * What to do with `value` typed into `field`, given the dates saved on the drop and a date
 * still waiting in the other box. `dayLabel` writes a day for people ("Wed 16 Dec").
 */
export function enterShootOrPublish(
  saved: Pair,
  field: OrderedDate,
  value: string | null,
  waiting: WaitingDate | null,
  dayLabel: (day: string) => string,
): ShootPublishEntry {
  const other: OrderedDate = field === 'shootDate' ? 'publishDate' : 'shootDate';
  if (waiting?.field === other && inOrder({ ...saved, [field]: value, [other]: waiting.value })) {
    return { kind: 'save', patch: { [field]: value, [other]: waiting.value }, both: true };
  }
  if (inOrder({ ...saved, [field]: value })) {
    return { kind: 'save', patch: { [field]: value }, both: false };
  }
  return field === 'publishDate'
    ? { kind: 'refuse', field, message: 'Publish comes after the shoot.' }
    : {
        kind: 'refuse',
        field,
        message: `The shoot comes before publishing (${dayLabel(saved.publishDate!)}).`,
      };
}
