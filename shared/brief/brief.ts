import type * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { type Channel } from '../model/channels';
import { linkCreator, readCreator, type Creator } from '../model/creator';
import { readDrop, updateDrop, validateDropPatch, type Drop, type DropFields } from '../model/drop';
import type { CreatorId, DropId } from '../model/ids';
import { randomId } from '../model/ids';
import { compareRanked, rankBetween } from '../model/rank';
import { recordAt, root, toRecord, transactLocal, type YRecord } from '../model/schema';
import { readWorkspaceName } from '../model/workspace';
import {
  briefFieldsSchema,
  deliverableSchema,
  METRICS,
  SAMPLE_RETURN,
  type BriefOwnFields,
  type Deliverable,
  type DeliverableFields,
  type DropLinkedField,
} from './fields';
import {
  readBriefTemplate,
  readWorkspaceCurrency,
  templateDeliverables,
  type BriefTemplate,
} from './template';
import { addDays } from './days';
import { fitShotsToChannels } from './shotChannels';

export const BRIEF_STATUSES = ['draft', 'ready', 'sent'] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];

/** Where a shown value comes from: typed in this brief, the template, the directory, or a date suggested from the shoot. */
export type FieldSource = 'brief' | 'template' | 'creator' | 'suggested' | 'unset';

/** Everything a brief says, with every fallback applied (what the form and the PDF show). */
export interface ResolvedBrief {
  dropId: DropId;
  brand: string;
  drop: Drop;
  creator: Creator | null;
  fields: Omit<BriefOwnFields, 'discountCode' | 'trackingLink' | 'revenueSharePct'> & {
    discountCode: string;
    trackingLink: string;
    revenueSharePct: number;
  };
  sources: Record<keyof BriefOwnFields, FieldSource>;
  deliverables: Deliverable[];
  /** True once someone edited the shot list (until then it is the template's). */
  deliverablesCustom: boolean;
  status: BriefStatus;
  template: BriefTemplate;
}

// Storage inside `briefs[dropId]` (a Y.Map): one key per own field, written only when a person
// sets it (so a brief follows its template and the directory until someone overrides a value);
// `deliverable:<rowId>` per shot-list row; `status`; `sent` (see status.ts).
const ROW = 'deliverable:';
const rowSchema = lazySchema(() => deliverableSchema().extend({ rank: z.string().min(1) }));

/** A drop's brief record, created when missing (drops made before briefs existed); call inside a write. */
export function ensureBriefRecord(doc: Y.Doc, dropId: DropId): YRecord {
  const existing = recordAt(root.briefs(doc), dropId);
  if (existing) return existing;
  const rec = toRecord({});
  root.briefs(doc).set(dropId, rec);
  return rec;
}

// The shot list is the template's rows overlaid with this brief's rows: `deliverable:<id>` holds
// a row added or edited here, or `{ removed: true }`. Nothing is copied up front, so two people
// editing different rows offline both keep their edit, and nobody doubles the template's rows.
// The template's rows are fitted to the drop's channels (`fitShotsToChannels`): a drop planned
// for Instagram and email is not asked for a TikTok video.
function readRows(
  rec: YRecord | undefined,
  template: BriefTemplate,
  channels: readonly Channel[],
): Deliverable[] {
  const fitted = fitShotsToChannels(templateDeliverables(template), channels);
  const rows = new Map(fitted.map((d) => [d.id, d]));
  rec?.forEach((value, key) => {
    if (!key.startsWith(ROW)) return;
    const id = key.slice(ROW.length);
    if ((value as { removed?: unknown } | null)?.removed === true) {
      rows.delete(id);
      return;
    }
    const row = rowSchema().safeParse(value);
    if (row.success) rows.set(id, { ...row.data, id });
  });
  return [...rows.values()].sort(compareRanked);
}

function hasOwnRows(rec: YRecord | undefined): boolean {
  return rec ? [...rec.keys()].some((k) => k.startsWith(ROW)) : false;
}

/** Reads a drop's brief with every fallback applied, or null when the drop is gone. */
export function resolveBrief(doc: Y.Doc, dropId: DropId): ResolvedBrief | null {
  const drop = readDrop(doc, dropId);
  if (!drop) return null;
  const rec = recordAt(root.briefs(doc), dropId);
  const template = readBriefTemplate(doc);
  const creator = readCreator(doc, drop.creatorId);
  const brand = readWorkspaceName(doc);
  const sources = {} as Record<keyof BriefOwnFields, FieldSource>;
  const fields = {} as Record<string, unknown>;

  for (const key of Object.keys(briefFieldsSchema().shape) as (keyof BriefOwnFields)[]) {
    const stored = rec?.get(key);
    const valid = stored !== undefined && briefFieldsSchema().shape[key].safeParse(stored).success;
    if (valid && stored !== null) {
      fields[key] = stored;
      sources[key] = 'brief';
      continue;
    }
    sources[key] = 'unset';
    if (key in template.fields) {
      fields[key] = template.fields[key as keyof BriefTemplate['fields']];
      sources[key] = 'template';
    }
  }
  // Dates not typed in are suggested from the shoot with the template's offsets.
  for (const key of ['briefLock', 'samplesShip', 'draftDue', 'finalDue'] as const) {
    if (sources[key] === 'brief') continue;
    fields[key] = drop.shootDate ? addDays(drop.shootDate, template.offsets[key]) : null;
    sources[key] = drop.shootDate ? 'suggested' : 'unset';
  }
  // Attribution facts come from the directory unless this brief sets its own.
  const fromCreator = {
    discountCode: creator?.discountCode ?? '',
    trackingLink: creator?.trackingLink ?? '',
    revenueSharePct: creator?.revenueSharePct ?? 0,
  };
  for (const key of ['discountCode', 'trackingLink', 'revenueSharePct'] as const) {
    if (sources[key] === 'brief') continue;
    fields[key] = fromCreator[key];
    sources[key] = creator ? 'creator' : 'unset';
  }
  fields.disclosure = String(fields.disclosure).replaceAll('{brand}', brand);
  if (!(SAMPLE_RETURN as readonly unknown[]).includes(fields.samplesKeep))
    fields.samplesKeep = 'keep';
  const metrics = (fields.metrics ?? {}) as Record<string, string>;
  fields.metrics = Object.fromEntries(METRICS.map((m) => [m, metrics[m] ?? '']));

  return {
    dropId,
    brand,
    drop,
    creator,
    fields: fields as ResolvedBrief['fields'],
    sources,
    deliverables: readRows(rec, template, drop.channels),
    deliverablesCustom: hasOwnRows(rec),
    status: readStatus(rec),
    template,
  };
}

export function readStatus(rec: YRecord | undefined): BriefStatus {
  const s = rec?.get('status');
  return (BRIEF_STATUSES as readonly unknown[]).includes(s) ? (s as BriefStatus) : 'draft';
}

/** An edit from the brief form: the brief's own fields and the drop facts it shows. */
export type BriefPatch = Partial<BriefOwnFields> & Partial<Pick<DropFields, DropLinkedField>>;

export type BriefErrors = Partial<Record<keyof BriefPatch | string, string>>;

export class BriefValidationError extends Error {
  constructor(readonly errors: BriefErrors) {
    super(Object.values(errors).join(' '));
    this.name = 'BriefValidationError';
  }
}

const DROP_KEYS = new Set<string>([
  'narrative',
  'shootDate',
  'publishDate',
  'dropDate',
  'reservePct',
]);

const hasCentsAtMost = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;

/** Validates an edit; returns per-field messages (nothing is written). */
export function validateBriefPatch(patch: BriefPatch): BriefErrors | null {
  const errors: BriefErrors = {};
  const own: Record<string, unknown> = {};
  const dropPart: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) (DROP_KEYS.has(k) ? dropPart : own)[k] = v;
  const result = briefFieldsSchema().partial().safeParse(own);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.');
      if (!errors[key]) errors[key] = issue.message;
    }
  }
  // Checked on entry only (a fee stored before still reads): the PDF prints cents, so 350.555
  // would print as 350.56 while the app showed 350.555.
  if (typeof own.fee === 'number' && !errors.fee && !hasCentsAtMost(own.fee))
    errors.fee = 'Use at most two decimals.';
  const dropCheck = validateDropPatch(dropPart as Partial<DropFields>);
  if (!dropCheck.ok) Object.assign(errors, dropCheck.errors);
  return Object.keys(errors).length ? errors : null;
}

/**
 * Writes an edit from the brief form (one undoable step). Drop facts go to the drop itself,
 * so the board and the brief never disagree. `null` for an overridable field (discount code,
 * tracking link, revenue share, dates) goes back to the directory / suggested value.
 */
export function updateBrief(doc: Y.Doc, dropId: DropId, patch: BriefPatch): void {
  const errors = validateBriefPatch(patch);
  if (errors) throw new BriefValidationError(errors);
  const clean = briefFieldsSchema()
    .partial()
    .parse(
      Object.fromEntries(Object.entries(patch).filter(([k]) => !DROP_KEYS.has(k))),
    ) as Partial<BriefOwnFields>;
  const dropPatch = Object.fromEntries(
    Object.entries(patch).filter(([k]) => DROP_KEYS.has(k)),
  ) as Partial<DropFields>;
  transactLocal(doc, () => {
    if (!recordAt(root.drops(doc), dropId)) throw new Error('That drop was deleted.');
    if (Object.keys(dropPatch).length) updateDropKeepingBrief(doc, dropId, dropPatch);
    const rec = ensureBriefRecord(doc, dropId);
    for (const [k, v] of Object.entries(clean)) {
      if (v === undefined) continue;
      if (v === null) {
        if (rec.has(k)) rec.delete(k);
      } else if (JSON.stringify(rec.get(k)) !== JSON.stringify(v)) {
        // Skip no-op writes so an unchanged field does not win over a peer's concurrent edit.
        rec.set(k, v);
      }
    }
  });
}

// What a brief says on behalf of its creator: a code or link typed for one creator is theirs,
// and must not stay on the brief (and credit sales to the wrong person) when the drop moves
// to another creator.
const CREATOR_OWN_FIELDS = ['discountCode', 'trackingLink'] as const;

/**
 * Updates a drop's own facts; when its creator changes, the brief's own discount code and
 * tracking link are forgotten, so the brief shows the new creator's from the directory.
 */
export function updateDropKeepingBrief(
  doc: Y.Doc,
  dropId: DropId,
  patch: Partial<DropFields>,
): void {
  transactLocal(doc, () => {
    const before = recordAt(root.drops(doc), dropId)?.get('creatorId') ?? null;
    updateDrop(doc, dropId, patch);
    const after = recordAt(root.drops(doc), dropId)?.get('creatorId') ?? null;
    if (before !== after) resetBriefFields(doc, dropId, [...CREATOR_OWN_FIELDS]);
  });
}

/** Links a drop to a creator (or none), forgetting the brief's code and link when it changes. */
export function linkCreatorKeepingBrief(
  doc: Y.Doc,
  dropId: DropId,
  creatorId: CreatorId | null,
): void {
  transactLocal(doc, () => {
    const before = recordAt(root.drops(doc), dropId)?.get('creatorId') ?? null;
    linkCreator(doc, dropId, creatorId);
    if (before !== creatorId) resetBriefFields(doc, dropId, [...CREATOR_OWN_FIELDS]);
  });
}

/** Forgets this brief's own value for `keys`, so they follow the template again. */
export function resetBriefFields(doc: Y.Doc, dropId: DropId, keys: (keyof BriefOwnFields)[]): void {
  transactLocal(doc, () => {
    const rec = recordAt(root.briefs(doc), dropId);
    for (const k of keys) if (rec?.has(k)) rec.delete(k);
  });
}

function checkRow(fields: Partial<DeliverableFields>): Partial<DeliverableFields> {
  const result = deliverableSchema().partial().safeParse(fields);
  if (result.success) return result.data;
  const errors: BriefErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? 'deliverables');
    if (!errors[key]) errors[key] = issue.message;
  }
  throw new BriefValidationError(errors);
}

/** Adds a row to the shot list (after `afterId`, or at the end); returns its id. */
export function addDeliverable(
  doc: Y.Doc,
  dropId: DropId,
  fields: Partial<DeliverableFields> = {},
  afterId?: string,
): string {
  const clean = checkRow(fields);
  return transactLocal(doc, () => {
    const rec = ensureBriefRecord(doc, dropId);
    const rows = readRows(rec, readBriefTemplate(doc), readDrop(doc, dropId)?.channels ?? []);
    const i = afterId ? rows.findIndex((r) => r.id === afterId) : rows.length - 1;
    const at = i < 0 ? rows.length - 1 : i;
    const rank = rankBetween(rows[at]?.rank ?? null, rows[at + 1]?.rank ?? null);
    const id = `row-${randomId(10)}`;
    const value: Omit<Deliverable, 'id'> = {
      shot: 'hero',
      channel: 'instagram' as Channel,
      format: 'photo',
      length: '',
      aspectRatio: '4:5',
      notes: '',
      ...clean,
      rank,
    };
    rec.set(ROW + id, value);
    return id;
  });
}

/** Edits one shot-list row (one undoable step). */
export function updateDeliverable(
  doc: Y.Doc,
  dropId: DropId,
  rowId: string,
  fields: Partial<DeliverableFields>,
): void {
  const clean = checkRow(fields);
  transactLocal(doc, () => {
    const rec = ensureBriefRecord(doc, dropId);
    const current = readRows(
      rec,
      readBriefTemplate(doc),
      readDrop(doc, dropId)?.channels ?? [],
    ).find((r) => r.id === rowId);
    if (!current) throw new Error('That shot was removed.');
    const { id: _id, ...value } = current;
    rec.set(ROW + rowId, { ...value, ...clean });
  });
}

/** Removes one shot-list row. */
export function removeDeliverable(doc: Y.Doc, dropId: DropId, rowId: string): void {
  transactLocal(doc, () => {
    // A marker, not a delete: the row may come from the template.
    ensureBriefRecord(doc, dropId).set(ROW + rowId, { removed: true });
  });
}

/** Puts the template's shot list back. */
export function resetDeliverables(doc: Y.Doc, dropId: DropId): void {
  transactLocal(doc, () => {
    const rec = recordAt(root.briefs(doc), dropId);
    if (!rec) return;
    for (const key of [...rec.keys()]) if (key.startsWith(ROW)) rec.delete(key);
  });
}

/** The currency a drop's money is in: its brief's own when it names one, else the workspace's. */
export function readDropCurrency(doc: Y.Doc, dropId: DropId): string {
  const own = briefFieldsSchema().shape.currency.safeParse(
    recordAt(root.briefs(doc), dropId)?.get('currency'),
  );
  return own.success ? own.data : readWorkspaceCurrency(doc);
}
