import type * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { printableLine } from './printable';
import { RESERVE_PCT } from '../playbook';
import { CHANNELS, type Channel } from './channels';
import { isoDateSchema } from './isoDate';
import { percentSchema } from './percent';
import { newDropId, type CreatorId, type DropId, type StageId } from './ids';
import { compareRanked, isValidRank, rankBetween } from './rank';
import { recordAt, root, toRecord, transactLocal, type YRecord } from './schema';
import { isLiveStage } from './stage';

/** A card's place: ONE last-writer-wins value, so concurrent moves never mix column and rank. */
export interface Position {
  stageId: StageId;
  rank: string;
}

/** A micro-drop: one narrative, one creator, three shots, seven days from shoot to publish. */
export interface Drop {
  id: DropId;
  title: string;
  narrative: string;
  pos: Position;
  /** Calendar days as ISO dates (yyyy-MM-dd) in the workspace's time zone. */
  shootDate: string | null;
  publishDate: string | null;
  dropDate: string | null;
  /** Optional launch time (HH:mm, 24-hour) on the drop date, in the workspace's time zone. */
  launchTime?: string | null;
  creatorId: CreatorId | null;
  channels: Channel[];
  inventory: number;
  /** % of inventory held back for local pop-ups and creator fans. */
  reservePct: number;
  /** Micro-ad budget for retargeting within 72 h of the drop. */
  adBudget: number;
  color: string;
  archived: boolean;
  createdAt: number;
}

/** Fields a person edits (everything but identity, place and creation time). */
export type DropFields = Omit<Drop, 'id' | 'pos' | 'createdAt'>;

export const DROP_COLORS = [
  '#c2410c',
  '#b45309',
  '#4d7c0f',
  '#0f766e',
  '#1d4ed8',
  '#6d28d9',
  '#be185d',
  '#475569',
] as const;

/** Validation for what a person types; messages are shown at the field. */
export const dropFieldsSchema = lazySchema(() =>
  z.object({
    // One plain line (see `printableLine`): the title is shown on cards and in lists.
    title: z
      .string()
      .overwrite((title) => printableLine(title))
      .min(1, 'Give the drop a title.')
      .max(120, 'Keep the title under 120 characters.'),
    narrative: z.string().max(4000, 'Keep the narrative to one story (under 4,000 characters).'),
    shootDate: isoDateSchema().nullable(),
    publishDate: isoDateSchema().nullable(),
    dropDate: isoDateSchema().nullable(),
    launchTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 18:00.')
      .nullable(),
    creatorId: z.string().min(1).nullable(),
    channels: z
      .array(z.enum(CHANNELS))
      .refine((a) => new Set(a).size === a.length, 'Each channel once.'),
    inventory: z
      .number({ message: 'Enter a number of units.' })
      .int('Whole units only.')
      .min(0, 'Units cannot be negative.')
      .max(1_000_000, 'That is more than a micro-drop.'),
    reservePct: percentSchema(),
    adBudget: z
      .number({ message: 'Enter an amount.' })
      .min(0, 'A budget cannot be negative.')
      .max(10_000_000, 'That budget looks mistyped.'),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Pick a colour.'),
    archived: z.boolean(),
  }),
);

// Built once: zod compiles a schema on its first parse, so a fresh .partial() per call is slow.
const dropPatchSchema = lazySchema(() => dropFieldsSchema().partial());

export type FieldErrors<T> = Partial<Record<keyof T, string>>;

/** Validates a (partial) edit; returns the clean patch or per-field messages. */
export function validateDropPatch(
  patch: Partial<DropFields>,
): { ok: true; value: Partial<DropFields> } | { ok: false; errors: FieldErrors<DropFields> } {
  const result = dropPatchSchema().safeParse(patch);
  if (result.success) {
    const value = result.data as Partial<DropFields>;
    const dateError = checkDateOrder({ ...value });
    if (dateError) return { ok: false, errors: dateError };
    return { ok: true, value };
  }
  const errors: FieldErrors<DropFields> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0] as keyof DropFields;
    if (key && !errors[key]) errors[key] = issue.message;
  }
  return { ok: false, errors };
}

function checkDateOrder(d: Partial<DropFields>): FieldErrors<DropFields> | null {
  if (d.shootDate && d.publishDate && d.publishDate < d.shootDate) {
    return { publishDate: 'Publish comes after the shoot.' };
  }
  return null;
}

export function defaultDropFields(): DropFields {
  return {
    title: 'Untitled drop',
    narrative: '',
    shootDate: null,
    publishDate: null,
    dropDate: null,
    launchTime: null,
    creatorId: null,
    channels: [],
    inventory: 0,
    reservePct: RESERVE_PCT,
    adBudget: 0,
    color: DROP_COLORS[0],
    archived: false,
  };
}

// Reading is lenient: a field a peer wrote badly falls back to its default instead of
// breaking the board. Writing is strict (validateDropPatch).
function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}
function dateOrNull(v: unknown): string | null {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}
function timeOrNull(v: unknown): string | null {
  return typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? v : null;
}
function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Reads one drop record, or null when it has no usable place on the board. */
export function readDropRecord(id: string, rec: YRecord): Drop | null {
  if (!rec || typeof rec.get !== 'function') return null;
  const pos = rec.get('pos') as Partial<Position> | undefined;
  if (!pos || typeof pos.stageId !== 'string' || typeof pos.rank !== 'string') return null;
  if (!isValidRank(pos.rank)) return null;
  const channels = rec.get('channels');
  return {
    id: id as DropId,
    // As one plain line: a teammate's or a file's title may hold line breaks or U+202E.
    title: printableLine(str(rec.get('title'), '')) || 'Untitled drop',
    narrative: str(rec.get('narrative'), ''),
    pos: { stageId: pos.stageId as StageId, rank: pos.rank },
    shootDate: dateOrNull(rec.get('shootDate')),
    publishDate: dateOrNull(rec.get('publishDate')),
    dropDate: dateOrNull(rec.get('dropDate')),
    launchTime: timeOrNull(rec.get('launchTime')),
    creatorId: (typeof rec.get('creatorId') === 'string'
      ? rec.get('creatorId')
      : null) as CreatorId | null,
    channels: Array.isArray(channels)
      ? (CHANNELS.filter((c) => (channels as unknown[]).includes(c)) as Channel[])
      : [],
    inventory: num(rec.get('inventory'), 0),
    reservePct: num(rec.get('reservePct'), RESERVE_PCT),
    adBudget: num(rec.get('adBudget'), 0),
    color: str(rec.get('color'), DROP_COLORS[0]),
    archived: rec.get('archived') === true,
    createdAt: num(rec.get('createdAt'), 0),
  };
}

export function readDrop(doc: Y.Doc, id: DropId): Drop | null {
  const rec = recordAt(root.drops(doc), id);
  return rec ? readDropRecord(id, rec) : null;
}

/** All drops (archived included), unordered. */
export function readDrops(doc: Y.Doc): Drop[] {
  const out: Drop[] = [];
  root.drops(doc).forEach((rec, id) => {
    const drop = readDropRecord(id, rec);
    if (drop) out.push(drop);
  });
  return out;
}

/**
 * The places of a column's live cards in board order, reading only `pos` and `archived`: a
 * move or an insert needs its neighbours' ranks, not every field of every drop.
 */
function columnSlots(
  doc: Y.Doc,
  stageId: StageId,
  except?: DropId,
): { id: string; rank: string }[] {
  const out: { id: string; rank: string }[] = [];
  root.drops(doc).forEach((rec, id) => {
    if (id === except || !rec || typeof rec.get !== 'function') return;
    const pos = rec.get('pos') as Partial<Position> | undefined;
    if (pos?.stageId !== stageId || typeof pos.rank !== 'string') return;
    if (rec.get('archived') === true || !isValidRank(pos.rank)) return;
    out.push({ id, rank: pos.rank });
  });
  return out.sort(compareRanked);
}

/** Live (non-archived) drops of one stage in board order. */
export function dropsInStage(doc: Y.Doc, stageId: StageId): Drop[] {
  const out: Drop[] = [];
  // Check the stage before reading the whole record: a move on a large board reads one column.
  root.drops(doc).forEach((rec, id) => {
    if (!rec || typeof rec.get !== 'function') return;
    const pos = rec.get('pos') as Partial<Position> | undefined;
    if (pos?.stageId !== stageId) return;
    const drop = readDropRecord(id, rec);
    if (drop && !drop.archived) out.push(drop);
  });
  return out.sort((a, b) =>
    compareRanked({ id: a.id, rank: a.pos.rank }, { id: b.id, rank: b.pos.rank }),
  );
}

export interface CreateDropInput extends Partial<DropFields> {
  stageId: StageId;
  /** Where in the column: 'end' (default), 'start', or after a given drop. */
  at?: 'start' | 'end' | { afterId: DropId };
}

/** Creates a drop in a stage; throws a validation error for bad fields. */
export function createDrop(doc: Y.Doc, input: CreateDropInput, now = Date.now()): DropId {
  const { stageId, at = 'end', ...fields } = input;
  const checked = validateDropPatch(fields);
  if (!checked.ok) throw new DropValidationError(checked.errors);
  return transactLocal(doc, () => {
    if (!isLiveStage(doc, stageId)) throw new Error('That stage no longer exists.');
    const rank = rankForSlot(columnSlots(doc, stageId), at);
    const id = newDropId();
    const pick = DROP_COLORS[Math.floor(Math.random() * DROP_COLORS.length)] ?? DROP_COLORS[0];
    root.drops(doc).set(
      id,
      toRecord({
        ...defaultDropFields(),
        color: pick,
        ...checked.value,
        pos: { stageId, rank },
        createdAt: now,
      }),
    );
    // The brief's record is born with its drop, so two people opening the brief offline
    // never race to create it (concurrent Y.Map creations keep only one side's edits).
    root.briefs(doc).set(id, toRecord({}));
    return id;
  });
}

function rankForSlot(column: { id: string; rank: string }[], at: CreateDropInput['at']): string {
  if (at === 'start') return rankBetween(null, column[0]?.rank ?? null);
  if (at === 'end' || at === undefined) return rankBetween(column.at(-1)?.rank ?? null, null);
  const i = column.findIndex((d) => d.id === at.afterId);
  if (i < 0) return rankBetween(column.at(-1)?.rank ?? null, null);
  return rankBetween(column[i]!.rank, column[i + 1]?.rank ?? null);
}

export class DropValidationError extends Error {
  constructor(readonly errors: FieldErrors<DropFields>) {
    super(Object.values(errors).join(' '));
    this.name = 'DropValidationError';
  }
}

/** Applies a validated edit to a drop's fields (one undoable step). */
export function updateDrop(doc: Y.Doc, id: DropId, patch: Partial<DropFields>): void {
  const checked = validateDropPatch(patch);
  if (!checked.ok) throw new DropValidationError(checked.errors);
  transactLocal(doc, () => {
    const rec = recordAt(root.drops(doc), id);
    if (!rec) throw new Error('That drop was deleted.');
    const orderError = checkStoredDateOrder(rec, checked.value);
    if (orderError) throw new DropValidationError(orderError);
    for (const [k, v] of Object.entries(checked.value)) {
      if (v === undefined) continue;
      const current = rec.get(k);
      // Skip no-op writes so an unchanged field does not win over a peer's concurrent edit.
      if (JSON.stringify(current) !== JSON.stringify(v)) rec.set(k, v);
    }
  });
}

/**
 * Moves a drop to `toIndex` in `stageId`'s column (index among the column's other live cards).
 * Writes `pos` in a single set: concurrent moves resolve to one of them, never a mix.
 */
export function moveDrop(doc: Y.Doc, id: DropId, stageId: StageId, toIndex: number): void {
  transactLocal(doc, () => {
    const rec = recordAt(root.drops(doc), id);
    if (!rec) throw new Error('That drop was deleted.');
    if (!isLiveStage(doc, stageId)) throw new Error('That stage no longer exists.');
    const column = columnSlots(doc, stageId, id);
    const i = Math.max(0, Math.min(toIndex, column.length));
    const rank = rankBetween(column[i - 1]?.rank ?? null, column[i]?.rank ?? null);
    rec.set('pos', { stageId, rank });
  });
}

// A patch with one date is checked against the other date already stored on the drop.
function checkStoredDateOrder(
  rec: YRecord,
  patch: Partial<DropFields>,
): FieldErrors<DropFields> | null {
  const stored = (key: 'shootDate' | 'publishDate') =>
    key in patch ? (patch[key] ?? null) : dateOrNull(rec.get(key));
  const shootDate = stored('shootDate');
  const publishDate = stored('publishDate');
  if (!shootDate || !publishDate || publishDate >= shootDate) return null;
  return 'publishDate' in patch
    ? { publishDate: 'Publish comes after the shoot.' }
    : { shootDate: 'The shoot comes before publishing.' };
}

export function setDropArchived(doc: Y.Doc, id: DropId, archived: boolean): void {
  updateDrop(doc, id, { archived });
}

/** Deletes a drop and its brief. */
export function deleteDrop(doc: Y.Doc, id: DropId): void {
  transactLocal(doc, () => {
    root.drops(doc).delete(id);
    root.briefs(doc).delete(id);
  });
}
