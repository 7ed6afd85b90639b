import type * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { printableLine } from './printable';
import { sameCreatorName } from './creatorNames';
import { percentSchema } from './percent';
import type { FieldErrors } from './drop';
import { newCreatorId, type CreatorId, type DropId } from './ids';
import { recordAt, root, toRecord, transactLocal, type YRecord } from './schema';

/** Social platforms a creator publishes on (the playbook's channels plus YouTube). */
export const CREATOR_PLATFORMS = ['tiktok', 'instagram', 'pinterest', 'youtube', 'other'] as const;
export type CreatorPlatform = (typeof CREATOR_PLATFORMS)[number];

export const CREATOR_PLATFORM_LABELS: Record<CreatorPlatform, string> = {
  tiktok: 'TikTok',
  instagram: 'Instagram',
  pinterest: 'Pinterest',
  youtube: 'YouTube',
  other: 'Other',
};

export const HANDLE_PLATFORMS = ['tiktok', 'instagram', 'pinterest', 'youtube'] as const;
export type HandlePlatform = (typeof HANDLE_PLATFORMS)[number];
export type CreatorHandles = Record<HandlePlatform, string>;

/** A partner in the creator directory: who they are, where they post, how sales are attributed. */
export interface Creator {
  id: CreatorId;
  name: string;
  /** Handles without the leading @. */
  handles: CreatorHandles;
  platform: CreatorPlatform;
  email: string;
  region: string;
  revenueSharePct: number;
  discountCode: string;
  trackingLink: string;
  notes: string;
  createdAt: number;
}

export type CreatorFields = Omit<Creator, 'id' | 'createdAt'>;

/** Flat field names used for messages: handles are reported as `handles.tiktok` etc. */
export type CreatorFieldName = keyof CreatorFields | `handles.${HandlePlatform}`;

/**
 * What each platform lets a handle be (its own sign-up rules): the length in characters and the
 * characters allowed. YouTube takes letters and digits of any script, and a middle dot.
 */
export const HANDLE_RULES: Record<
  HandlePlatform,
  { min: number; max: number; allowed: RegExp; saysAllowed: string }
> = {
  tiktok: {
    min: 2,
    max: 24,
    allowed: /^[A-Za-z0-9_.]*$/,
    saysAllowed: 'letters, numbers, underscores and periods',
  },
  instagram: {
    min: 1,
    max: 30,
    allowed: /^[A-Za-z0-9_.]*$/,
    saysAllowed: 'letters, numbers, underscores and periods',
  },
  pinterest: {
    min: 3,
    max: 30,
    allowed: /^[A-Za-z0-9_.]*$/,
    saysAllowed: 'letters, numbers, underscores and periods',
  },
  youtube: {
    min: 3,
    max: 30,
    allowed: /^[\p{L}\p{M}\p{N}_.\-\u00B7]*$/u,
    saysAllowed: 'letters, numbers, underscores, hyphens, periods and middle dots (·)',
  },
};

export interface HandleProblem {
  kind: 'long' | 'short' | 'characters';
  /** Said at the field and on the directory's flag. */
  message: string;
}

/**
 * What the platform could not have in this handle (without its leading @), or null when it
 * could: too long (with its length), other characters, too short. An empty handle is none.
 */
export function handleProblem(platform: HandlePlatform, handle: string): HandleProblem | null {
  if (handle === '') return null;
  const rule = HANDLE_RULES[platform];
  const label = CREATOR_PLATFORM_LABELS[platform];
  const length = [...handle].length;
  if (length > rule.max) {
    return {
      kind: 'long',
      message: `${label} handles have at most ${rule.max} characters; this one has ${length}.`,
    };
  }
  if (!rule.allowed.test(handle)) {
    return { kind: 'characters', message: `${label} handles have only ${rule.saysAllowed}.` };
  }
  if (length < rule.min) {
    return { kind: 'short', message: `${label} handles have at least ${rule.min} characters.` };
  }
  return null;
}

/** The handles a creator has that their platform could not have (saved before the rules). */
export function handleProblems(
  handles: CreatorHandles,
): Partial<Record<HandlePlatform, HandleProblem>> {
  const out: Partial<Record<HandlePlatform, HandleProblem>> = {};
  for (const p of HANDLE_PLATFORMS) {
    const problem = handleProblem(p, handles[p]);
    if (problem) out[p] = problem;
  }
  return out;
}

/** A handle as typed: spaces around it and a leading @ are not part of it. */
const bareHandle = (s: string) => s.trim().replace(/^@/, '');

/** A handle for `platform`, checked by its rules (built when the form's schema is). */
const handleFor = (platform: HandlePlatform) =>
  z
    .string()
    .transform(bareHandle)
    .superRefine((h, ctx) => {
      const problem = handleProblem(platform, h);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
    });

const optionalUrl = lazySchema(() =>
  z
    .string()
    .trim()
    .refine((s) => s === '' || isHttpsUrl(s), 'Use a full link starting with https://'),
);

/** A discount code as the shop takes it; empty for none (the creator's and the brief's). */
export const discountCodeSchema = lazySchema(() =>
  z
    .string()
    .trim()
    .superRefine((s, ctx) => {
      const problem = discountCodeProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
);

/**
 * Why a shopper could not type this code at checkout, naming what is wrong: "Ł" is a letter,
 * and "only letters" did not say it is not one of A–Z. Null for a good code or none.
 */
export function discountCodeProblem(code: string): string | null {
  if (code === '') return null;
  const other = [...code].find((c) => !/^[A-Za-z0-9_-]$/.test(c));
  if (other) {
    const named = /^\s$/.test(other) ? 'a space' : `“${other}”`;
    return `A code has only letters A–Z, numbers, dashes and underscores: not ${named}.`;
  }
  const length = [...code].length;
  if (length < 3 || length > 32) {
    return `A code has 3 to 32 characters; this one has ${length}.`;
  }
  return null;
}

/** Validation for what a person types in the directory; messages are shown at the field. */
export const creatorFieldsSchema = lazySchema(() =>
  z.object({
    name: z
      .string()
      .overwrite((name) => printableLine(name))
      .min(1, 'Give the creator a name.')
      .max(80, 'Keep the name under 80 characters.'),
    handles: z.object({
      tiktok: handleFor('tiktok'),
      instagram: handleFor('instagram'),
      pinterest: handleFor('pinterest'),
      youtube: handleFor('youtube'),
    }),
    platform: z.enum(CREATOR_PLATFORMS, { message: 'Pick a platform.' }),
    email: z
      .string()
      .trim()
      .refine(
        (s) => s === '' || z.email().safeParse(s).success,
        'Enter an email like name@studio.com.',
      ),
    region: z.string().trim().max(80, 'Keep the region under 80 characters.'),
    revenueSharePct: percentSchema(),
    discountCode: discountCodeSchema(),
    trackingLink: optionalUrl(),
    notes: z.string().max(4000, 'Keep notes under 4,000 characters.'),
  }),
);

/** True for a full https:// link to a named host (a tracking link a creator shares). */
export function isHttpsUrl(s: string): boolean {
  // A space inside a link is a typing slip: the browser would send %20 and match nothing.
  if (/\s/.test(s.trim())) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && u.hostname.includes('.');
  } catch {
    return false;
  }
}

export function defaultCreatorFields(): CreatorFields {
  return {
    name: '',
    handles: { tiktok: '', instagram: '', pinterest: '', youtube: '' },
    platform: 'instagram',
    email: '',
    region: '',
    revenueSharePct: 10,
    discountCode: '',
    trackingLink: '',
    notes: '',
  };
}

export type CreatorPatch = Partial<Omit<CreatorFields, 'handles'>> & {
  handles?: Partial<CreatorHandles>;
};

export type CreatorValidation =
  | { ok: true; value: CreatorPatch }
  | { ok: false; errors: FieldErrors<Record<CreatorFieldName, unknown>> };

/**
 * Validates a (partial) edit. With `doc`, also checks that the discount code is not used by
 * another creator of the workspace (case-insensitive: codes are typed by shoppers).
 */
export function validateCreatorPatch(
  patch: CreatorPatch,
  doc?: Y.Doc,
  selfId?: CreatorId,
): CreatorValidation {
  const schema = creatorFieldsSchema().extend({
    handles: creatorFieldsSchema().shape.handles.partial(),
  });
  const result = schema.partial().safeParse(withoutUnchangedHandles(patch, doc, selfId));
  const errors: FieldErrors<Record<CreatorFieldName, unknown>> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [first, second] = issue.path;
      const key = (
        first === 'handles' && typeof second === 'string' ? `handles.${second}` : first
      ) as CreatorFieldName;
      if (key && !errors[key]) errors[key] = issue.message;
    }
  }
  // A code another creator uses is said with the other problems, not after they are fixed.
  const code = typeof patch.discountCode === 'string' ? patch.discountCode.trim() : '';
  if (doc && code && !errors.discountCode) {
    const clash = creatorWithDiscountCode(doc, code);
    if (clash && clash.id !== selfId) {
      errors.discountCode = `${clash.name} already uses the code ${clash.discountCode}.`;
    }
  }
  if (doc && !errors.name) {
    const twin = namesakeOf(doc, patch.name, selfId);
    if (twin) {
      errors.name = `${twin.name} is already in the directory: edit that creator, or add to the name what tells the two apart.`;
    }
  }
  if (!result.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: result.data as CreatorPatch };
}

/**
 * Another creator with the name being given (case, accents and spaces aside), so one partner
 * is not added twice and then linked by chance to one of two identical lines. A creator's
 * own name left as it is never counts: twins two people added offline can still be edited.
 */
function namesakeOf(doc: Y.Doc, name: unknown, selfId?: CreatorId): Creator | null {
  if (typeof name !== 'string') return null;
  const self = selfId ? readCreator(doc, selfId) : null;
  if (self && sameCreatorName(self.name, printableLine(name))) return null;
  return (
    readCreators(doc).find(
      (c) => c.id !== selfId && sameCreatorName(c.name, printableLine(name)),
    ) ?? null
  );
}

/**
 * The edit without the handles it leaves as they are saved: a handle saved before its
 * platform's rules were checked (too long, say) is kept, flagged, until someone changes it,
 * and does not stop the creator's other fields from being saved.
 */
function withoutUnchangedHandles(patch: CreatorPatch, doc?: Y.Doc, selfId?: CreatorId) {
  const saved = doc && selfId ? readCreator(doc, selfId) : null;
  if (!saved || !patch.handles) return patch;
  const handles = Object.fromEntries(
    Object.entries(patch.handles).filter(
      ([p, h]) => typeof h !== 'string' || bareHandle(h) !== saved.handles[p as HandlePlatform],
    ),
  );
  return { ...patch, handles };
}

export class CreatorValidationError extends Error {
  constructor(readonly errors: FieldErrors<Record<CreatorFieldName, unknown>>) {
    super(Object.values(errors).join(' '));
    this.name = 'CreatorValidationError';
  }
}

// Handles are stored as one key each (`handle:tiktok`, …) so two people editing different
// handles at once both keep their edit.
const handleKey = (p: HandlePlatform) => `handle:${p}`;

function patchToEntries(patch: CreatorPatch): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (k === 'handles') {
      for (const [p, h] of Object.entries(v as Partial<CreatorHandles>)) {
        if (h !== undefined) out.push([handleKey(p as HandlePlatform), h]);
      }
    } else out.push([k, v]);
  }
  return out;
}

/** Adds a creator to the directory; throws CreatorValidationError with field messages. */
export function createCreator(doc: Y.Doc, input: CreatorPatch, now = Date.now()): CreatorId {
  const full = { ...defaultCreatorFields(), ...input };
  full.handles = { ...defaultCreatorFields().handles, ...input.handles };
  const checked = validateCreatorPatch(full, doc);
  if (!checked.ok) throw new CreatorValidationError(checked.errors);
  return transactLocal(doc, () => {
    const id = newCreatorId();
    const fields = Object.fromEntries(patchToEntries(checked.value));
    root.creators(doc).set(id, toRecord({ ...fields, createdAt: now }));
    return id;
  });
}

/** Applies a validated edit to a creator (one undoable step). */
export function updateCreator(doc: Y.Doc, id: CreatorId, patch: CreatorPatch): void {
  const checked = validateCreatorPatch(patch, doc, id);
  if (!checked.ok) throw new CreatorValidationError(checked.errors);
  transactLocal(doc, () => {
    const rec = recordAt(root.creators(doc), id);
    if (!rec) throw new Error('That creator was deleted.');
    for (const [k, v] of patchToEntries(checked.value)) {
      // Skip no-op writes so an unchanged field does not win over a peer's concurrent edit.
      if (rec.get(k) !== v) rec.set(k, v);
    }
  });
}

/** Removes a creator and unlinks every drop that pointed to them, in one undoable step. */
export function deleteCreator(doc: Y.Doc, id: CreatorId): void {
  transactLocal(doc, () => {
    root.creators(doc).delete(id);
    root.drops(doc).forEach((rec) => {
      if (rec && typeof rec.get === 'function' && rec.get('creatorId') === id) {
        rec.set('creatorId', null);
      }
    });
  });
}

/** Links a drop to one creator from the directory (or unlinks it with null). */
export function linkCreator(doc: Y.Doc, dropId: DropId, creatorId: CreatorId | null): void {
  transactLocal(doc, () => {
    const drop = recordAt(root.drops(doc), dropId);
    if (!drop) throw new Error('That drop was deleted.');
    if (creatorId !== null && !recordAt(root.creators(doc), creatorId)) {
      throw new Error('That creator is no longer in the directory.');
    }
    if (drop.get('creatorId') !== creatorId) drop.set('creatorId', creatorId);
  });
}

// Reading is lenient: a field a peer wrote badly falls back to its default.
function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

/** Reads one creator record; never throws. */
export function readCreatorRecord(id: string, rec: YRecord): Creator | null {
  if (!rec || typeof rec.get !== 'function') return null;
  const platform = rec.get('platform');
  const pct = rec.get('revenueSharePct');
  const createdAt = rec.get('createdAt');
  return {
    id: id as CreatorId,
    // As one plain line: a teammate's or a file's name may hold line breaks or U+202E.
    name: printableLine(str(rec.get('name'))) || 'Unnamed creator',
    handles: {
      tiktok: str(rec.get(handleKey('tiktok'))),
      instagram: str(rec.get(handleKey('instagram'))),
      pinterest: str(rec.get(handleKey('pinterest'))),
      youtube: str(rec.get(handleKey('youtube'))),
    },
    platform: (CREATOR_PLATFORMS as readonly unknown[]).includes(platform)
      ? (platform as CreatorPlatform)
      : 'other',
    email: str(rec.get('email')),
    region: str(rec.get('region')),
    revenueSharePct:
      typeof pct === 'number' && Number.isFinite(pct) ? Math.min(100, Math.max(0, pct)) : 0,
    discountCode: str(rec.get('discountCode')),
    trackingLink: str(rec.get('trackingLink')),
    notes: str(rec.get('notes')),
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

export function readCreator(doc: Y.Doc, id: CreatorId | string | null): Creator | null {
  if (!id) return null;
  const rec = recordAt(root.creators(doc), id);
  return rec ? readCreatorRecord(id, rec) : null;
}

/** The directory sorted by name (then id, so every peer lists it the same way). */
export function readCreators(doc: Y.Doc): Creator[] {
  const out: Creator[] = [];
  root.creators(doc).forEach((rec, id) => {
    const c = readCreatorRecord(id, rec);
    if (c) out.push(c);
  });
  return out.sort(
    (a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The creator using `code` (case-insensitive), if any. */
export function creatorWithDiscountCode(doc: Y.Doc, code: string): Creator | null {
  const wanted = code.trim().toLowerCase();
  if (!wanted) return null;
  return readCreators(doc).find((c) => c.discountCode.toLowerCase() === wanted) ?? null;
}

/**
 * Codes used by more than one creator. Validation prevents this locally, but two people
 * offline can each give the same code to a different creator; the directory flags it.
 */
export function duplicateDiscountCodes(creators: readonly Creator[]): Set<string> {
  const seen = new Map<string, number>();
  for (const c of creators) {
    const k = c.discountCode.toLowerCase();
    if (k) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k));
}

/** The drop's creator, or null when unlinked or deleted concurrently by a peer. */
export function creatorOfDrop(doc: Y.Doc, drop: { creatorId: CreatorId | null }): Creator | null {
  return readCreator(doc, drop.creatorId);
}

/** Shown handle for print and lists: `@name`, or '' when absent. */
export function formatHandle(h: string): string {
  return h ? `@${h}` : '';
}
