import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  parseSignalingMessage,
  rateLimitedLog,
  requestHasToken,
  startSignalingServer,
  type SignalingOptions,
  type SignalingServer,
} from './server';

// The endpoint on a shared network: strangers without the token, one address opening many
// sockets, one connection flooding publishes, and a flood of bad messages filling the log.
// All on 127.0.0.1.

const TOKEN = 'tok_0123456789abcdefghijkl';
const servers: SignalingServer[] = [];
const sockets: WebSocket[] = [];

async function start(options: Partial<SignalingOptions> = {}) {
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, ...options });
  servers.push(server);
  return server;
}

/** Opens a socket; resolves with it, or with the HTTP status the endpoint refused it with. */
function connect(url: string): Promise<WebSocket | number> {
  const ws = new WebSocket(url);
  sockets.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

async function open(url: string): Promise<WebSocket> {
  const ws = await connect(url);
  if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
  return ws;
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return once(ws, 'message').then(([d]) => JSON.parse(String(d)) as Record<string, unknown>);
}

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('signaling endpoint access token', () => {
  it('refuses a connection without the token (401) and accepts query or path', async () => {
    const server = await start({ token: TOKEN });
    expect(server.url).toBe(`${server.address}/?token=${TOKEN}`);
    expect(await connect(server.address)).toBe(401);
    expect(await connect(`${server.address}/?token=wrong`)).toBe(401);
    expect(await connect(`${server.address}/?token=${TOKEN}x`)).toBe(401);
    expect(typeof (await connect(server.url))).not.toBe('number');
    expect(typeof (await connect(`${server.address}/${TOKEN}`))).not.toBe('number');
    expect(server.stats().refusedConnections).toBe(3);
  });

  it('reads the token from a request URL strictly', () => {
    expect(requestHasToken(`/?token=${TOKEN}`, TOKEN)).toBe(true);
    expect(requestHasToken(`/${TOKEN}`, TOKEN)).toBe(true);
    expect(requestHasToken('/', TOKEN)).toBe(false);
    expect(requestHasToken(undefined, TOKEN)).toBe(false);
    expect(requestHasToken(`/?token=${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
  });
});

describe('signaling endpoint limits', () => {
  it('caps connections per IP address, and frees the slot when one closes', async () => {
    const server = await start({ limits: { maxConnectionsPerIp: 3 } });
    const first = await open(server.address);
    await open(server.address);
    await open(server.address);
    expect(await connect(server.address)).toBe(503);
    first.close();
    await once(first, 'close');
    await expect.poll(() => server.stats().connections).toBe(2);
    expect(typeof (await connect(server.address))).not.toBe('number');
  });

  it('drops publishes over the rate, while another client still gets its pong quickly', async () => {
    const server = await start({ limits: { publishPerSecond: 20, publishBurst: 40 } });
    const flooder = await open(server.address);
    const listener = await open(server.address);
    listener.send(JSON.stringify({ type: 'subscribe', topics: ['room'] }));
    await expect.poll(() => server.stats().topics).toBe(1);
    let received = 0;
    listener.on('message', () => received++);
    const payload = JSON.stringify({ type: 'publish', topic: 'room', data: 'x'.repeat(1000) });
    const closed = once(flooder, 'close');
    for (let i = 0; i < 5000; i++) flooder.send(payload);
    // The burst and a little refill got through; the rest was dropped unread, and the
    // connection that kept flooding was closed.
    await closed;
    expect(server.stats().rateLimited).toBeGreaterThan(200);
    await expect.poll(() => received).toBeGreaterThanOrEqual(40);
    expect(received).toBeLessThan(400);
    // An unrelated client is answered at once.
    const other = await open(server.address);
    const t0 = performance.now();
    other.send(JSON.stringify({ type: 'ping' }));
    expect(await nextMessage(other)).toEqual({ type: 'pong' });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('writes a bounded number of log lines for a flood of malformed messages', async () => {
    const lines: string[] = [];
    const server = await start({
      onWarning: (m) => lines.push(m),
      limits: { logLinesPerMinute: 10, publishBurst: 100_000 },
    });
    const ws = await open(server.address);
    for (let i = 0; i < 2000; i++) ws.send('not json');
    ws.send(JSON.stringify({ type: 'ping' }));
    expect(await nextMessage(ws)).toEqual({ type: 'pong' });
    expect(server.stats().dropped).toBe(2000);
    expect(lines).toHaveLength(10);
    expect(server.stats().logSuppressed).toBe(1990);
  });

  it('the log reports what it left out when the next minute starts', () => {
    let t = 0;
    const out: string[] = [];
    const log = rateLimitedLog(
      (l) => out.push(l),
      2,
      () => t,
    );
    for (let i = 0; i < 5; i++) log.log(`line ${i}`);
    expect(out).toEqual(['line 0', 'line 1']);
    t = 60_000;
    log.log('later');
    expect(out).toEqual([
      'line 0',
      'line 1',
      '… 3 more log lines left out in the last minute.',
      'later',
    ]);
  });

  it('parses messages as a pure function (the fuzzed path)', () => {
    expect(parseSignalingMessage('{"type":"ping"}')).toEqual({
      ok: true,
      message: { type: 'ping' },
    });
    expect(parseSignalingMessage('[]')).toMatchObject({ ok: false });
    expect(parseSignalingMessage('{"type":"publish","topic":""}')).toMatchObject({ ok: false });
    expect(parseSignalingMessage('{"type":"subscribe","topics":"a"}')).toMatchObject({ ok: false });
  });
});
