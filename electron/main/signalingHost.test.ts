import { createServer } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { startSignalingServer } from '../signaling/server';
import {
  createSignalingHost,
  explainListenError,
  shareableAddresses,
  type SignalingHost,
} from './signalingHost';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

const interfaces = {
  lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
  wlan0: [iface('192.168.1.20', 'IPv4'), iface('fe80::1', 'IPv6'), iface('2001:db8::20', 'IPv6')],
  eth0: [iface('10.0.0.5', 'IPv4')],
};

describe('shareableAddresses', () => {
  it('lists every LAN address for a wildcard bind, never loopback or link-local', () => {
    expect(shareableAddresses('0.0.0.0', 4444, interfaces)).toEqual([
      'ws://192.168.1.20:4444',
      'ws://10.0.0.5:4444',
    ]);
    expect(shareableAddresses('::', 4444, interfaces)).toEqual([
      'ws://192.168.1.20:4444',
      'ws://10.0.0.5:4444',
      'ws://[2001:db8::20]:4444',
    ]);
  });

  it('gives the bound address itself otherwise', () => {
    expect(shareableAddresses('192.168.1.20', 4444, interfaces)).toEqual([
      'ws://192.168.1.20:4444',
    ]);
    expect(shareableAddresses('::1', 4444, interfaces)).toEqual(['ws://[::1]:4444']);
  });
});

describe('explainListenError', () => {
  const req = { host: '192.168.9.9', port: 80 };
  const err = (code: string) => Object.assign(new Error(code), { code });
  it('says what to do about the usual failures', () => {
    expect(explainListenError(err('EADDRINUSE'), req)).toMatch(/already in use.*another port/);
    expect(explainListenError(err('EADDRNOTAVAIL'), req)).toMatch(
      /no network address 192\.168\.9\.9/,
    );
    expect(explainListenError(err('EACCES'), req)).toMatch(/from 1024 up/);
  });
});

const TOKEN = 'tok_0123456789abcdefghijkl';

describe('createSignalingHost (real endpoint on 127.0.0.1)', () => {
  const hosts: SignalingHost[] = [];
  const make = () => {
    const host = createSignalingHost({
      start: startSignalingServer,
      networkInterfaces: () => interfaces,
      log: vi.fn(),
      token: () => TOKEN,
    });
    hosts.push(host);
    return host;
  };
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.stop()));
  });

  it('starts, reports where teammates connect, counts them, and stops', async () => {
    const host = make();
    const status = await host.host({ host: '127.0.0.1', port: 0 });
    expect(status).toMatchObject({ running: true, host: '127.0.0.1', connections: 0 });
    if (!status.running) throw new Error('not running');
    // The address to share carries the access token; without it the endpoint refuses.
    expect(status.shareAddresses).toEqual([`${status.address}/?token=${TOKEN}`]);
    const stranger = new WebSocket(status.address);
    const refused = await new Promise<number>((resolve) =>
      stranger.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(refused).toBe(401);

    const ws = new WebSocket(status.shareAddresses[0]!);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ type: 'ping' }));
    const reply = await new Promise((resolve) =>
      ws.once('message', (d) => resolve(JSON.parse(String(d)))),
    );
    expect(reply).toEqual({ type: 'pong' });
    expect(host.status()).toMatchObject({ connections: 1 });

    const closed = new Promise((resolve) => ws.once('close', resolve));
    expect(await host.stop()).toEqual({ running: false });
    await closed;
    expect(host.status()).toEqual({ running: false });
  });

  it('keeps one endpoint: hosting again on the same place is a no-op, elsewhere moves it', async () => {
    const host = make();
    const first = await host.host({ host: '127.0.0.1', port: 0 });
    const again = await host.host({ host: '127.0.0.1', port: 0 });
    expect(again).toEqual(first);
    const moved = await host.host({ host: 'localhost', port: 0 });
    expect(moved).toMatchObject({ running: true });
    expect(moved.running && first.running && moved.address !== first.address).toBe(true);
  });

  it('explains a port already taken, and keeps running nothing', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const host = make();
      const status = await host.host({ host: '127.0.0.1', port });
      expect(status).toEqual({
        running: false,
        error: `Port ${port} is already in use on this computer. Choose another port.`,
      });
      expect(host.status()).toEqual({ running: false });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
