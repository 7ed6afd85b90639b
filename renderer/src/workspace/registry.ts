import { z } from 'zod';
import { lazySchema } from '../../../shared/model/lazySchema';
import {
  newWorkspaceId,
  printableLine,
  WORKSPACE_NAME_MAX,
  workspaceNameSchema,
  type WorkspaceId,
} from '../../../shared/model';
import { APP_KEYS, appStorage, type KeyValueStorage } from './localKeys';

/** What the app remembers about a workspace without opening its document. */
export interface WorkspaceRecord {
  id: WorkspaceId;
  name: string;
  createdAt: number;
  lastOpenedAt: number;
  /** Set when this copy came from a teammate's invite: who sent it (if named) and when. */
  joined?: { from?: string; at: number };
  /** Set on the bundled sample workspace this computer made at first launch. */
  sample?: true;
}

const REGISTRY_KEY = APP_KEYS.registry;
const SAMPLE_KEY = APP_KEYS.sampleCreated;

const recordSchema = lazySchema(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9_]{1,64}$/),
    name: z.string(),
    createdAt: z.number(),
    lastOpenedAt: z.number(),
    joined: z.object({ from: z.string().max(60).optional(), at: z.number() }).optional(),
    sample: z.literal(true).optional(),
  }),
);

const defaultStorage = appStorage;

/** Every known workspace, most recently opened first. A corrupt entry is skipped, not fatal. */
export function listWorkspaces(storage: KeyValueStorage = defaultStorage()): WorkspaceRecord[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(REGISTRY_KEY) ?? '[]');
  } catch {
    raw = [];
  }
  if (!Array.isArray(raw)) return [];
  const out: WorkspaceRecord[] = [];
  for (const item of raw) {
    const parsed = recordSchema().safeParse(item);
    if (parsed.success) out.push(cleanRecord(parsed.data));
  }
  return out.sort((a, b) => b.lastOpenedAt - a.lastOpenedAt);
}

/**
 * A record as listed: a name an older Cadence stored as it came (from a file, a teammate's
 * copy) is shown as one plain line, and a blank one is named.
 */
function cleanRecord(record: z.infer<ReturnType<typeof recordSchema>>): WorkspaceRecord {
  const { joined, ...rest } = record;
  const from = joined?.from === undefined ? '' : printableLine(joined.from, 60);
  return {
    ...rest,
    id: record.id as WorkspaceId,
    name: listedWorkspaceName(record.name),
    ...(joined ? { joined: { ...(from ? { from } : {}), at: joined.at } } : {}),
  };
}

/** A stored workspace name as the switcher lists it (see `printableLine`). */
export function listedWorkspaceName(name: string): string {
  return printableLine(name, WORKSPACE_NAME_MAX) || 'Untitled workspace';
}

function save(records: WorkspaceRecord[], storage: KeyValueStorage): void {
  storage.setItem(REGISTRY_KEY, JSON.stringify(records));
}

export function getWorkspaceRecord(
  id: string,
  storage: KeyValueStorage = defaultStorage(),
): WorkspaceRecord | undefined {
  return listWorkspaces(storage).find((w) => w.id === id);
}

/** True when `name` is one of `names`, ignoring letter case and spaces around it. */
export function isNameTaken(name: string, names: readonly string[]): boolean {
  const key = name.trim().toLocaleLowerCase();
  return names.some((n) => n.trim().toLocaleLowerCase() === key);
}

/**
 * `name`, or the first of "name 2", "name 3"… no workspace here has: a copy (restored, imported
 * from a file) beside its original would otherwise be told apart by nothing in the switcher.
 */
export function freeWorkspaceName(
  name: string,
  storage: KeyValueStorage = defaultStorage(),
): string {
  const names = listWorkspaces(storage).map((w) => w.name);
  if (!isNameTaken(name, names)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    // Within the name's length limit, the suffix kept whole.
    const candidate = `${name.slice(0, WORKSPACE_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!isNameTaken(candidate, names)) return candidate;
  }
}

/** Registers a new, empty workspace; its document is created when it is first opened. */
export function createWorkspaceRecord(
  name: string,
  storage: KeyValueStorage = defaultStorage(),
  now = Date.now(),
  // A joined workspace keeps the id its invite carries.
  id: WorkspaceId = newWorkspaceId(),
  opts: { sample?: boolean } = {},
): WorkspaceRecord {
  const clean = workspaceNameSchema().parse(name);
  const record: WorkspaceRecord = {
    id,
    name: clean,
    createdAt: now,
    lastOpenedAt: now,
  };
  if (opts.sample) record.sample = true;
  save([...listWorkspaces(storage), record], storage);
  return record;
}

/** Remembers that a workspace here was joined from a teammate's invite (the switcher says so). */
export function markJoined(
  id: string,
  joined: { from?: string; at: number },
  storage: KeyValueStorage = defaultStorage(),
): void {
  const records = listWorkspaces(storage);
  const record = records.find((w) => w.id === id);
  if (!record) return;
  const from = joined.from ? printableLine(joined.from, 60) : '';
  record.joined = { ...(from ? { from } : {}), at: joined.at };
  save(records, storage);
}

export function renameWorkspaceRecord(
  id: string,
  name: string,
  storage: KeyValueStorage = defaultStorage(),
): WorkspaceRecord {
  const clean = workspaceNameSchema().parse(name);
  const records = listWorkspaces(storage);
  const record = records.find((w) => w.id === id);
  if (!record) throw new Error('That workspace no longer exists.');
  record.name = clean;
  save(records, storage);
  return record;
}

/** Marks a workspace as just opened (the switcher lists recent ones first). */
export function touchWorkspace(
  id: string,
  storage: KeyValueStorage = defaultStorage(),
  now = Date.now(),
): void {
  const records = listWorkspaces(storage);
  const record = records.find((w) => w.id === id);
  if (!record) return;
  record.lastOpenedAt = now;
  save(records, storage);
}

/** Takes a workspace off the list (localState.ts forgets or keeps the rest). */
export function removeWorkspaceRecord(
  id: string,
  storage: KeyValueStorage = defaultStorage(),
): WorkspaceRecord | undefined {
  const records = listWorkspaces(storage);
  const record = records.find((w) => w.id === id);
  if (record)
    save(
      records.filter((w) => w.id !== id),
      storage,
    );
  return record;
}

/** Puts a workspace back on the list (a left workspace restored), replacing any entry with its id. */
export function putWorkspaceRecord(
  record: WorkspaceRecord,
  storage: KeyValueStorage = defaultStorage(),
): void {
  save([...listWorkspaces(storage).filter((w) => w.id !== record.id), record], storage);
}

/** True once the sample workspace was offered (so deleting it does not bring it back). */
export function sampleWasCreated(storage: KeyValueStorage = defaultStorage()): boolean {
  return storage.getItem(SAMPLE_KEY) === '1';
}

export function markSampleCreated(storage: KeyValueStorage = defaultStorage()): void {
  storage.setItem(SAMPLE_KEY, '1');
}
