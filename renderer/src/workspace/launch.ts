import { newWorkspaceId, renameWorkspace } from '../../../shared/model';
import { bundledSample, importSample } from './sample';
import {
  createWorkspaceRecord,
  getWorkspaceRecord,
  listWorkspaces,
  markSampleCreated,
  sampleWasCreated,
  type WorkspaceRecord,
} from './registry';
import type { KeyValueStorage } from './localKeys';
import { openWorkspace, type OpenWorkspace } from './openWorkspace';

/** Which workspace to open at start: `?ws=<id>` first, then the most recent one. */
export function initialWorkspaceId(search: string, storage?: KeyValueStorage): string | null {
  const requested = new URLSearchParams(search).get('ws');
  if (requested && getWorkspaceRecord(requested, storage)) return requested;
  return listWorkspaces(storage)[0]?.id ?? null;
}

/**
 * On the very first launch, creates the sample workspace so a new person sees a working
 * board at once. Deleting it later does not bring it back.
 */
export function ensureSampleOnFirstLaunch(
  storage?: KeyValueStorage,
): Promise<WorkspaceRecord | null> {
  // Two calls at once (React's strict mode runs effects twice) share one creation.
  const key = storage ?? defaultKey;
  const running = inFlight.get(key);
  if (running) return running;
  const p = createSampleOnce(storage).finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}

const defaultKey = {};
const inFlight = new WeakMap<object, Promise<WorkspaceRecord | null>>();

async function createSampleOnce(storage?: KeyValueStorage): Promise<WorkspaceRecord | null> {
  if (sampleWasCreated(storage) || listWorkspaces(storage).length > 0) return null;
  markSampleCreated(storage);
  return createFromSample({ sample: true, ...(storage ? { storage } : {}) });
}

/**
 * Creates a workspace filled with the bundled sample's creators and drops. With `sample`, it
 * is the sample itself (the guide offers to remove it); otherwise it is the person's own
 * workspace, started from the sample's drops under `name`.
 */
export async function createFromSample(
  opts: { name?: string; sample?: boolean; storage?: KeyValueStorage } = {},
): Promise<WorkspaceRecord> {
  const sample = bundledSample();
  const name = opts.name ?? sample.name;
  const record = createWorkspaceRecord(name, opts.storage, Date.now(), newWorkspaceId(), {
    sample: opts.sample === true,
  });
  const ws: OpenWorkspace = await openWorkspace(record.id, {
    seed: (doc) => {
      importSample(doc, sample, new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
      if (record.name !== sample.name) renameWorkspace(doc, record.name);
    },
  });
  await ws.destroy();
  return record;
}
