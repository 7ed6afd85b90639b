// The names of everything this machine keeps outside a workspace's document, in one place:
// localStorage keys and IndexedDB databases. localState.ts forgets them; nothing else names a
// key, so a new one cannot be left behind when a workspace is deleted or left.
import {
  syncSettingsKey,
  type KeyValueStorage as SharedKeyValueStorage,
} from '../../../shared/sync/settings';

/** The small key-value store local state lives in (localStorage in the app, memory in tests). */
export type KeyValueStorage = SharedKeyValueStorage;

/** Keys that belong to this machine as a whole, not to one workspace. */
export const APP_KEYS = {
  /** The list of workspaces (registry.ts). */
  registry: 'cadence.workspaces.v1',
  /** Workspaces left recently, kept restorable for a while (localState.ts). */
  recentlyLeft: 'cadence.recentlyLeft.v1',
  /** Set once the sample workspace was offered, so deleting it does not bring it back. */
  sampleCreated: 'cadence.sampleCreated',
  /** The person's name and colour shown to teammates. */
  localUser: 'cadence.localUser.v1',
  /** This computer's id for the person, kept with what they record (personId.ts). */
  personId: 'cadence.personId.v1',
  /** The first-run guide: dismissed or completed, so it does not come back (guide.ts). */
  guide: 'cadence.guide.v1',
} as const;

/** Keys kept for one workspace, besides its entry in the registry or the recently-left list. */
export const WORKSPACE_KEYS = {
  /** Room, password and servers (shared/sync/settings). */
  syncSettings: syncSettingsKey,
  /** Last exchange with a peer and the "not yet shared" drops (sync/syncMarks.ts). */
  syncMarks: (id: string) => `cadence.syncMarks.${id}`,
  /** A joined workspace still waiting for its board from a teammate (sync/joining.ts). */
  awaitingFirstSync: (id: string) => `cadence.awaitingFirstSync.${id}`,
} as const;

/** Every localStorage key of one workspace (its registry entry aside). */
export function workspaceKeys(id: string): string[] {
  return Object.values(WORKSPACE_KEYS).map((key) => key(id));
}

/** The IndexedDB database that holds one workspace's document. */
export function workspaceDbName(id: string): string {
  return `cadence-ws-${id}`;
}

/** The IndexedDB database of board previews, one record per workspace (boardPreviewCache.ts). */
export const BOARD_PREVIEW_DB = 'cadence-board-previews';

/** A storage that lives only as long as the page (tests, or a browser with storage disabled). */
export function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

let fallback: KeyValueStorage | null = null;

/** localStorage, or memory when the browser blocks storage (privacy settings). */
export function appStorage(): KeyValueStorage {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Reading `localStorage` itself throws when storage is blocked: fall through to memory.
  }
  return (fallback ??= memoryStorage());
}
