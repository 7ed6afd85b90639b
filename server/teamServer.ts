import type { IncomingMessage as HttpRequest } from 'node:http';
import { IncomingMessage, MessageReceiver, Server, type Extension } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { checkServerMessage } from '../shared/sync/serverMessage';
import { TEAM_SERVER_REASONS } from '../shared/sync/teamServer';
import { TeamStore } from './store';

export interface TeamServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** SQLite file (created if missing). */
  database: string;
  /** redis://host:port — several processes sharing it serve the same workspaces. */
  redis?: string;
  /** A client sending a bigger WebSocket message is disconnected (close code 1009). */
  maxMessageBytes?: number;
  /** How long after the last edit a document's snapshot is written (the log is immediate). */
  snapshotDebounceMs?: number;
  /** Checks what clients send with the app's own check (default true; false only in tests). */
  validateUpdates?: boolean;
  /** One line per connection, plus start and stop. */
  log?: (line: string) => void;
}

export interface TeamServer {
  host: string;
  port: number;
  /** ws://host:port */
  url: string;
  stats(): { connections: number; documents: number; refused: number; rejected: number };
  /** Closes every connection, writes every open document, closes the database. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const NAME = /^[A-Za-z0-9_-]{22,128}$/;

interface ConnectionStats {
  since: number;
  address: string;
  messages: number;
  bytes: number;
  refusedMessage?: boolean;
  /** Its end was logged and counted (see onDisconnect). */
  ended?: boolean;
}

/** Starts a Hocuspocus server for Cadence workspaces (see server/README.md). */
export async function startTeamServer(opts: TeamServerOptions): Promise<TeamServer> {
  const log = opts.log ?? ((line) => console.log(line));
  const store = new TeamStore(opts.database);
  const validate = opts.validateUpdates ?? true;
  let refused = 0;
  let rejected = 0;
  let connections = 0;

  const refuse = (reason: string): Error => Object.assign(new Error(reason), { reason });

  const cadence: Extension = {
    extensionName: 'cadence',
    async onConnect({ request }) {
      const stats: ConnectionStats = {
        since: Date.now(),
        address: clientAddress(request),
        messages: 0,
        bytes: 0,
      };
      return { stats };
    },
    async onAuthenticate({ documentName, token, context }) {
      const stats = (context as { stats: ConnectionStats }).stats;
      const short = documentName.slice(0, 8);
      if (!NAME.test(documentName) || !NAME.test(token)) {
        refused++;
        log(`${stamp()} ${stats.address} refused (not a Cadence workspace) ${short}`);
        throw refuse(TEAM_SERVER_REASONS.notCadence);
      }
      const verdict = store.authenticate(documentName, token);
      if (verdict === 'wrong-token') {
        refused++;
        log(`${stamp()} ${stats.address} refused (wrong token) workspace ${short}…`);
        throw refuse(TEAM_SERVER_REASONS.wrongToken);
      }
      if (verdict === 'claimed') log(`${stamp()} new workspace ${short}…`);
      connections++;
    },
    async afterLoadDocument({ document, documentName }) {
      // Synchronous append before Hocuspocus acknowledges the update (see TeamStore).
      document.on('update', (update: Uint8Array) => store.append(documentName, update));
    },
    // Hocuspocus runs this hook asynchronously and applies the message afterwards, so checking
    // here and letting it apply would check a burst of messages before the first is applied
    // (a title typed fast refers to the character before it: "does not exist" yet). So the
    // message is checked and applied right here, in arrival order, and Hocuspocus' own apply
    // never runs (a promise that never settles; nothing keeps it). No other extension may
    // come after this hook.
    beforeHandleMessage({ update, document, context, connection }) {
      const stats = (context as { stats: ConnectionStats }).stats;
      stats.messages++;
      stats.bytes += update.byteLength;
      if (stats.refusedMessage) return new Promise<void>(() => {});
      if (validate) {
        const verdict = checkServerMessage(document, update, undefined, 'a client');
        if (!verdict.ok) {
          rejected++;
          stats.refusedMessage = true;
          log(`${stamp()} ${stats.address} ${verdict.reason} Disconnected.`);
          connection.close({ code: 4400, reason: TEAM_SERVER_REASONS.rejected });
          return new Promise<void>(() => {});
        }
      }
      try {
        const message = new IncomingMessage(update);
        message.writeVarString(message.readVarString());
        new MessageReceiver(message).apply(document, connection);
      } catch (e) {
        stats.refusedMessage = true;
        log(`${stamp()} ${stats.address} could not apply a message (${String(e)}). Disconnected.`);
        connection.close({ code: 4400, reason: TEAM_SERVER_REASONS.rejected });
      }
      return new Promise<void>(() => {});
    },
    async onDisconnect({ documentName, context }) {
      const stats = (context as { stats?: ConnectionStats }).stats;
      // Hocuspocus 3 can report one closing twice: a client that leaves while its presence
      // is still shared (the app keeps it for peer to peer) makes the server send that
      // presence's removal on the closing socket, which closes the connection again from
      // inside its own close. One line and one less connection per connection.
      if (!stats || stats.ended) return;
      stats.ended = true;
      connections = Math.max(0, connections - 1);
      const seconds = ((Date.now() - stats.since) / 1000).toFixed(1);
      log(
        `${stamp()} ${stats.address} workspace ${documentName.slice(0, 8)}… ${seconds} s, ` +
          `${stats.messages} messages, ${kib(stats.bytes)} in`,
      );
    },
  };

  const extensions: Extension[] = [
    cadence,
    new Database({
      fetch: async ({ documentName }) => store.load(documentName),
      store: async ({ documentName, state }) => store.store(documentName, state),
    }),
  ];
  if (opts.redis) extensions.push(new Redis(redisOptions(opts.redis)));

  const server = new Server(
    {
      name: 'cadence',
      address: opts.host ?? '127.0.0.1',
      port: opts.port ?? 1234,
      quiet: true,
      stopOnSignals: false,
      debounce: opts.snapshotDebounceMs ?? 2_000,
      maxDebounce: 10_000,
      extensions,
    },
    { maxPayload: opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES },
  );
  // Hocuspocus logs a stack trace for each socket error (an oversize message is one): one line.
  server.webSocketServer.removeAllListeners('connection');
  server.webSocketServer.on('connection', (incoming, request: HttpRequest) => {
    incoming.setMaxListeners(Number.POSITIVE_INFINITY);
    incoming.on('error', (error: Error & { code?: string }) => {
      log(
        `${stamp()} ${clientAddress(request)} disconnected: ${error.message} (${error.code ?? 'error'})`,
      );
    });
    server.hocuspocus.handleConnection(incoming, request);
  });
  try {
    await server.listen(opts.port ?? 1234);
  } catch (e) {
    store.close();
    throw e;
  }
  const { port } = server.address;
  const host = opts.host ?? '127.0.0.1';
  let closing: Promise<void> | null = null;
  return {
    host,
    port,
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stats: () => ({
      connections,
      documents: server.hocuspocus.getDocumentsCount(),
      refused,
      rejected,
    }),
    close: () =>
      (closing ??= (async () => {
        // Closing every connection unloads each document, which writes its snapshot first.
        await server.destroy();
        store.close();
      })()),
  };
}

function redisOptions(url: string): { host: string; port: number; options?: object } {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw new Error('A Redis address looks like redis://127.0.0.1:6379.');
  const options: Record<string, unknown> = {};
  if (u.password) options.password = decodeURIComponent(u.password);
  if (u.username) options.username = decodeURIComponent(u.username);
  if (u.protocol === 'rediss:') options.tls = {};
  const db = u.pathname.replace(/^\//, '');
  if (db) options.db = Number(db);
  return { host: u.hostname, port: Number(u.port || 6379), options };
}

// Behind a reverse proxy the peer address is the proxy's; it forwards the client's.
function clientAddress(request: HttpRequest): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || request.socket.remoteAddress || 'unknown';
}

function stamp(): string {
  return new Date().toISOString();
}

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}
