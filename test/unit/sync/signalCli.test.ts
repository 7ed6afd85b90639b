import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

describe('npm run signal', () => {
  it('prints its address, relays, and closes cleanly on Ctrl+C', async () => {
    const child = spawn(process.execPath, [
      'scripts/signal.mjs',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
    ]);
    let out = '';
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (ws:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    // The printed address carries the access token; the bare endpoint refuses a stranger.
    const token = new URL(address).searchParams.get('token');
    expect(address).toMatch(/\/\?token=[A-Za-z0-9_-]{22,}$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const stranger = new WebSocket(address.replace(/\/\?token=.*$/, ''));
    const [, res] = await once(stranger, 'unexpected-response');
    expect((res as { statusCode: number }).statusCode).toBe(401);
    const ws = new WebSocket(address);
    await once(ws, 'open');
    ws.send(JSON.stringify({ type: 'ping' }));
    const [pong] = await once(ws, 'message');
    expect(JSON.parse(String(pong))).toEqual({ type: 'pong' });
    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(out).toContain('closing');
  });

  it('explains its options and refuses a bad port', async () => {
    const help = spawn(process.execPath, ['scripts/signal.mjs', '--help']);
    let text = '';
    help.stdout.on('data', (d: Buffer) => (text += d.toString()));
    expect((await once(help, 'exit'))[0]).toBe(0);
    expect(text).toContain('--host');
    const bad = spawn(process.execPath, ['scripts/signal.mjs', '--port', 'abc']);
    let err = '';
    bad.stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect((await once(bad, 'exit'))[0]).toBe(2);
    expect(err).toContain('--port must be a whole number');
  });
});
