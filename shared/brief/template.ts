import { generateKeyBetween } from 'fractional-indexing';
import type * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { DEFAULT_CURRENCY } from '../model/money';
import { root, transactLocal } from '../model/schema';
import { inWords, SHOOT_TO_PUBLISH_DAYS } from '../playbook';
import {
  briefFieldsSchema,
  deliverableSchema,
  type BriefOwnFields,
  type Deliverable,
  type DeliverableFields,
} from './fields';

/** Fields a template presets; dates come from offsets, money and codes from the directory. */
export const TEMPLATE_FIELDS = [
  'whyCreator',
  'goal',
  'metrics',
  'mustMentions',
  'doNots',
  'usageRights',
  'exclusivity',
  'disclosure',
  'fee',
  'currency',
  'payoutTiming',
  'attributionWindowDays',
  'sampleSizes',
  'samplesKeep',
  'packagingNotes',
  'popUp',
  'contacts',
] as const satisfies readonly (keyof BriefOwnFields)[];
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** Suggested timeline, in days relative to the shoot. */
export interface TimelineOffsets {
  briefLock: number;
  samplesShip: number;
  draftDue: number;
  finalDue: number;
}

/** The workspace's starting point for every new brief. */
export interface BriefTemplate {
  fields: Pick<BriefOwnFields, TemplateField>;
  offsets: TimelineOffsets;
  deliverables: (DeliverableFields & { id: string })[];
  /** Guidance shown in an empty creative-direction editor (never written into the text). */
  outline: string;
}

/** The playbook: one narrative, one creator, three assets, seven days to publish. */
export const PLAYBOOK_TEMPLATE: BriefTemplate = {
  fields: {
    whyCreator: '',
    goal: 'Tell one story with one creator and turn attention into sales within the launch week.',
    metrics: {
      conversions: 'Orders through your code or link',
      turnaround: 'Shoot to publish in under 168 h',
      sellThrough: '',
      repurchase: 'Wishlist adds and email clickbacks',
    },
    mustMentions:
      'The drop name and launch date\nYour discount code\nLimited run: when it is gone, it is gone',
    doNots:
      'No other fashion brands in frame\nNo posting before the agreed publish date\nNo edited colours: show the fabric true to life',
    usageRights:
      'The brand may reuse the three assets on its storefront, email and paid social for 6 months, credited to you.',
    exclusivity: 'No competing fashion partnerships from shoot to 14 days after launch.',
    disclosure: '#ad · Paid partnership with {brand}',
    fee: 0,
    currency: DEFAULT_CURRENCY,
    payoutTiming: 'Fee on publish; revenue share monthly for the attribution window.',
    attributionWindowDays: 30,
    sampleSizes: '',
    samplesKeep: 'keep',
    packagingNotes: 'Film the unboxing in one take: the tissue, the card, then the piece.',
    popUp: '',
    contacts: '',
  },
  offsets: { briefLock: -10, samplesShip: -7, draftDue: 3, finalDue: 5 },
  deliverables: [
    {
      id: 'kit-hero',
      shot: 'hero',
      channel: 'instagram',
      format: 'photo',
      length: '',
      aspectRatio: '4:5',
      notes: 'The piece alone, clean light, true colour.',
    },
    {
      id: 'kit-lifestyle',
      shot: 'lifestyle',
      channel: 'tiktok',
      format: 'video',
      length: '15–30 s',
      aspectRatio: '9:16',
      notes: 'Worn in your world, tied to the narrative.',
    },
    {
      id: 'kit-detail',
      shot: 'detail',
      channel: 'pinterest',
      format: 'photo',
      length: '',
      aspectRatio: '2:3',
      notes: 'Stitch, trim or texture up close.',
    },
  ],
  outline: [
    'The story in one line',
    'Mood and references',
    'Hero product: what the shot must show',
    'Lifestyle moment: where and with whom',
    'Close-up detail: which stitch, trim or texture',
    'Voice: how you would say it to your audience',
  ].join('\n'),
};

// The template lives in `meta` as one key per part (`briefTemplate:<part>`), not as a nested
// map: two people editing different parts offline both keep their edit, and nothing has to be
// created first (a nested Y.Map created concurrently would keep only one side).
const KEY = (part: string) => `briefTemplate:${part}`;

const offsetsSchema = lazySchema(() =>
  z.object({
    briefLock: z
      .number()
      .int()
      .min(-60, 'Up to 60 days before the shoot.')
      .max(0, 'On or before the shoot.'),
    samplesShip: z
      .number()
      .int()
      .min(-60, 'Up to 60 days before the shoot.')
      .max(0, 'On or before the shoot.'),
    draftDue: z
      .number()
      .int()
      .min(0, 'On or after the shoot.')
      .max(SHOOT_TO_PUBLISH_DAYS, `Within the ${inWords(SHOOT_TO_PUBLISH_DAYS)} days to publish.`),
    finalDue: z
      .number()
      .int()
      .min(0, 'On or after the shoot.')
      .max(SHOOT_TO_PUBLISH_DAYS, `Within the ${inWords(SHOOT_TO_PUBLISH_DAYS)} days to publish.`),
  }),
);

const templateSchema = lazySchema(() =>
  z.object({
    fields: briefFieldsSchema().pick(
      Object.fromEntries(TEMPLATE_FIELDS.map((k) => [k, true])) as Record<TemplateField, true>,
    ),
    offsets: offsetsSchema(),
    deliverables: z
      .array(deliverableSchema().extend({ id: z.string().min(1).max(40) }))
      .max(20, 'Up to 20 shots.'),
    outline: z.string().max(4000, 'Keep the outline under 4,000 characters.'),
  }),
);

/** The workspace's brief template: the playbook, with the workspace's edits on top. */
export function readBriefTemplate(doc: Y.Doc): BriefTemplate {
  const meta = root.meta(doc);
  const fields = { ...PLAYBOOK_TEMPLATE.fields } as Record<TemplateField, unknown>;
  for (const k of TEMPLATE_FIELDS) {
    const v = meta.get(KEY(k));
    if (v === undefined) continue;
    // Lenient: a value that does not validate (a buggy peer) falls back to the playbook.
    const ok = templateSchema().shape.fields.shape[k].safeParse(v);
    if (ok.success) fields[k] = ok.data;
  }
  const offsets = offsetsSchema().safeParse(meta.get(KEY('offsets')));
  const deliverables = templateSchema().shape.deliverables.safeParse(meta.get(KEY('deliverables')));
  const outline = meta.get(KEY('outline'));
  return {
    fields: fields as BriefTemplate['fields'],
    offsets: offsets.success ? offsets.data : PLAYBOOK_TEMPLATE.offsets,
    deliverables: deliverables.success ? deliverables.data : PLAYBOOK_TEMPLATE.deliverables,
    outline: typeof outline === 'string' ? outline : PLAYBOOK_TEMPLATE.outline,
  };
}

export interface TemplatePatch {
  fields?: Partial<BriefTemplate['fields']>;
  offsets?: Partial<TimelineOffsets>;
  deliverables?: BriefTemplate['deliverables'];
  outline?: string;
}

export type TemplateErrors = Record<string, string>;

export class TemplateValidationError extends Error {
  constructor(readonly errors: TemplateErrors) {
    super(Object.values(errors).join(' '));
    this.name = 'TemplateValidationError';
  }
}

/** Edits the workspace's brief template (one undoable step); bad input throws field messages. */
export function updateBriefTemplate(doc: Y.Doc, patch: TemplatePatch): void {
  const current = readBriefTemplate(doc);
  const next = {
    fields: { ...current.fields, ...patch.fields },
    offsets: { ...current.offsets, ...patch.offsets },
    deliverables: patch.deliverables ?? current.deliverables,
    outline: patch.outline ?? current.outline,
  };
  const result = templateSchema().safeParse(next);
  if (!result.success) {
    const errors: TemplateErrors = {};
    for (const issue of result.error.issues) {
      const key = issue.path.filter((p) => typeof p === 'string').join('.');
      if (!errors[key]) errors[key] = issue.message;
    }
    throw new TemplateValidationError(errors);
  }
  const clean = result.data;
  transactLocal(doc, () => {
    const meta = root.meta(doc);
    for (const k of Object.keys(patch.fields ?? {}) as TemplateField[]) {
      meta.set(KEY(k), clean.fields[k]);
    }
    if (patch.offsets) meta.set(KEY('offsets'), clean.offsets);
    if (patch.deliverables) meta.set(KEY('deliverables'), clean.deliverables);
    if (patch.outline !== undefined) meta.set(KEY('outline'), clean.outline);
  });
}

/** Puts the playbook template back (one undoable step), keeping the workspace's currency. */
export function resetBriefTemplate(doc: Y.Doc): void {
  transactLocal(doc, () => {
    const meta = root.meta(doc);
    // The workspace's currency lives beside the template but is not the playbook's to reset:
    // every amount in the workspace is labelled with it.
    for (const key of [...meta.keys()])
      if (key.startsWith(KEY('')) && key !== KEY('currency')) meta.delete(key);
  });
}

/** The template's shot list as brief rows (ids kept, so two peers materialise the same rows). */
export function templateDeliverables(t: BriefTemplate): Deliverable[] {
  // Deterministic ranks (no jitter): every peer derives the same order from the same template.
  let prev: string | null = null;
  return t.deliverables.map((d) => {
    prev = generateKeyBetween(prev, null);
    return { ...d, rank: prev };
  });
}

/**
 * The workspace's currency: the template's. It is the one place the currency lives (in `meta`,
 * edited in the Template view); every drop's money is in it unless the drop's brief names its own.
 */
export function readWorkspaceCurrency(doc: Y.Doc): string {
  const ok = templateSchema().shape.fields.shape.currency.safeParse(
    root.meta(doc).get(KEY('currency')),
  );
  return ok.success ? ok.data : PLAYBOOK_TEMPLATE.fields.currency;
}
