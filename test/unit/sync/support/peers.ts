import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { PeerCommand } from './peer';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
let bundled: Promise<string> | null = null;

/** Bundles the peer program once per test run (next to node_modules so imports resolve). */
export function bundlePeer(): Promise<string> {
  bundled ??= (async () => {
    const outfile = join(
      root,
      'node_modules',
      '.cache',
      'cadence-sync-peer',
      `peer-${process.pid}.mjs`,
    );
    mkdirSync(dirname(outfile), { recursive: true });
    await build({
      entryPoints: [join(root, 'test', 'unit', 'sync', 'support', 'peer.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
    return outfile;
  })();
  return bundled;
}

export interface PeerState {
  columns: string[][];
  stages: number;
  roots: string[];
  sync?: {
    state: string;
    peers: { name: string; openDropId: string | null; connection: string }[];
    unsent: boolean;
    unsentDropCount: number;
    lastSyncedAt: number | null;
    notices: string[];
    messages: string[];
    server: { url: string; state: string; message: string | null; allSent: boolean } | null;
  };
  log: string[];
}

export interface Peer {
  send(cmd: PeerCommand): Promise<unknown>;
  state(): Promise<PeerState>;
  stop(): Promise<void>;
  child: ChildProcess;
}

/** Starts a peer process. */
export async function startPeer(): Promise<Peer> {
  const file = await bundlePeer();
  const child = fork(file, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.ok) w?.resolve(m.result);
    else w?.reject(new Error(m.error));
  });
  let exit: string | null = null;
  child.on('exit', (code, signal) => {
    // A dying peer (e.g. a native WebRTC crash) fails the test at once, saying how it died.
    exit = `peer process exited (${signal ?? `code ${code}`})`;
    for (const w of waiting.values()) w.reject(new Error(exit));
    waiting.clear();
  });
  child.on('error', () => {});
  const send = (cmd: PeerCommand) =>
    new Promise<unknown>((resolve, reject) => {
      if (exit) return reject(new Error(exit));
      const id = next++;
      waiting.set(id, { resolve, reject });
      child.send({ id, cmd });
    });
  return {
    child,
    send,
    state: () => send({ op: 'state' }) as Promise<PeerState>,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      await send({ op: 'stop' }).catch(() => {});
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      if (child.exitCode === null) child.kill();
    },
  };
}

/** Polls until `check` passes (sync is asynchronous by nature); fails with the last error. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 40_000): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      last = e;
    }
    if (Date.now() - start > timeoutMs) throw last;
    await new Promise((r) => setTimeout(r, 50));
  }
}
