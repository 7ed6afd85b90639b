import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSignalingServer, type SignalingOptions, type SignalingServer } from './server';

interface TestClient {
  ws: WebSocket;
  next(): Promise<Record<string, unknown>>;
  send(value: unknown): void;
  closed: Promise<number>;
}

const open: SignalingServer[] = [];
const sockets: WebSocket[] = [];

async function start(limits: SignalingOptions['limits'] = {}): Promise<SignalingServer> {
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, limits });
  open.push(server);
  return server;
}

function connect(server: SignalingServer, opts: { autoPong?: boolean } = {}): Promise<TestClient> {
  const ws = new WebSocket(server.address, { autoPong: opts.autoPong ?? true });
  sockets.push(ws);
  const queue: Record<string, unknown>[] = [];
  const waiting: ((m: Record<string, unknown>) => void)[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as Record<string, unknown>;
    const w = waiting.shift();
    if (w) w(m);
    else queue.push(m);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        ws,
        closed,
        send: (value) => ws.send(typeof value === 'string' ? value : JSON.stringify(value)),
        next: () =>
          new Promise((res) => {
            const m = queue.shift();
            if (m) res(m);
            else waiting.push(res);
          }),
      }),
    );
  });
}

// The server answers pings in order, so a pong proves every earlier message was processed.
async function roundTrip(c: TestClient): Promise<void> {
  c.send({ type: 'ping' });
  expect(await c.next()).toEqual({ type: 'pong' });
}

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

describe('signaling endpoint', () => {
  it('binds to the chosen interface and answers ping with pong', async () => {
    const server = await start();
    expect(server.address).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(server.host).toBe('127.0.0.1');
    const c = await connect(server);
    await roundTrip(c);
  });

  it('forwards a publish to every subscriber of the topic, sender included', async () => {
    const server = await start();
    const [a, b, other] = await Promise.all([connect(server), connect(server), connect(server)]);
    a.send({ type: 'subscribe', topics: ['room-1'] });
    b.send({ type: 'subscribe', topics: ['room-1'] });
    other.send({ type: 'subscribe', topics: ['room-2'] });
    await Promise.all([roundTrip(a), roundTrip(b), roundTrip(other)]);
    a.send({ type: 'publish', topic: 'room-1', data: 'hello' });
    const expected = { type: 'publish', topic: 'room-1', data: 'hello', clients: 2 };
    expect(await a.next()).toEqual(expected);
    expect(await b.next()).toEqual(expected);
    await roundTrip(other); // nothing for room-2 arrived before the pong
    expect(server.stats()).toMatchObject({ connections: 3, topics: 2 });
  });

  it('stops forwarding after unsubscribe and forgets topics of closed connections', async () => {
    const server = await start();
    const [a, b] = await Promise.all([connect(server), connect(server)]);
    a.send({ type: 'subscribe', topics: ['room-1'] });
    b.send({ type: 'subscribe', topics: ['room-1'] });
    await Promise.all([roundTrip(a), roundTrip(b)]);
    b.send({ type: 'unsubscribe', topics: ['room-1'] });
    await roundTrip(b);
    a.send({ type: 'publish', topic: 'room-1', data: 1 });
    expect(await a.next()).toMatchObject({ clients: 1 });
    await roundTrip(b);
    a.ws.close();
    await a.closed;
    await roundTrip(b);
    expect(server.stats()).toMatchObject({ connections: 1, topics: 0 });
  });

  it('drops malformed messages without closing the connection', async () => {
    const server = await start();
    const c = await connect(server);
    const bad = [
      'not json {',
      '42',
      'null',
      '[1,2]',
      { type: 'dance' },
      { type: 'subscribe', topics: 'room-1' },
      { type: 'subscribe', topics: [42, null, { a: 1 }] },
      { type: 'publish' },
      { type: 'publish', topic: 7 },
      { type: 'subscribe', topics: ['x'.repeat(300)] },
    ];
    for (const m of bad) c.send(m);
    c.ws.send(Buffer.from([0xff, 0xfe, 0x00]));
    await roundTrip(c);
    expect(server.stats().dropped).toBeGreaterThanOrEqual(bad.length + 1);
    expect(server.stats().topics).toBe(0);
  });

  it('closes a connection that sends an oversized message and keeps serving others', async () => {
    const server = await start({ maxMessageBytes: 1024 });
    const [big, fine] = await Promise.all([connect(server), connect(server)]);
    big.send({ type: 'publish', topic: 'r', data: 'x'.repeat(5000) });
    expect(await big.closed).toBe(1009);
    await roundTrip(fine);
  });

  it('refuses connections beyond the cap', async () => {
    const server = await start({ maxConnections: 2 });
    await connect(server);
    await connect(server);
    await expect(connect(server)).rejects.toThrow(/503/);
    expect(server.stats().refusedConnections).toBe(1);
  });

  it('caps topics per connection', async () => {
    const server = await start({ maxTopicsPerConnection: 3 });
    const c = await connect(server);
    c.send({ type: 'subscribe', topics: ['a', 'b', 'c', 'd', 'e'] });
    await roundTrip(c);
    expect(server.stats().topics).toBe(3);
    c.send({ type: 'publish', topic: 'e', data: 1 });
    await roundTrip(c); // the pong comes first: nothing was forwarded for 'e'
  });

  it('closes a client that stops answering pings', async () => {
    const server = await start({ pingIntervalMs: 30 });
    const silent = await connect(server, { autoPong: false });
    const alive = await connect(server);
    await silent.closed;
    expect(server.stats().timedOut).toBeGreaterThanOrEqual(1);
    await roundTrip(alive);
  });

  it('close() ends every connection and frees the port', async () => {
    const server = await start();
    const c = await connect(server);
    await server.close();
    await c.closed;
    const again = await startSignalingServer({ host: '127.0.0.1', port: server.port });
    open.push(again);
    expect(again.port).toBe(server.port);
  });
});
