import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { CHANNELS, type Channel } from '../model/channels';
import { discountCodeSchema, isHttpsUrl } from '../model/creator';
import { percentSchema } from '../model/percent';
import { isKnownCurrency } from '../model/money';
import { isoDateSchema } from '../model/isoDate';
import { PLAYBOOK_LABELS, SHOTS } from '../playbook';

/** The three-shot kit from the playbook. */
export { SHOTS };
export type Shot = (typeof SHOTS)[number];
export const SHOT_LABELS: Record<Shot, string> = {
  hero: 'Hero product',
  lifestyle: 'Lifestyle moment',
  detail: 'Close-up detail',
};

export const ASSET_FORMATS = ['video', 'photo', 'carousel', 'story', 'pin'] as const;
export type AssetFormat = (typeof ASSET_FORMATS)[number];
export const ASSET_FORMAT_LABELS: Record<AssetFormat, string> = {
  video: 'Video',
  photo: 'Photo',
  carousel: 'Carousel',
  story: 'Story',
  pin: 'Pin',
};

export const ASPECT_RATIOS = ['9:16', '4:5', '1:1', '2:3', '16:9'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** One row of the shot list: which shot, for which channel, in which shape. */
export interface Deliverable {
  id: string;
  shot: Shot;
  channel: Channel;
  format: AssetFormat;
  /** Free text, e.g. "15–30 s" for video; empty for stills. */
  length: string;
  aspectRatio: AspectRatio;
  notes: string;
  /** Sort key (fractional index). */
  rank: string;
}

/** The playbook's four success measures. */
export const METRICS = ['conversions', 'turnaround', 'sellThrough', 'repurchase'] as const;
export type Metric = (typeof METRICS)[number];
export const METRIC_LABELS: Record<Metric, string> = {
  conversions: 'Creator-attributed conversions',
  turnaround: 'Asset turnaround (hours, shoot → publish)',
  sellThrough: `Local sell-through % in ${PLAYBOOK_LABELS.sellThrough}`,
  repurchase: `Repurchase interest in ${PLAYBOOK_LABELS.repurchase}`,
};
/** Target per measure; a measure with an empty target is not used in this brief. */
export type MetricTargets = Record<Metric, string>;

export const SAMPLE_RETURN = ['keep', 'return'] as const;
export type SampleReturn = (typeof SAMPLE_RETURN)[number];

/**
 * The brief's own fields (stored in `briefs[dropId]`). Drop-owned facts (narrative, shoot,
 * publish and launch dates, reserve %) and creator-owned facts (discount code, tracking link,
 * revenue share) are read from the drop and the directory unless the brief overrides them.
 */
export interface BriefOwnFields {
  whyCreator: string;
  goal: string;
  metrics: MetricTargets;
  briefLock: string | null;
  samplesShip: string | null;
  draftDue: string | null;
  finalDue: string | null;
  mustMentions: string;
  doNots: string;
  usageRights: string;
  exclusivity: string;
  disclosure: string;
  fee: number;
  currency: string;
  /** null: use the creator's revenue share from the directory. */
  revenueSharePct: number | null;
  payoutTiming: string;
  /** null: use the creator's code / link. */
  discountCode: string | null;
  trackingLink: string | null;
  attributionWindowDays: number;
  sampleSizes: string;
  samplesKeep: SampleReturn;
  packagingNotes: string;
  popUp: string;
  contacts: string;
}
export type BriefFieldKey = keyof BriefOwnFields;

/** Brief fields that are really the drop's: the brief form edits the drop itself. */
export const DROP_LINKED_FIELDS = [
  'narrative',
  'shootDate',
  'publishDate',
  'dropDate',
  'reservePct',
] as const;
export type DropLinkedField = (typeof DROP_LINKED_FIELDS)[number];

// "2,000" as English writes it, without Intl: these schemas are built as the app's scripts
// load, and the first `toLocaleString` in a fresh page loads the number formatting data (about
// 70 ms here) before anything can paint; the time-zone check warms it while IndexedDB reads.
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const text = (max: number, what: string) =>
  z.string().max(max, `Keep ${what} under ${grouped(max)} characters.`);

/** Validation of what a person types in the brief form; messages are shown at the field. */
export const briefFieldsSchema = lazySchema(() =>
  z.object({
    whyCreator: text(2000, 'why this creator'),
    goal: text(2000, 'the goal'),
    metrics: z.object({
      conversions: text(120, 'a target'),
      turnaround: text(120, 'a target'),
      sellThrough: text(120, 'a target'),
      repurchase: text(120, 'a target'),
    }),
    briefLock: isoDateSchema().nullable(),
    samplesShip: isoDateSchema().nullable(),
    draftDue: isoDateSchema().nullable(),
    finalDue: isoDateSchema().nullable(),
    mustMentions: text(2000, 'must-mentions'),
    doNots: text(2000, 'do-nots'),
    usageRights: text(1000, 'usage rights'),
    exclusivity: text(1000, 'exclusivity'),
    disclosure: z
      .string()
      .trim()
      .min(1, 'Say how the post is disclosed, e.g. "#ad · Paid partnership".')
      .max(200, 'Keep the disclosure under 200 characters.'),
    fee: z
      .number({ message: 'Enter an amount.' })
      .min(0, 'A fee cannot be negative.')
      .max(10_000_000, 'That fee looks mistyped.'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code like EUR.')
      .refine(isKnownCurrency, 'That is not a currency code: use one like EUR, GBP or USD.'),
    revenueSharePct: percentSchema().nullable(),
    payoutTiming: text(300, 'payout timing'),
    discountCode: discountCodeSchema().nullable(),
    trackingLink: z
      .string()
      .trim()
      .refine((s) => s === '' || isHttpsUrl(s), 'Use a full link starting with https://')
      .nullable(),
    attributionWindowDays: z
      .number({ message: 'Enter a number of days.' })
      .int('Whole days only.')
      .min(1, 'At least one day.')
      .max(90, 'At most 90 days.'),
    sampleSizes: text(300, 'sample sizes'),
    samplesKeep: z.enum(SAMPLE_RETURN),
    packagingNotes: text(2000, 'packaging notes'),
    popUp: text(500, 'the pop-up appearance'),
    contacts: text(1000, 'contacts'),
  }),
);

export const deliverableSchema = lazySchema(() =>
  z.object({
    shot: z.enum(SHOTS, { message: 'Pick a shot.' }),
    channel: z.enum(CHANNELS, { message: 'Pick a channel.' }),
    format: z.enum(ASSET_FORMATS, { message: 'Pick a format.' }),
    length: text(40, 'the length'),
    aspectRatio: z.enum(ASPECT_RATIOS, { message: 'Pick an aspect ratio.' }),
    notes: text(500, 'shot notes'),
  }),
);
export type DeliverableFields = z.infer<ReturnType<typeof deliverableSchema>>;

/** Short labels for the form, the print view and the change list. */
export const FIELD_LABELS: Record<
  BriefFieldKey | DropLinkedField | 'creator' | 'deliverables',
  string
> = {
  narrative: 'Narrative',
  shootDate: 'Shoot',
  publishDate: 'Publish',
  dropDate: 'Launch',
  reservePct: 'Creator-fan & pop-up reserve',
  creator: 'Creator',
  whyCreator: 'Why this creator',
  goal: 'Goal',
  metrics: 'Success measures',
  briefLock: 'Brief lock',
  samplesShip: 'Samples ship',
  draftDue: 'Draft due',
  finalDue: 'Final due',
  deliverables: 'Shot list',
  mustMentions: 'Must-mentions',
  doNots: 'Do-nots',
  usageRights: 'Usage rights',
  exclusivity: 'Exclusivity',
  disclosure: 'Disclosure',
  fee: 'Fee',
  currency: 'Currency',
  revenueSharePct: 'Revenue share',
  payoutTiming: 'Payout timing',
  discountCode: 'Discount code',
  trackingLink: 'Tracking link',
  attributionWindowDays: 'Attribution window',
  sampleSizes: 'Sample sizes',
  samplesKeep: 'Samples',
  packagingNotes: 'Packaging & unboxing',
  popUp: 'Pop-up appearance',
  contacts: 'Contacts',
};

/** Lines of a multi-line list field, trimmed, without bullets or empties. */
export function listLines(value: string): string[] {
  return value
    .split('\n')
    .map((l) => l.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean);
}
