// Real team-server processes (`npm run server`) and a real redis-server, started by the tests on
// 127.0.0.1 and stopped by them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export interface ServerProcess {
  url: string;
  port: number;
  /** Everything it printed. */
  output(): string;
  /** Ctrl+C (SIGINT) and wait for it to exit; resolves to its exit code. */
  interrupt(): Promise<number | null>;
  /** SIGKILL: no chance to write anything. */
  kill(): Promise<void>;
  child: ChildProcess;
}

/** A free TCP port on 127.0.0.1 (for processes that must come back on the same port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A fresh folder for SQLite files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cadence-team-'));
}

/** Runs `node scripts/server.mjs` and waits until it listens. */
export async function startServerProcess(opts: {
  database: string;
  port?: number;
  redis?: string;
  maxMessageBytes?: number;
}): Promise<ServerProcess> {
  const args = [
    'scripts/server.mjs',
    '--port',
    String(opts.port ?? 0),
    '--database',
    opts.database,
  ];
  if (opts.redis) args.push('--redis', opts.redis);
  if (opts.maxMessageBytes) args.push('--max-message-bytes', String(opts.maxMessageBytes));
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const m = /listening on (ws:\/\/\S+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`team server exited (${code}):\n${out}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    output: () => out,
    child,
    async interrupt() {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
}

/** redis-server (Debian package) on a free port, nothing saved to disk. */
export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/Ready to accept connections/.test(out)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', reject);
    void exited.then(() => reject(new Error(`redis-server exited:\n${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
