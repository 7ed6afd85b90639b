import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

/**
 * A signaling endpoint speaking y-webrtc's protocol (y-webrtc/bin/server.js): clients
 * `subscribe` / `unsubscribe` to topics (room names), `publish` to a topic (forwarded to every
 * subscriber, sender included, with `clients` set to the number of receivers), and `ping`
 * (answered with `pong`). It only relays encrypted handshakes between peers of a room: it never
 * sees workspace content. Unlike the bundled server it binds to a chosen interface and caps
 * what one client can make it do.
 */
export interface SignalingLimits {
  /** Largest accepted message; a bigger one closes that connection (1009). */
  maxMessageBytes: number;
  /** Connections beyond this are refused at the HTTP upgrade (503). */
  maxConnections: number;
  /** Topics one connection may be subscribed to at once; extra subscriptions are ignored. */
  maxTopicsPerConnection: number;
  /** Longest topic name accepted. */
  maxTopicLength: number;
  /** Interval of WebSocket pings; a client that missed the previous pong is closed. */
  pingIntervalMs: number;
  /** A client that lets this much outgoing data pile up is closed (it stopped reading). */
  maxBufferedBytes: number;
  /** Connections from one IP address beyond this are refused at the upgrade (503). */
  maxConnectionsPerIp: number;
  /**
   * Messages (publishes above all) one connection may send per second, on average; extra ones
   * are dropped unread, and a connection still flooding after 5 bursts' worth is closed.
   */
  publishPerSecond: number;
  /** Messages one connection may send in a burst (joining a room with many peers). */
  publishBurst: number;
  /** Log lines written per minute; the rest are counted and summed up in one line. */
  logLinesPerMinute: number;
}

export const DEFAULT_SIGNALING_LIMITS: SignalingLimits = {
  maxMessageBytes: 1024 * 1024,
  maxConnections: 512,
  maxTopicsPerConnection: 64,
  maxTopicLength: 256,
  pingIntervalMs: 30_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  // A team behind one NAT shares an address; y-webrtc opens one connection per tab.
  maxConnectionsPerIp: 32,
  // Joining a room of n peers publishes about 2n + candidates; 200 covers a large team.
  publishPerSecond: 50,
  publishBurst: 200,
  logLinesPerMinute: 20,
};

export interface SignalingStats {
  connections: number;
  topics: number;
  messagesIn: number;
  messagesOut: number;
  /** Malformed, oversized or otherwise refused messages. */
  dropped: number;
  refusedConnections: number;
  /** Connections closed for missing a pong or not reading. */
  timedOut: number;
  /** Messages dropped unread because their connection went over its rate. */
  rateLimited: number;
  /** Log lines left out by the log's own rate limit. */
  logSuppressed: number;
}

export interface SignalingServer {
  /** The endpoint's address, e.g. ws://127.0.0.1:4444 (without the token). */
  address: string;
  /** What peers put in their signaling list: the address with the access token. */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
  stats(): SignalingStats;
}

export interface SignalingOptions {
  /** 127.0.0.1 keeps the endpoint on this computer; 0.0.0.0 or an address opens it to a network. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  limits?: Partial<SignalingLimits>;
  /** Called for dropped messages and refused connections (the log), at most `logLinesPerMinute`. */
  onWarning?: (message: string) => void;
  /**
   * The access token: a connection must carry it in its URL, as `?token=<token>` or as the
   * path `/<token>`, or it is refused (401). The app's host and `npm run signal` always set one;
   * without it the endpoint is open (tests on loopback).
   */
  token?: string;
}

/** The URL peers use: the endpoint's address with the access token as a query parameter. */
export function signalingUrl(address: string, token: string | undefined): string {
  return token ? `${address}/?token=${encodeURIComponent(token)}` : address;
}

/** True when the upgrade request's URL carries `token` (query `token=` or the first path segment). */
export function requestHasToken(requestUrl: string | undefined, token: string): boolean {
  let url: URL;
  try {
    url = new URL(requestUrl ?? '/', 'ws://endpoint');
  } catch {
    return false;
  }
  const given = url.searchParams.get('token') ?? decodeURIComponent(url.pathname.slice(1));
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  // Constant time, so the token cannot be guessed a character at a time.
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A message of y-webrtc's signaling protocol, as the endpoint accepts it. */
export type SignalingMessage =
  | { type: 'subscribe' | 'unsubscribe'; topics: unknown[] }
  | { type: 'publish'; topic: string; message: Record<string, unknown> }
  | { type: 'ping' };

/**
 * Reads one incoming signaling message, or says why it is refused. Pure: the endpoint and its
 * fuzz tests run the same code on the same bytes.
 */
export function parseSignalingMessage(
  text: string,
  limits: Pick<SignalingLimits, 'maxTopicLength'> = DEFAULT_SIGNALING_LIMITS,
): { ok: true; message: SignalingMessage } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'not an object' };
  }
  const m = parsed as Record<string, unknown>;
  switch (m.type) {
    case 'subscribe':
    case 'unsubscribe':
      if (!Array.isArray(m.topics)) return { ok: false, reason: `${m.type} without a topic list` };
      return { ok: true, message: { type: m.type, topics: m.topics } };
    case 'publish':
      if (!isTopic(m.topic, limits)) return { ok: false, reason: 'publish without a valid topic' };
      return { ok: true, message: { type: 'publish', topic: m.topic, message: m } };
    case 'ping':
      return { ok: true, message: { type: 'ping' } };
    default:
      return { ok: false, reason: 'unknown message type' };
  }
}

/**
 * A log that writes at most `perMinute` lines a minute; what it leaves out is counted and
 * reported in one line when the next minute starts, so a flood of bad messages cannot fill
 * the disk or bury the lines that matter.
 */
export function rateLimitedLog(
  write: (line: string) => void,
  perMinute: number,
  now: () => number = Date.now,
): { log: (line: string) => void; suppressed: () => number } {
  let windowStart = now();
  let written = 0;
  let skipped = 0;
  let total = 0;
  return {
    log(line) {
      const t = now();
      if (t - windowStart >= 60_000) {
        if (skipped > 0) write(`… ${skipped} more log lines left out in the last minute.`);
        windowStart = t;
        written = 0;
        skipped = 0;
      }
      if (written < perMinute) {
        written++;
        write(line);
      } else {
        skipped++;
        total++;
      }
    },
    suppressed: () => total,
  };
}

interface Client {
  socket: WebSocket;
  ip: string;
  topics: Set<string>;
  alive: boolean;
  /** Token bucket for messages (publishes and the rest). */
  credit: number;
  refilledAt: number;
  /** Messages refused in a row for going over the rate. */
  overLimit: number;
}

/** Starts a signaling endpoint on `host:port`; resolves once it is listening. */
export async function startSignalingServer(options: SignalingOptions): Promise<SignalingServer> {
  const limits: SignalingLimits = { ...DEFAULT_SIGNALING_LIMITS, ...options.limits };
  const logger = rateLimitedLog(options.onWarning ?? (() => {}), limits.logLinesPerMinute);
  const warn = logger.log;
  const topics = new Map<string, Set<Client>>();
  const clients = new Set<Client>();
  const perIp = new Map<string, number>();
  const counters = {
    messagesIn: 0,
    messagesOut: 0,
    dropped: 0,
    refusedConnections: 0,
    timedOut: 0,
    rateLimited: 0,
  };

  const http = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('Cadence signaling endpoint');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });

  const refuse = (socket: Duplex, status: string, why: string) => {
    counters.refusedConnections++;
    warn(`Refused a connection: ${why}.`);
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  };

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (options.token !== undefined && !requestHasToken(req.url, options.token)) {
      return refuse(socket, '401 Unauthorized', `no valid access token from ${ip}`);
    }
    if (clients.size >= limits.maxConnections) {
      return refuse(socket, '503 Service Unavailable', `already ${clients.size} connected`);
    }
    if ((perIp.get(ip) ?? 0) >= limits.maxConnectionsPerIp) {
      return refuse(
        socket,
        '503 Service Unavailable',
        `${ip} already has ${limits.maxConnectionsPerIp} connections`,
      );
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, ip));
  });

  // Token bucket: `publishBurst` at once, refilled at `publishPerSecond`.
  function mayPublish(client: Client): boolean {
    const t = Date.now();
    client.credit = Math.min(
      limits.publishBurst,
      client.credit + ((t - client.refilledAt) / 1000) * limits.publishPerSecond,
    );
    client.refilledAt = t;
    if (client.credit < 1) return false;
    client.credit -= 1;
    return true;
  }

  function send(client: Client, data: string): void {
    const { socket } = client;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > limits.maxBufferedBytes) {
      counters.timedOut++;
      socket.terminate();
      return;
    }
    counters.messagesOut++;
    socket.send(data, (err) => {
      if (err) socket.terminate();
    });
  }

  function drop(reason: string): void {
    counters.dropped++;
    warn(`Dropped a message: ${reason}.`);
  }

  function unsubscribe(client: Client, topic: string): void {
    const subs = topics.get(topic);
    if (subs) {
      subs.delete(client);
      if (subs.size === 0) topics.delete(topic);
    }
    client.topics.delete(topic);
  }

  function onMessage(client: Client, raw: RawData): void {
    counters.messagesIn++;
    // Rate first, before any parsing: a flood costs the endpoint as little as possible, and a
    // connection that keeps flooding long after its burst is closed.
    if (!mayPublish(client)) {
      counters.rateLimited++;
      if (++client.overLimit > limits.publishBurst * 5) {
        warn(`Closed a connection from ${client.ip}: it kept sending over its rate.`);
        client.socket.terminate();
        return;
      }
      return drop(`${client.ip} sends faster than ${limits.publishPerSecond} messages/s`);
    }
    client.overLimit = 0;
    const parsed = parseSignalingMessage(rawText(raw), limits);
    if (!parsed.ok) return drop(parsed.reason);
    const m = parsed.message;
    switch (m.type) {
      case 'subscribe':
      case 'unsubscribe': {
        for (const topic of m.topics) {
          if (!isTopic(topic, limits)) {
            drop('a topic that is not a short string');
            continue;
          }
          if (m.type === 'unsubscribe') {
            unsubscribe(client, topic);
          } else if (!client.topics.has(topic)) {
            if (client.topics.size >= limits.maxTopicsPerConnection) {
              drop(`more than ${limits.maxTopicsPerConnection} topics on one connection`);
              continue;
            }
            client.topics.add(topic);
            let subs = topics.get(topic);
            if (!subs) topics.set(topic, (subs = new Set()));
            subs.add(client);
          }
        }
        return;
      }
      case 'publish': {
        const receivers = topics.get(m.topic);
        if (!receivers) return;
        const out = JSON.stringify({ ...m.message, clients: receivers.size });
        for (const receiver of receivers) send(receiver, out);
        return;
      }
      case 'ping':
        send(client, JSON.stringify({ type: 'pong' }));
        return;
    }
  }

  function onConnection(socket: WebSocket, ip: string): void {
    const client: Client = {
      socket,
      ip,
      topics: new Set(),
      alive: true,
      credit: limits.publishBurst,
      refilledAt: Date.now(),
      overLimit: 0,
    };
    clients.add(client);
    perIp.set(ip, (perIp.get(ip) ?? 0) + 1);
    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('message', (raw) => onMessage(client, raw));
    socket.on('error', (err) => {
      // Oversized frames and protocol errors end up here; ws closes the socket itself.
      drop(err.message);
    });
    socket.on('close', () => {
      for (const topic of [...client.topics]) unsubscribe(client, topic);
      clients.delete(client);
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left > 0) perIp.set(ip, left);
      else perIp.delete(ip);
    });
  }

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        counters.timedOut++;
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      try {
        client.socket.ping();
      } catch {
        client.socket.terminate();
      }
    }
  }, limits.pingIntervalMs);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  http.on('error', (err) => warn(`Signaling endpoint error: ${err.message}`));

  const bound = http.address() as AddressInfo;
  const urlHost =
    bound.family === 'IPv6' || bound.address.includes(':') ? `[${bound.address}]` : bound.address;
  let closing: Promise<void> | null = null;

  return {
    address: `ws://${urlHost}:${bound.port}`,
    url: signalingUrl(`ws://${urlHost}:${bound.port}`, options.token),
    host: bound.address,
    port: bound.port,
    stats: () => ({
      connections: clients.size,
      topics: topics.size,
      ...counters,
      logSuppressed: logger.suppressed(),
    }),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const client of clients) client.socket.terminate();
        wss.close();
        http.close(() => resolve());
        http.closeAllConnections();
      });
      return closing;
    },
  };
}

function isTopic(topic: unknown, limits: Pick<SignalingLimits, 'maxTopicLength'>): topic is string {
  return typeof topic === 'string' && topic.length > 0 && topic.length <= limits.maxTopicLength;
}

function rawText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw).toString('utf8');
}
