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
}

export const DEFAULT_SIGNALING_LIMITS: SignalingLimits = {
  maxMessageBytes: 1024 * 1024,
  maxConnections: 512,
  maxTopicsPerConnection: 64,
  maxTopicLength: 256,
  pingIntervalMs: 30_000,
  maxBufferedBytes: 8 * 1024 * 1024,
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
}

export interface SignalingServer {
  /** The URL peers put in their signaling list, e.g. ws://127.0.0.1:4444. */
  address: string;
  host: string;
  port: number;
  close(): Promise<void>;
  stats(): SignalingStats;
}

export interface SignalingOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  limits?: Partial<SignalingLimits>;
  /** Called for dropped messages and refused connections (the log). */
  onWarning?: (message: string) => void;
}

interface Client {
  socket: WebSocket;
  topics: Set<string>;
  alive: boolean;
}

/** Starts a signaling endpoint on `host:port`; resolves once it is listening. */
export async function startSignalingServer(options: SignalingOptions): Promise<SignalingServer> {
  const limits: SignalingLimits = { ...DEFAULT_SIGNALING_LIMITS, ...options.limits };
  const warn = options.onWarning ?? (() => {});
  const topics = new Map<string, Set<Client>>();
  const clients = new Set<Client>();
  const counters = {
    messagesIn: 0,
    messagesOut: 0,
    dropped: 0,
    refusedConnections: 0,
    timedOut: 0,
  };

  const http = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('Cadence signaling endpoint');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (clients.size >= limits.maxConnections) {
      counters.refusedConnections++;
      warn(`Refused a connection: already ${clients.size} connected.`);
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws));
  });

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
    let message: unknown;
    try {
      message = JSON.parse(rawText(raw));
    } catch {
      return drop('not JSON');
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return drop('not an object');
    }
    const m = message as Record<string, unknown>;
    switch (m.type) {
      case 'subscribe':
      case 'unsubscribe': {
        if (!Array.isArray(m.topics)) return drop(`${m.type} without a topic list`);
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
        if (!isTopic(m.topic, limits)) return drop('publish without a valid topic');
        const receivers = topics.get(m.topic);
        if (!receivers) return;
        const out = JSON.stringify({ ...m, clients: receivers.size });
        for (const receiver of receivers) send(receiver, out);
        return;
      }
      case 'ping':
        send(client, JSON.stringify({ type: 'pong' }));
        return;
      default:
        return drop('unknown message type');
    }
  }

  function onConnection(socket: WebSocket): void {
    const client: Client = { socket, topics: new Set(), alive: true };
    clients.add(client);
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
    host: bound.address,
    port: bound.port,
    stats: () => ({
      connections: clients.size,
      topics: topics.size,
      ...counters,
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

function isTopic(topic: unknown, limits: SignalingLimits): topic is string {
  return typeof topic === 'string' && topic.length > 0 && topic.length <= limits.maxTopicLength;
}

function rawText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw).toString('utf8');
}
