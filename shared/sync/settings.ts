import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { randomSecret } from './bytes';
import { teamServerSchema, webSocketUrl, type TeamServerSettings } from './teamServer';

/**
 * Where a workspace syncs. Kept on this machine only (renderer storage), never in the shared
 * document: after a password rotation, peers still holding the old password also still hold the
 * document, so a password stored in it would leak the new one straight back to them.
 */
export interface SyncSettings {
  /** y-webrtc room: random, ≥128 bits, created with the workspace. */
  room: string;
  /** Room password (y-webrtc encrypts signaling and BroadcastChannel traffic with it). */
  password: string;
  /** Signaling endpoints (ws:// or wss://). Empty by default: nothing leaves the machine. */
  signaling: string[];
  /** STUN/TURN servers passed to WebRTC. Empty by default (LAN and loopback only). */
  ice: IceServer[];
  /** Whether this workspace tries to reach peers (and its team server) at all. */
  enabled: boolean;
  /** A team server the workspace also syncs through, beside peer to peer (docs/team-server.md). */
  server?: TeamServerSettings;
  /**
   * Passwords this machine rotated away from, newest first: a peer still using one is a former
   * teammate, who is told that their invite no longer works.
   */
  retired?: string[];
}

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

const secretSchema = lazySchema(() =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{22,128}$/, 'A room secret is at least 128 random bits in base64url.'),
);

export const signalingUrlSchema = lazySchema(() =>
  webSocketUrl(
    'A signaling address looks like ws://192.168.1.20:4444 or wss://signal.example.com.',
  ),
);

const iceUrlSchema = lazySchema(() =>
  z
    .string()
    .trim()
    // Bounded like every other address, so an invite carrying them has a length limit too.
    .max(500, 'That address is too long.')
    .regex(
      /^(stun|stuns|turn|turns):[^\s]+$/,
      'An ICE server looks like stun:host:3478 or turn:host.',
    ),
);

export const iceServerSchema = lazySchema(() =>
  z.object({
    urls: z.union([iceUrlSchema(), z.array(iceUrlSchema()).min(1).max(8)]),
    username: z.string().max(200).optional(),
    credential: z.string().max(500).optional(),
  }),
);

export const syncSettingsSchema = lazySchema(() =>
  z.object({
    room: secretSchema(),
    password: secretSchema(),
    signaling: z.array(signalingUrlSchema()).max(16, 'At most 16 signaling addresses.'),
    ice: z.array(iceServerSchema()).max(16, 'At most 16 ICE servers.'),
    enabled: z.boolean(),
    server: teamServerSchema().optional(),
    retired: z.array(secretSchema()).max(3).optional(),
  }),
);

/** Fresh settings for a new workspace: random room and password, no servers at all. */
export function newSyncSettings(): SyncSettings {
  return {
    room: randomSecret(16),
    password: randomSecret(16),
    signaling: [],
    ice: [],
    enabled: true,
  };
}

/** New password, same room: peers with the old password stop receiving and are told so. */
export function rotatePassword(settings: SyncSettings): SyncSettings {
  const retired = [settings.password, ...(settings.retired ?? [])].slice(0, 3);
  return { ...settings, password: randomSecret(16), retired };
}

/** Minimal key-value storage (localStorage in the renderer, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The local storage key of a workspace's sync settings (listed with every local key in the renderer). */
export const syncSettingsKey = (workspaceId: string) => `cadence.sync.${workspaceId}`;
const storageKey = syncSettingsKey;

/** This machine's sync settings for a workspace, or null when it has none (or they are damaged). */
export function loadSyncSettings(
  storage: KeyValueStorage,
  workspaceId: string,
): SyncSettings | null {
  const raw = storage.getItem(storageKey(workspaceId));
  if (raw === null) return null;
  try {
    const parsed = syncSettingsSchema().safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as SyncSettings) : null;
  } catch {
    return null;
  }
}

/** Validates and stores a workspace's sync settings; throws with the first clear message. */
export function saveSyncSettings(
  storage: KeyValueStorage,
  workspaceId: string,
  settings: SyncSettings,
): SyncSettings {
  const parsed = syncSettingsSchema().safeParse(settings);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Invalid sync settings.');
  storage.setItem(storageKey(workspaceId), JSON.stringify(parsed.data));
  return parsed.data as SyncSettings;
}

/** Loads the workspace's settings, creating and storing fresh ones on first use. */
export function ensureSyncSettings(storage: KeyValueStorage, workspaceId: string): SyncSettings {
  return (
    loadSyncSettings(storage, workspaceId) ??
    saveSyncSettings(storage, workspaceId, newSyncSettings())
  );
}

/** Forgets a workspace's sync settings (leaving the workspace). */
export function forgetSyncSettings(storage: KeyValueStorage, workspaceId: string): void {
  storage.removeItem(storageKey(workspaceId));
}
