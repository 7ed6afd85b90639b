import type * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { SHOTS, type Shot } from '../brief/fields';
import { CHANNELS, type Channel } from '../model/channels';
import type { DropId } from '../model/ids';
import { randomId } from '../model/ids';
import { transactLocal } from '../model/schema';
import { FACT_SEP, readFactsByDrop } from './dropFacts';
import { recorder, recorderFields, type Recorder } from './recorder';
import { resultsRoot } from './roots';

/** Who recorded a fact and when they recorded it. */
export interface Recorded extends Recorder {
  /** When it was recorded (ms since the epoch). */
  recordedAt: number;
}

/** A moment that happened (the shoot, a delivery, publishing). */
export interface Moment extends Recorded {
  /** When it happened (ms since the epoch). */
  at: number;
}

export interface Amount extends Recorded {
  value: number;
}

export interface Publication extends Moment {
  channels: Channel[];
}

/** One retargeting payment. */
export interface Spend extends Moment {
  id: string;
  amount: number;
}

/** What actually happened for one drop, each fact with who recorded it. */
export interface DropActuals {
  shoot: Moment | null;
  shots: Record<Shot, Moment | null>;
  published: Publication | null;
  stockAllocated: Amount | null;
  retargeting: Spend[];
  /** Other ad spend on the drop besides retargeting. */
  adSpend: Amount | null;
  shootCost: Amount | null;
  /** Repurchase interest typed by hand (replaces the events count when set). */
  repurchaseManual: Amount | null;
  /** The drop's product SKUs (case-insensitive), for sell-through and cross-drop rules. */
  skus: string[];
  /** Who recorded the SKUs and when (null when none are, or when it is not known). */
  skusRecorded: Recorded | null;
  /** The POS location (pop-up) the drop names; its sales count as local. */
  posLocation: string;
  /** Who recorded the POS location and when (null when none is, or when it is not known). */
  posLocationRecorded: Recorded | null;
}

export const EMPTY_ACTUALS: DropActuals = {
  shoot: null,
  shots: { hero: null, lifestyle: null, detail: null },
  published: null,
  stockAllocated: null,
  retargeting: [],
  adSpend: null,
  shootCost: null,
  repurchaseManual: null,
  skus: [],
  skusRecorded: null,
  posLocation: '',
  posLocationRecorded: null,
};

const instant = lazySchema(() =>
  z
    .number({ message: 'Enter a date and time.' })
    .int('Enter a date and time.')
    .min(Date.UTC(2000, 0, 1), 'Enter a date from the year 2000 on.')
    .max(Date.UTC(2100, 0, 1), 'Enter a date before the year 2100.'),
);
const recorded = () => ({ ...recorderFields(), recordedAt: z.number() });
const momentSchema = lazySchema(() => z.object({ at: instant(), ...recorded() }));
const publicationSchema = lazySchema(() =>
  momentSchema().extend({ channels: z.array(z.enum(CHANNELS)) }),
);
const money = lazySchema(() =>
  z
    .number({ message: 'Enter an amount.' })
    .min(0, 'An amount cannot be negative.')
    .max(100_000_000, 'That amount looks mistyped.'),
);
const amountSchema = lazySchema(() => z.object({ value: money(), ...recorded() }));
const spendSchema = lazySchema(() => momentSchema().extend({ amount: money() }));
const units = lazySchema(() =>
  z
    .number({ message: 'Enter a number of units.' })
    .int('Whole units only.')
    .min(0, 'Units cannot be negative.')
    .max(1_000_000, 'That is more than a micro-drop.'),
);
const skuList = lazySchema(() =>
  z
    .array(z.string().trim().min(1).max(64, 'Keep a SKU under 64 characters.'))
    .max(200, 'At most 200 SKUs per drop.'),
);
const locationSchema = lazySchema(() =>
  z.string().trim().max(120, 'Keep the location under 120 characters.'),
);
// Who recorded a text fact, with the value they recorded (see the storage note below).
const textStampSchema = lazySchema(() =>
  z.object({ value: z.union([z.string(), z.array(z.string())]), ...recorded() }),
);

// Storage: flat keys `<dropId>|<fact>` in the `dropActuals` map, each a plain value: `shoot`,
// `shot:<hero|lifestyle|detail>`, `published`, `stock`, `adSpend`, `shootCost`, `repurchase`,
// `skus`, `posLocation`, and `spend:<id>` per retargeting payment. No nested record per drop:
// two people recording the first facts of a drop offline would each create that record, and
// the document keeps only one of them.
// `skus` and `posLocation` stay a bare list and text, as earlier versions read them (a record
// in their place would read there as no SKUs, and so count every product). Who recorded one
// is kept beside it, under `recorded:skus` or `recorded:posLocation`, with the value recorded:
// when an earlier version changes the fact alone, the values differ and no one is named.
const SPEND = 'spend:';
const STAMP = 'recorded:';
const SEP = FACT_SEP;

/** The fact a stored key is about: `skus` for `recorded:skus` (History lists them as one). */
export function factOfKey(key: string): string {
  return key.startsWith(STAMP) ? key.slice(STAMP.length) : key;
}

function parse<T>(schema: z.ZodType<T>, v: unknown): T | null {
  const r = schema.safeParse(v);
  return r.success ? r.data : null;
}

/** Reads one drop's actuals from its facts; anything malformed reads as not yet recorded. */
export function actualsFromFacts(facts: ReadonlyMap<string, unknown>): DropActuals {
  if (!facts.size) return EMPTY_ACTUALS;
  const shots = {} as Record<Shot, Moment | null>;
  for (const s of SHOTS) shots[s] = parse(momentSchema(), facts.get(`shot:${s}`));
  const retargeting: Spend[] = [];
  facts.forEach((v, k) => {
    if (!k.startsWith(SPEND)) return;
    const s = parse(spendSchema(), v);
    if (s) retargeting.push({ ...s, id: k.slice(SPEND.length) });
  });
  retargeting.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const skus = parse(skuList(), facts.get('skus')) ?? [];
  const posLocation = parse(locationSchema(), facts.get('posLocation')) ?? '';
  return {
    shoot: parse(momentSchema(), facts.get('shoot')),
    shots,
    published: parse(publicationSchema(), facts.get('published')),
    stockAllocated: parse(amountSchema(), facts.get('stock')),
    retargeting,
    adSpend: parse(amountSchema(), facts.get('adSpend')),
    shootCost: parse(amountSchema(), facts.get('shootCost')),
    repurchaseManual: parse(amountSchema(), facts.get('repurchase')),
    skus,
    skusRecorded: skus.length ? stampOf(facts, 'skus', skus) : null,
    posLocation,
    posLocationRecorded: posLocation ? stampOf(facts, 'posLocation', posLocation) : null,
  };
}

// Who recorded a text fact, when the value they recorded is the one stored.
function stampOf(
  facts: ReadonlyMap<string, unknown>,
  fact: 'skus' | 'posLocation',
  value: string | string[],
): Recorded | null {
  const stamp = parse(textStampSchema(), facts.get(`${STAMP}${fact}`));
  if (!stamp || JSON.stringify(stamp.value) !== JSON.stringify(value)) return null;
  const { value: _value, ...who } = stamp;
  void _value;
  return who;
}

/** A drop's actuals (empty when nothing is recorded yet). */
export function readActuals(doc: Y.Doc, dropId: DropId): DropActuals {
  return readAllActuals(doc).get(dropId) ?? EMPTY_ACTUALS;
}

/** Every drop's actuals by drop id. */
export function readAllActuals(doc: Y.Doc): Map<string, DropActuals> {
  const out = new Map<string, DropActuals>();
  readFactsByDrop(doc).forEach((m, id) => out.set(id, actualsFromFacts(m)));
  return out;
}

export class ActualsValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActualsValidationError';
  }
}

function checked<T>(schema: z.ZodType<T>, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success) throw new ActualsValidationError(r.error.issues[0]?.message ?? 'Invalid value.');
  return r.data;
}

function setKey(doc: Y.Doc, dropId: DropId, key: string, value: unknown): void {
  transactLocal(doc, () => {
    const map = resultsRoot.dropActuals(doc);
    const k = `${dropId}${SEP}${key}`;
    if (value === null) map.delete(k);
    else if (JSON.stringify(map.get(k)) !== JSON.stringify(value)) map.set(k, value);
  });
}

/** Who records a fact: a name alone, or with this computer's id for the person (`Recorder`). */
export type RecordedBy = string | Recorder;

const stamp = (by: RecordedBy, now: number): Recorded => ({ ...recorder(by), recordedAt: now });

// Deliveries and publishing follow the shoot: hours from the shoot to them are the turnaround,
// and one recorded before it would count as a negative, "fast" turnaround.
const AFTER_SHOOT = 'must come after the shoot';

/** Records when the shoot happened (null clears it). */
export function recordShoot(
  doc: Y.Doc,
  dropId: DropId,
  at: number | null,
  by: RecordedBy,
  now = Date.now(),
): void {
  if (at !== null) {
    const a = readActuals(doc, dropId);
    const later = [...SHOTS.map((s) => a.shots[s]), a.published].some((m) => m && m.at < at);
    if (later)
      throw new ActualsValidationError(
        'The shoot must come before the deliveries and publishing recorded for this drop.',
      );
  }
  setKey(
    doc,
    dropId,
    'shoot',
    at === null ? null : { at: checked(instant(), at), ...stamp(by, now) },
  );
}

/** Records when one of the three shots was delivered (null clears it). */
export function recordShotDelivered(
  doc: Y.Doc,
  dropId: DropId,
  shot: Shot,
  at: number | null,
  by: RecordedBy,
  now = Date.now(),
): void {
  if (!SHOTS.includes(shot)) throw new ActualsValidationError('Unknown shot.');
  const shoot = readActuals(doc, dropId).shoot;
  if (at !== null && shoot && at < shoot.at)
    throw new ActualsValidationError(`A shot's delivery ${AFTER_SHOOT}.`);
  const value = at === null ? null : { at: checked(instant(), at), ...stamp(by, now) };
  setKey(doc, dropId, `shot:${shot}`, value);
}

/** Records when the drop was published and on which channels (null clears it). */
export function recordPublished(
  doc: Y.Doc,
  dropId: DropId,
  at: number | null,
  channels: Channel[],
  by: RecordedBy,
  now = Date.now(),
): void {
  const shoot = readActuals(doc, dropId).shoot;
  if (at !== null && shoot && at < shoot.at)
    throw new ActualsValidationError(`Publishing ${AFTER_SHOOT}.`);
  const value =
    at === null
      ? null
      : {
          at: checked(instant(), at),
          channels: CHANNELS.filter((c) => channels.includes(c)),
          ...stamp(by, now),
        };
  setKey(doc, dropId, 'published', value);
}

type AmountKey = 'stock' | 'adSpend' | 'shootCost' | 'repurchase';

/** Records one of the drop's amounts: stock allocated, ad spend, shoot cost, or repurchase interest typed by hand. */
export function recordAmount(
  doc: Y.Doc,
  dropId: DropId,
  key: AmountKey,
  value: number | null,
  by: RecordedBy,
  now = Date.now(),
): void {
  const schema = key === 'stock' || key === 'repurchase' ? units() : money();
  setKey(
    doc,
    dropId,
    key,
    value === null ? null : { value: checked(schema, value), ...stamp(by, now) },
  );
}

/** Adds a retargeting payment made at `at`; returns its id. */
export function addRetargetingSpend(
  doc: Y.Doc,
  dropId: DropId,
  amount: number,
  at: number,
  by: RecordedBy,
  now = Date.now(),
): string {
  const value = { amount: checked(money(), amount), at: checked(instant(), at), ...stamp(by, now) };
  const id = randomId(10);
  setKey(doc, dropId, `${SPEND}${id}`, value);
  return id;
}

/** Removes a retargeting payment. */
export function removeRetargetingSpend(doc: Y.Doc, dropId: DropId, spendId: string): void {
  setKey(doc, dropId, `${SPEND}${spendId}`, null);
}

/**
 * Sets the drop's product SKUs (the caller splits the text at commas: a SKU may hold spaces),
 * with who recorded them; none clears them.
 */
export function setDropSkus(
  doc: Y.Doc,
  dropId: DropId,
  skus: string[],
  by: RecordedBy,
  now = Date.now(),
): void {
  const clean = [...new Set(skus.map((s) => s.trim()).filter(Boolean))];
  setTextFact(doc, dropId, 'skus', clean.length ? checked(skuList(), clean) : null, by, now);
}

/**
 * Sets the POS location (the pop-up) whose sales count as local for this drop, with who
 * recorded it; an empty one clears it.
 */
export function setDropPosLocation(
  doc: Y.Doc,
  dropId: DropId,
  location: string,
  by: RecordedBy,
  now = Date.now(),
): void {
  const clean = checked(locationSchema(), location);
  setTextFact(doc, dropId, 'posLocation', clean === '' ? null : clean, by, now);
}

// A text fact and who recorded it, in one transaction (one undo step, one update to teammates).
function setTextFact(
  doc: Y.Doc,
  dropId: DropId,
  fact: 'skus' | 'posLocation',
  value: string | string[] | null,
  by: RecordedBy,
  now: number,
): void {
  transactLocal(doc, () => {
    setKey(doc, dropId, fact, value);
    setKey(doc, dropId, `${STAMP}${fact}`, value === null ? null : { value, ...stamp(by, now) });
  });
}
