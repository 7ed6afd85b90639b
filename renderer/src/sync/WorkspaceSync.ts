import type { Doc, Transaction } from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { Awareness } from 'y-protocols/awareness';
import type { KeyValueStorage, SyncSettings } from '../../../shared/sync/settings';
import { dropsChangedBy } from '../../../shared/sync/changedDrops';
import { connectionTypeOf, type ConnectionType } from './connectionType';
import { guardProvider } from './guard';
import { guardSignaling } from './signalingGuard';
import { isAwaitingFirstSync } from './joining';
import type { LocalUser } from './localUser';
import { loadSyncMarks, saveSyncMarks, type SyncMarks } from './syncMarks';
import { TeamServerLink, type TeamServerStatus } from './teamServerLink';
import { quietBroadcastWhileAlone } from './quietBroadcast';
import { watchRetiredPasswords } from './retiredPassword';
import { startWatchdog, type WatchdogOptions } from './watchdog';
import { internals, internalsNotice } from './ywebrtcInternals';

/** off: sync disabled · offline: no signaling reachable · looking: reachable, no peer yet. */
export type SyncState = 'off' | 'offline' | 'looking' | 'connected';

export interface PeerView {
  peerId: string;
  name: string;
  colour: string;
  /** The drop this person has open, if any. */
  openDropId: string | null;
  connection: ConnectionType;
}

export interface SyncNotice {
  kind:
    | 'wrong-password'
    | 'rejected-update'
    | 'server-refused'
    | 'former-teammate'
    | 'password-retired'
    | 'sync-unavailable'
    | 'peer-cannot-receive';
  message: string;
  at: number;
  /** How many times it happened, or for `former-teammate` how many people. */
  count: number;
}

export interface SyncSnapshot {
  state: SyncState;
  peers: readonly PeerView[];
  signaling: readonly { url: string; connected: boolean }[];
  lastSyncedAt: number | null;
  /** Local changes no peer has received yet (made offline). */
  unsent: boolean;
  unsentSince: number | null;
  unsentDropIds: ReadonlySet<string>;
  notices: readonly SyncNotice[];
  /** The workspace's team server, when it has one (docs/team-server.md). */
  server: TeamServerStatus | null;
}

/** Presence as broadcast to peers (y-protocols awareness). */
export interface PresenceState {
  user: { name: string; color: string };
  openDropId: string | null;
  /** y-webrtc peer id, so presence can be matched with live connections. */
  peerId: string | null;
}

export interface WorkspaceSyncOptions {
  workspaceId: string;
  doc: Doc;
  settings: SyncSettings;
  user: LocalUser;
  /** Where "last synced" and "not yet sent" marks survive restarts. */
  storage?: KeyValueStorage;
  /** A WebRTC implementation for Node (`@roamhq/wrtc`); browsers have their own. */
  wrtc?: unknown;
  /** A WebSocket implementation for Node (`ws`), for the team server; browsers have their own. */
  WebSocket?: unknown;
  now?: () => number;
  log?: (message: string) => void;
  watchdog?: WatchdogOptions;
  /** Connecting waits for this (the app: the window idle after the board's first paint). */
  startAfter?: Promise<void>;
}

export const WRONG_PASSWORD_MESSAGE =
  'Someone tried to join with a wrong password. They cannot see this workspace; if they are a teammate, send them a new invite.';

/**
 * The same unreadable messages, seen by a copy still waiting for its team's board: the team was
 * there first, so it is this person's invite whose password is not the team's.
 */
export const JOINER_WRONG_PASSWORD_MESSAGE =
  "Your invite's password is not your team's, so the workspace cannot arrive. Ask a teammate for a new invite, then join with it.";

export const PASSWORD_RETIRED_MESSAGE =
  "This workspace's invite no longer works: a teammate changed its password. Ask them for a new invite, then join with it.";

export const FORMER_TEAMMATE_MESSAGE =
  'Someone still has the invite from before you changed the password, and cannot connect. If they should still have access, send them the new invite.';

// A message we cannot read may be a former teammate's (read with a retired password a moment
// later) or the answer that our own password was retired: the notice waits for both.
const WRONG_PASSWORD_GRACE_MS = 2_000;

const MARKS_PERSIST_MS = 5_000;
// How long after sending offline changes a teammate's deletion counts as going over them.
const JUST_SENT_MS = 60_000;
// "Last synced" reads "just now" for 45 s (ui/format.ts). A newer time reaches the snapshot at
// most this often: a new snapshot on every peer message or keystroke re-rendered the sync UI
// and every card's "not yet shared" mark each time, for nothing a person could see.
export const LAST_SYNCED_REFRESH_MS = 5_000;
const live = new Set<WorkspaceSync>();
// y-webrtc allows one provider per room name and frees it asynchronously: a new provider for
// the same room (reopening a workspace, React's double mount in development) waits for it.
const closingRooms = new Map<string, Promise<void>>();

/**
 * One workspace's peer-to-peer sync over y-webrtc: always encrypted with the room password,
 * always with an explicit signaling list (empty: nothing leaves this machine), every incoming
 * message checked before it reaches the document (see guard.ts).
 */
export class WorkspaceSync {
  readonly awareness: Awareness;
  private provider: WebrtcProvider | null = null;
  private teamServer: TeamServerLink | null = null;
  private unguard: (() => void) | null = null;
  private stopQuietBroadcast: (() => void) | null = null;
  private stopWatchdog: (() => void) | null = null;
  private settings: SyncSettings;
  private user: LocalUser;
  private openDropId: string | null = null;
  private online = true;
  private destroyed = false;
  private marks: SyncMarks;
  private unsentDropIds: Set<string>;
  /** The drops whose changes the last exchange sent, and when (see `changedHereUnseen`). */
  private justSent: { ids: ReadonlySet<string>; at: number } | null = null;
  private notices: SyncNotice[] = [];
  private retiredWatch: ReturnType<typeof watchRetiredPasswords> | null = null;
  /** A teammate told us our password was retired (until the settings change). */
  private ownPasswordRetired = false;
  private readonly formerTeammates = new Set<string>();
  private readonly ownPeerIds = new Set<string>();
  private lastFormerTeammateAt = -Infinity;
  private wrongPasswordTimer: ReturnType<typeof setTimeout> | null = null;
  private wrongPasswordDismissed = false;
  private unavailableBecause: string[] | null = null;
  // Peers already shown as unable to receive this workspace: one notice each, ever.
  private readonly cannotReceive = new Set<string>();
  private connectionTypes = new Map<string, ConnectionType>();
  private listeners = new Set<() => void>();
  private snapshot: SyncSnapshot | null = null;
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private restartChain: Promise<void>;
  private readonly signalingListeners: {
    conn: { off(n: string, f: () => void): void };
    f: () => void;
  }[] = [];

  constructor(private readonly opts: WorkspaceSyncOptions) {
    this.settings = opts.settings;
    this.user = opts.user;
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? ((m) => console.warn(`[sync] ${m}`));
    this.marks = loadSyncMarks(opts.storage, opts.workspaceId);
    this.unsentDropIds = new Set(this.marks.unsentDropIds);
    this.awareness = new Awareness(opts.doc);
    this.awareness.on('change', this.changed);
    opts.doc.on('afterAllTransactions', this.onTransactions);
    live.add(this);
    installRejectionFilter();
    this.restartChain = Promise.all([closingRooms.get(this.settings.room), opts.startAfter]).then(
      () => this.start(),
    );
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SyncSnapshot => (this.snapshot ??= this.computeSnapshot());

  /** The drop this person has open (in the drop panel or its brief), as told to teammates. */
  get openDrop(): string | null {
    return this.openDropId;
  }

  /** Presence: which drop this person has open. */
  setOpenDrop(dropId: string | null): void {
    if (this.openDropId === dropId) return;
    this.openDropId = dropId;
    this.publishPresence();
  }

  /** The name and colour teammates see for this person. */
  get currentUser(): LocalUser {
    return this.user;
  }

  setUser(user: LocalUser): void {
    this.user = user;
    this.publishPresence();
  }

  /** Stop or resume talking to peers (the document keeps working either way). */
  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    this.restartChain = this.restartChain.then(() => {
      const provider = this.provider;
      if (!provider) return this.start();
      if (online) this.startTeamServer();
      else this.stopTeamServer();
      // Keeps the room and its derived key (PBKDF2 is slow): only the network goes.
      if (online) {
        // A connection y-webrtc started as we went offline never opened (its offer could not
        // leave); left in place, it would make y-webrtc ignore the peer's announces until the
        // watchdog removes it.
        const room = internals(provider).room;
        for (const [peerId, conn] of room?.webrtcConns ?? []) {
          if (conn.connected) continue;
          room!.webrtcConns.delete(peerId);
          (conn.peer as { destroy?: () => void }).destroy?.();
        }
        // y-webrtc keeps its destroyed signaling connections in this list; connect() adds new ones.
        internals(provider).signalingConns.splice(0);
        provider.connect();
        if (guardSignaling(provider).length > 0) {
          this.unavailable(['signalingConn._observers.message']);
          return;
        }
        this.retiredWatch?.watch();
        this.listenToSignaling(provider);
        this.publishPresence();
      } else {
        this.stopListeningToSignaling();
        this.keepPresence();
        provider.disconnect();
        this.connectionTypes.clear();
      }
      this.changed();
    });
  }

  /** New room, password, signaling or ICE servers: reconnects with them. */
  updateSettings(settings: SyncSettings): void {
    this.settings = settings;
    if (this.ownPasswordRetired) this.dismissNotice('password-retired');
    this.ownPasswordRetired = false;
    this.formerTeammates.clear();
    this.wrongPasswordDismissed = false;
    this.restart();
  }

  dismissNotice(kind: SyncNotice['kind']): void {
    // Strangers keep knocking (every announce): once dismissed, it stays dismissed.
    if (kind === 'wrong-password') this.wrongPasswordDismissed = true;
    this.notices = this.notices.filter((n) => n.kind !== kind);
    this.changed();
  }

  /** The y-webrtc peer id of this session (null until the room key is derived). */
  get peerId(): string | null {
    return this.provider ? (internals(this.provider).room?.peerId ?? null) : null;
  }

  /** Resolves once the room is open (key derived, signaling started). */
  async ready(): Promise<void> {
    await this.restartChain;
    if (this.provider) await internals(this.provider).key;
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    live.delete(this);
    if (this.persistTimer) this.writeMarks();
    if (this.wrongPasswordTimer) clearTimeout(this.wrongPasswordTimer);
    this.opts.doc.off('afterAllTransactions', this.onTransactions);
    this.awareness.off('change', this.changed);
    await this.stop();
    this.awareness.destroy();
    this.listeners.clear();
  }

  /**
   * A message sealed with another password arrived (from the guard, or the page-wide safety net
   * for an uncaught WebCrypto failure). Shown once, not once per message, and not at all when
   * it turns out to come from a former teammate or to mean that our own password was retired.
   */
  reportWrongPassword(): void {
    if (this.ownPasswordRetired || this.wrongPasswordDismissed) return;
    if (this.wrongPasswordTimer || this.destroyed) return;
    if (this.notices.some((n) => n.kind === 'wrong-password')) return;
    this.wrongPasswordTimer = setTimeout(() => {
      this.wrongPasswordTimer = null;
      if (this.ownPasswordRetired || this.destroyed) return;
      if (this.now() - this.lastFormerTeammateAt < WRONG_PASSWORD_GRACE_MS * 2) return;
      const joining =
        this.opts.storage !== undefined &&
        isAwaitingFirstSync(this.opts.storage, this.opts.workspaceId);
      this.setNotice(
        'wrong-password',
        joining ? JOINER_WRONG_PASSWORD_MESSAGE : WRONG_PASSWORD_MESSAGE,
        1,
      );
    }, WRONG_PASSWORD_GRACE_MS);
  }

  private onFormerTeammate = (peerId: string): void => {
    this.lastFormerTeammateAt = this.now();
    if (this.formerTeammates.has(peerId)) return;
    this.formerTeammates.add(peerId);
    this.setNotice('former-teammate', FORMER_TEAMMATE_MESSAGE, this.formerTeammates.size);
  };

  private onOwnPasswordRetired = (): void => {
    if (this.ownPasswordRetired) return;
    this.ownPasswordRetired = true;
    this.notices = this.notices.filter((n) => n.kind !== 'wrong-password');
    this.setNotice('password-retired', PASSWORD_RETIRED_MESSAGE, 1);
  };

  private start(): void {
    if (this.destroyed || !this.online || !this.settings.enabled || this.unavailableBecause) {
      this.changed();
      return;
    }
    const { settings } = this;
    const provider = new WebrtcProvider(settings.room, this.opts.doc, {
      signaling: [...settings.signaling],
      password: settings.password,
      awareness: this.awareness,
      maxConns: 20,
      filterBcConns: true,
      peerOpts: {
        config: { iceServers: settings.ice },
        ...(this.opts.wrtc ? { wrtc: this.opts.wrtc } : {}),
      },
    });
    this.provider = provider;
    this.unguard = guardProvider(provider, settings.room, {
      doc: this.opts.doc,
      onRejected: (reason, peerId) => {
        this.log(`${reason}${peerId ? ` (peer ${peerId.slice(0, 8)})` : ''}`);
        this.addNotice(
          'rejected-update',
          'A change from a teammate was damaged and was ignored. Your workspace is unchanged.',
        );
      },
      onWrongPassword: () => this.reportWrongPassword(),
      onAccepted: (_peerId, message) => this.onPeerMessage(message),
      onPeerCannotReceive: (peerId, reason) => {
        if (this.cannotReceive.has(peerId)) return;
        this.cannotReceive.add(peerId);
        this.log(`A peer cannot receive this workspace: ${reason} (peer ${peerId.slice(0, 8)})`);
        this.addNotice(
          'peer-cannot-receive',
          'A teammate’s app cannot receive this workspace (it is an older or different app). Ask them to open it in Cadence.',
        );
      },
      onUnavailable: (missing) => this.unavailable(missing),
    });
    this.stopQuietBroadcast = quietBroadcastWhileAlone(provider);
    this.startTeamServer();
    this.retiredWatch = watchRetiredPasswords(provider, {
      retired: settings.retired ?? [],
      ownPeerIds: this.ownPeerIds,
      onFormerTeammate: this.onFormerTeammate,
      onOwnPasswordRetired: this.onOwnPasswordRetired,
    });
    this.stopWatchdog = startWatchdog(provider, this.opts.watchdog);
    provider.on('peers', this.onPeers);
    provider.on('synced', this.onSynced);
    this.listenToSignaling(provider);
    void internals(provider).key.then(() => {
      const own = internals(provider).room?.peerId;
      if (own) this.ownPeerIds.add(own);
      this.publishPresence();
      this.retiredWatch?.tellRoom();
    });
    this.publishPresence();
  }

  private startTeamServer(): void {
    const server = this.settings.server;
    if (!server || this.teamServer) return;
    this.teamServer = new TeamServerLink({
      doc: this.opts.doc,
      awareness: this.awareness,
      server,
      WebSocket: this.opts.WebSocket,
      hooks: {
        onRejected: (reason) => {
          this.log(reason);
          this.addNotice(
            'rejected-update',
            'A change from the team server was damaged and was ignored. Your workspace is unchanged.',
          );
        },
        onAccepted: () => this.onServerSynced(false),
        onRefused: (message) => this.addNotice('server-refused', message),
        onChange: () => this.onServerSynced(true),
      },
    });
    this.changed();
  }

  private stopTeamServer(): void {
    this.teamServer?.destroy();
    this.teamServer = null;
  }

  // The server acknowledges each change it has applied (and stored): once nothing waits for an
  // acknowledgement, everyone reaching the server can get every local change.
  // `statusChanged`: the link's status may have changed; otherwise it is a message the server
  // sent, which changes what is shown only when it clears the marks or "last synced" is stale.
  private onServerSynced(statusChanged: boolean): void {
    const status = this.teamServer?.status();
    let visible = statusChanged;
    if (status?.state === 'connected') {
      const t = this.now();
      if (status.allSent && (this.marks.unsentSince !== null || this.unsentDropIds.size > 0))
        visible = true;
      if (this.shownSyncedAtIsStale(t) || status.allSent !== this.shownServerAllSent)
        visible = true;
      this.marks = {
        lastSyncedAt: t,
        unsentSince: status.allSent ? null : this.marks.unsentSince,
        unsentDropIds: status.allSent ? [] : this.marks.unsentDropIds,
      };
      if (status.allSent) this.keepJustSent(t);
      this.persistMarks();
    }
    if (visible) this.changed();
  }

  // y-webrtc's internals are not what the guard needs: sync stays off rather than running
  // with incoming changes unchecked.
  private unavailable(missing: string[]): void {
    this.log(`Sync is off: missing y-webrtc internals ${missing.join(', ')}`);
    this.unavailableBecause = missing;
    this.addNotice('sync-unavailable', internalsNotice(missing));
    this.restartChain = this.restartChain.then(() => this.stop());
  }

  private async stop(): Promise<void> {
    this.stopTeamServer();
    const provider = this.provider;
    if (!provider) return;
    this.provider = null;
    this.unguard?.();
    this.unguard = null;
    this.stopQuietBroadcast?.();
    this.stopQuietBroadcast = null;
    this.retiredWatch?.stop();
    this.retiredWatch = null;
    this.stopWatchdog?.();
    this.stopWatchdog = null;
    this.stopListeningToSignaling();
    provider.off('peers', this.onPeers);
    provider.off('synced', this.onSynced);
    this.keepPresence();
    provider.destroy();
    // y-webrtc frees the room name only after its key promise settles.
    const room = provider.roomName;
    const freed = Promise.resolve(internals(provider).key).then(() => undefined);
    closingRooms.set(room, freed);
    await freed;
    await Promise.resolve();
    if (closingRooms.get(room) === freed) closingRooms.delete(room);
    this.connectionTypes.clear();
    this.changed();
  }

  private restart(): void {
    this.restartChain = this.restartChain.then(async () => {
      await this.stop();
      this.start();
    });
  }

  /** Resolves when pending reconnects (settings change, going online) have finished. */
  settled(): Promise<void> {
    return this.restartChain;
  }

  private listenToSignaling(provider: WebrtcProvider): void {
    for (const conn of internals(provider).signalingConns) {
      const f = () => {
        // Former teammates already in the room learn at once that their password was retired.
        if (conn.connected) this.retiredWatch?.tellRoom();
        this.changed();
      };
      conn.on('connect', f);
      conn.on('disconnect', f);
      this.signalingListeners.push({ conn, f });
    }
  }

  private stopListeningToSignaling(): void {
    for (const { conn, f } of this.signalingListeners.splice(0)) {
      conn.off('connect', f);
      conn.off('disconnect', f);
    }
  }

  // Presence is shared with other writers (the brief editor's caret sets `cursor`): only our
  // own fields change, and only when they differ. Replacing the whole state erased the caret,
  // the editor set it again, and the two kept each other busy (≈1,500 updates/s).
  private publishPresence(): void {
    const ours: PresenceState = {
      user: { name: this.user.name, color: this.user.colour },
      openDropId: this.openDropId,
      peerId: this.peerId,
    };
    const current = this.awareness.getLocalState() as Partial<PresenceState> | null;
    if (current && samePresence(current, ours)) return;
    // Going offline removes the local state; coming back restores the other fields too.
    this.awareness.setLocalState({ ...(current ?? this.keptPresence ?? {}), ...ours });
  }

  /** The local presence as it was before going offline (y-webrtc removes it then). */
  private keptPresence: Record<string, unknown> | null = null;

  private keepPresence(): void {
    this.keptPresence = this.awareness.getLocalState() ?? this.keptPresence;
  }

  private connectedPeerIds(): { webrtc: string[]; bc: string[] } {
    const room = this.provider ? internals(this.provider).room : null;
    if (!room) return { webrtc: [], bc: [] };
    const webrtc = [...room.webrtcConns.values()]
      .filter((c) => c.connected)
      .map((c) => c.remotePeerId);
    return { webrtc, bc: [...room.bcConns] };
  }

  private onPeers = (): void => this.changed();

  private onSynced = (): void => this.changed();

  // A peer's sync step 1 is answered by y-webrtc with everything it lacks, so from then on the
  // peer has every local change; any sync message also means we just exchanged changes.
  private onPeerMessage(message: Uint8Array): void {
    if (message[0] !== 0) return;
    const isStep1 = message[1] === 0;
    const t = this.now();
    const clearsUnsent =
      isStep1 && (this.marks.unsentSince !== null || this.unsentDropIds.size > 0);
    this.marks = {
      lastSyncedAt: t,
      unsentSince: isStep1 ? null : this.marks.unsentSince,
      unsentDropIds: isStep1 ? [] : this.marks.unsentDropIds,
    };
    if (isStep1) this.keepJustSent(t);
    this.persistMarks();
    if (clearsUnsent || this.shownSyncedAtIsStale(t)) this.changed();
  }

  // The changes marked "not yet shared" have just gone out: a teammate's own changes come back
  // in the same exchange, a moment later, and may delete a drop among them.
  private keepJustSent(t: number): void {
    if (this.unsentDropIds.size > 0) this.justSent = { ids: this.unsentDropIds, at: t };
    this.unsentDropIds = new Set();
  }

  /**
   * This drop was changed here while no teammate could receive it, and the exchange that sends
   * those changes is at most a minute old: a teammate's deletion arriving now went over them.
   */
  changedHereUnseen(dropId: string): boolean {
    if (this.unsentDropIds.has(dropId)) return true;
    const sent = this.justSent;
    return sent !== null && this.now() - sent.at < JUST_SENT_MS && sent.ids.has(dropId);
  }

  /** Every drop `changedHereUnseen` is true for. */
  dropsChangedHereUnseen(): string[] {
    const sent = this.justSent;
    const recent = sent !== null && this.now() - sent.at < JUST_SENT_MS ? sent.ids : [];
    return [...new Set([...this.unsentDropIds, ...recent])];
  }

  /** The "last synced" time in the last snapshot handed out (what the UI shows). */
  private shownSyncedAt: number | null = null;
  /** The team server's `allSent` in the last snapshot handed out. */
  private shownServerAllSent: boolean | null = null;

  private shownSyncedAtIsStale(t: number): boolean {
    return this.shownSyncedAt === null || t - this.shownSyncedAt >= LAST_SYNCED_REFRESH_MS;
  }

  // Yjs emits this after the transactions' updates, which y-webrtc sends to every connected peer
  // as they are emitted: the bookkeeping never holds an edit back on its way out.
  private onTransactions = (_doc: Doc, transactions: Transaction[]): void => {
    for (const tr of transactions) this.onTransaction(tr);
  };

  private onTransaction(tr: Transaction): void {
    if (!tr.local || tr.changed.size === 0) return;
    let visible: boolean;
    if (this.hasConnectedPeer()) {
      const t = this.now();
      this.marks = { ...this.marks, lastSyncedAt: t };
      visible = this.shownSyncedAtIsStale(t);
    } else {
      const marked = this.unsentDropIds.size;
      for (const id of dropsChangedBy(this.opts.doc, tr)) this.unsentDropIds.add(id);
      visible = this.marks.unsentSince === null || this.unsentDropIds.size !== marked;
      this.marks = {
        lastSyncedAt: this.marks.lastSyncedAt,
        unsentSince: this.marks.unsentSince ?? this.now(),
        unsentDropIds: [...this.unsentDropIds],
      };
    }
    this.persistMarks();
    if (visible) this.changed();
  }

  private hasConnectedPeer(): boolean {
    if (this.teamServer?.connected) return true;
    const room = this.provider ? internals(this.provider).room : null;
    if (!room) return false;
    if (room.bcConns.size > 0) return true;
    for (const c of room.webrtcConns.values()) if (c.connected) return true;
    return false;
  }

  private persistedUnsentSince: number | null | undefined = undefined;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;

  // Storage writes are synchronous: a change of the "not yet sent" marks is written at once,
  // a new "last synced" time at most every few seconds (it is advisory).
  private persistMarks(): void {
    const unsentChanged =
      this.marks.unsentSince !== this.persistedUnsentSince ||
      this.marks.unsentDropIds.length !== this.unsentDropIdsPersisted;
    if (unsentChanged) return this.writeMarks();
    this.persistTimer ??= setTimeout(() => this.writeMarks(), MARKS_PERSIST_MS);
  }

  private unsentDropIdsPersisted = -1;

  private writeMarks(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    this.persistedUnsentSince = this.marks.unsentSince;
    this.unsentDropIdsPersisted = this.marks.unsentDropIds.length;
    saveSyncMarks(this.opts.storage, this.opts.workspaceId, this.marks);
  }

  /**
   * Reads each connection's type from WebRTC stats. Called by the sync panel while it is open
   * (stats are not free, and reading them while a connection closes is fragile in some WebRTC
   * implementations), not in the background.
   */
  async refreshConnectionTypes(): Promise<void> {
    const room = this.provider && this.online ? internals(this.provider).room : null;
    if (!room || this.destroyed) return;
    let changed = false;
    for (const conn of [...room.webrtcConns.values()]) {
      if (!conn.connected || this.destroyed) continue;
      const type = await connectionTypeOf(conn.peer);
      if (this.connectionTypes.get(conn.remotePeerId) !== type) {
        this.connectionTypes.set(conn.remotePeerId, type);
        changed = true;
      }
    }
    if (changed) this.changed();
  }

  private setNotice(kind: SyncNotice['kind'], message: string, count: number): void {
    const others = this.notices.filter((n) => n.kind !== kind);
    this.notices = [...others, { kind, message, at: this.now(), count }];
    this.changed();
  }

  private addNotice(kind: SyncNotice['kind'], message: string): void {
    const existing = this.notices.find((n) => n.kind === kind);
    this.notices = existing
      ? this.notices.map((n) => (n === existing ? { ...n, at: this.now(), count: n.count + 1 } : n))
      : [...this.notices, { kind, message, at: this.now(), count: 1 }];
    this.changed();
  }

  private changed = (): void => {
    this.snapshot = null;
    for (const l of [...this.listeners]) l();
  };

  private computeSnapshot(): SyncSnapshot {
    const { webrtc, bc } = this.connectedPeerIds();
    const presence = new Map<string, PresenceState>();
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.opts.doc.clientID) return;
      const s = state as Partial<PresenceState>;
      if (typeof s.peerId === 'string') presence.set(s.peerId, s as PresenceState);
    });
    const view = (peerId: string, connection: ConnectionType): PeerView => {
      const p = presence.get(peerId);
      return {
        peerId,
        name: typeof p?.user?.name === 'string' ? p.user.name.slice(0, 40) : 'Teammate',
        colour:
          typeof p?.user?.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(p.user.color)
            ? p.user.color
            : '#475569',
        openDropId: typeof p?.openDropId === 'string' ? p.openDropId : null,
        connection,
      };
    };
    const peers = [
      ...webrtc.map((id) => view(id, this.connectionTypes.get(id) ?? 'unknown')),
      ...bc.map((id) => view(id, 'same-browser')),
    ];
    // People reached through the team server (and not also directly).
    const server = this.teamServer?.status() ?? null;
    if (this.teamServer && server?.state === 'connected') {
      const listed = new Set(peers.map((p) => p.peerId));
      for (const clientId of this.teamServer.heardClients) {
        const s = this.awareness.getStates().get(clientId) as Partial<PresenceState> | undefined;
        if (!s || clientId === this.opts.doc.clientID) continue;
        const peerId = typeof s.peerId === 'string' ? s.peerId : `client-${clientId}`;
        if (listed.has(peerId)) continue;
        listed.add(peerId);
        if (!presence.has(peerId)) presence.set(peerId, s as PresenceState);
        peers.push(view(peerId, 'team-server'));
      }
    }
    const signaling = this.provider
      ? internals(this.provider).signalingConns.map((c) => ({ url: c.url, connected: c.connected }))
      : this.settings.signaling.map((url) => ({ url, connected: false }));
    let state: SyncState;
    if (!this.provider || !this.online) state = 'off';
    else if (peers.length > 0 || server?.state === 'connected') state = 'connected';
    else if (signaling.some((s) => s.connected)) state = 'looking';
    else state = 'offline';
    this.shownSyncedAt = this.marks.lastSyncedAt;
    this.shownServerAllSent = server?.allSent ?? null;
    return {
      state,
      peers,
      signaling,
      lastSyncedAt: this.marks.lastSyncedAt,
      unsent: this.marks.unsentSince !== null,
      unsentSince: this.marks.unsentSince,
      unsentDropIds: this.unsentDropIds,
      notices: this.notices,
      server: this.settings.server
        ? (server ?? {
            url: this.settings.server.url,
            state: 'offline',
            message: null,
            allSent: false,
          })
        : null,
    };
  }
}

function samePresence(a: Partial<PresenceState>, b: PresenceState): boolean {
  return (
    a.user?.name === b.user.name &&
    a.user?.color === b.user.color &&
    a.openDropId === b.openDropId &&
    a.peerId === b.peerId
  );
}

let filterInstalled = false;

// Safety net: y-webrtc decrypts some messages (e.g. between tabs) where the guard cannot reach
// first; a wrong key there surfaces as an unhandled `OperationError`. Only that error is
// swallowed, and turned into the notice; everything else still reaches the console.
function installRejectionFilter(): void {
  if (
    filterInstalled ||
    typeof window === 'undefined' ||
    typeof window.addEventListener !== 'function'
  )
    return;
  filterInstalled = true;
  window.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    if (reason instanceof Error && reason.name === 'OperationError' && live.size > 0) {
      event.preventDefault();
      for (const sync of live) sync.reportWrongPassword();
    }
  });
}
