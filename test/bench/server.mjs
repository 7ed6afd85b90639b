/* global setInterval, clearInterval */
// Team-server benchmark (`npm run bench -- server`). Real processes on 127.0.0.1: team servers
// (`scripts/server.mjs`, SQLite), redis-server, a signaling endpoint, and people running the
// app's WorkspaceSync in their own Node processes (test/bench/server-peer.ts).
//  1. Edit → visible on the other person: peer to peer, through one server, and through two
//     server processes joined by Redis (A on one, B on the other), in alternating rounds so the
//     machine's load hits all three alike.
//  2. A crowd of N simulated clients (plain @hocuspocus/provider, test/bench/server-crowd.ts)
//     editing one workspace on one server: the server's CPU and memory, edit → visible at p95.
// Environment: CADENCE_BENCH_SERVER_EDITS (300 per mode), CADENCE_BENCH_SERVER_ROUNDS (10),
// CADENCE_BENCH_SERVER_CLIENTS (50), CADENCE_BENCH_SERVER_SECONDS (20),
// CADENCE_BENCH_SERVER_EDIT_EVERY_MS (500 per client). Prints figures, never fails on them.
import { build } from 'esbuild';
import { fork, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { freePort, median, p95 } from './_support.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cache = join(root, 'node_modules', '.cache', 'cadence-bench-server');
const EDITS = Number(process.env.CADENCE_BENCH_SERVER_EDITS ?? 300);
const ROUNDS = Number(process.env.CADENCE_BENCH_SERVER_ROUNDS ?? 10);
const CLIENTS = Number(process.env.CADENCE_BENCH_SERVER_CLIENTS ?? 50);
const SECONDS = Number(process.env.CADENCE_BENCH_SERVER_SECONDS ?? 20);
const EDIT_EVERY_MS = Number(process.env.CADENCE_BENCH_SERVER_EDIT_EVERY_MS ?? 500);
const INTERVAL_MS = 8;
const WARM_UP = 20;

const r2 = (x) => (x === undefined ? NaN : Math.round(x * 100) / 100);
const secret = () => randomBytes(16).toString('base64url');

async function bundle() {
  mkdirSync(cache, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  };
  for (const name of ['server-peer', 'server-crowd'])
    await build({
      ...common,
      entryPoints: [join(root, `test/bench/${name}.ts`)],
      outfile: join(cache, `${name}.mjs`),
    });
  await build({
    ...common,
    entryPoints: [join(root, 'electron/signaling/server.ts')],
    outfile: join(cache, 'signaling.mjs'),
  });
  return import(pathToFileURL(join(cache, 'signaling.mjs')).href);
}

/** A forked helper process driven by `{id, cmd}` messages. */
function helper(file) {
  const child = fork(join(cache, file), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 0;
  const waiting = new Map();
  child.on('message', (m) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.ok) w?.resolve(m.result);
    else w?.reject(new Error(m.error));
  });
  child.on('exit', (code, signal) =>
    waiting.forEach((w) => w.reject(new Error(`${file} exited (${code ?? signal})`))),
  );
  const send = (cmd) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      child.send({ id, cmd });
    });
  return {
    send,
    stop: async () => {
      if (child.exitCode !== null || !child.connected) return;
      await Promise.race([
        send({ op: 'stop' }).catch(() => {}),
        new Promise((r) => setTimeout(r, 2000)),
      ]);
      if (child.exitCode === null) child.kill();
    },
  };
}

/** `node scripts/server.mjs`, resolved once it listens. */
async function teamServer(database, redis) {
  const args = ['scripts/server.mjs', '--port', '0', '--database', database];
  if (redis) args.push('--redis', redis);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (ws:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`team server exited (${code}): ${out}`)));
  });
  return {
    url,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    },
  };
}

async function redisServer() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (/Ready to accept connections/.test(out)) resolve();
    });
    child.once('exit', () => reject(new Error(`redis-server exited: ${out}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** utime + stime in ms and RSS in MiB of a process, from /proc. */
function procSample(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuMs: ticks * 10, rssMiB: rss ? Number(rss[1]) / 1024 : NaN };
}

function settings({ signaling = [], server } = {}) {
  return {
    room: secret(),
    password: secret(),
    signaling,
    ice: [],
    enabled: true,
    ...(server ? { server } : {}),
  };
}

// Two people on `settingsA` / `settingsB` (same room and server document), connected.
async function pair(settingsA, settingsB) {
  const a = helper('server-peer.mjs');
  const b = helper('server-peer.mjs');
  const stop = () => Promise.all([a.stop(), b.stop()]);
  try {
    await a.send({ op: 'init', settings: settingsA, seed: true });
    await b.send({ op: 'init', settings: settingsB, seed: false });
    await Promise.all([a.send({ op: 'connected' }), b.send({ op: 'connected' })]);
    await b.send({ op: 'watch' });
    await a.send({ op: 'edits', count: WARM_UP, intervalMs: INTERVAL_MS, prefix: 'warm ' });
    return { a, b, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function round(p, prefix, count) {
  const { sent } = await p.a.send({ op: 'edits', count, intervalMs: INTERVAL_MS, prefix });
  const arrivals = await p.b.send({ op: 'arrivals', prefix, count });
  const lat = [];
  let lost = 0;
  sent.forEach((t0, i) => {
    const t1 = arrivals[`${prefix}${i}`];
    if (t1 === undefined || t1 < t0) lost++;
    else lat.push(t1 - t0);
  });
  return { lat, lost };
}

export default async function run({ log }) {
  const { startSignalingServer } = await bundle();
  const dir = mkdtempSync(join(tmpdir(), 'cadence-bench-server-'));
  const signaling = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  const redis = await redisServer();
  const single = await teamServer(join(dir, 'single.sqlite'));
  const one = await teamServer(join(dir, 'one.sqlite'), redis.url);
  const two = await teamServer(join(dir, 'two.sqlite'), redis.url);
  const pairs = {};
  const results = {};
  try {
    // 1. Latency, three ways, alternating rounds.
    const doc = () => ({ document: secret(), token: secret() });
    const p2p = settings({ signaling: [signaling.address] });
    const s1 = { ...doc(), url: single.url };
    const viaOne = settings({ server: s1 });
    const sr = doc();
    const viaRedisA = settings({ server: { ...sr, url: one.url } });
    const viaRedisB = { ...viaRedisA, server: { ...sr, url: two.url } };
    pairs['peer to peer'] = await pair(p2p, p2p);
    pairs['one server'] = await pair(viaOne, viaOne);
    pairs['two servers + Redis'] = await pair(viaRedisA, viaRedisB);
    const modes = Object.keys(pairs);
    const lat = Object.fromEntries(modes.map((m) => [m, []]));
    const lost = Object.fromEntries(modes.map((m) => [m, 0]));
    const perRound = Math.ceil(EDITS / ROUNDS);
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? modes : [...modes].reverse();
      for (const m of order) {
        const got = await round(pairs[m], `edit ${r}.`, perRound);
        lat[m].push(...got.lat);
        lost[m] += got.lost;
      }
    }
    log(
      `  edit → visible on the other person (${perRound * ROUNDS} title edits each, one every ${INTERVAL_MS} ms):`,
    );
    for (const m of modes) {
      results[m] = { median: r2(median(lat[m])), p95: r2(p95(lat[m])), lost: lost[m] };
      log(
        `    ${m.padEnd(22)} median ${r2(median(lat[m]))} ms, p95 ${r2(p95(lat[m]))} ms${lost[m] ? `, ${lost[m]} titles never shown on their own (merged into a later update)` : ''}`,
      );
    }
    await Promise.all(Object.values(pairs).map((p) => p.stop()));

    // 2. The crowd on one server.
    const crowdServer = await teamServer(join(dir, 'crowd.sqlite'));
    const crowd = helper('server-crowd.mjs');
    try {
      const idle = procSample(crowdServer.pid);
      await crowd.send({ op: 'start', url: crowdServer.url, ...doc(), clients: CLIENTS });
      const before = procSample(crowdServer.pid);
      const t0 = performance.now();
      let peakRss = before.rssMiB;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, procSample(crowdServer.pid).rssMiB);
      }, 500);
      const got = await crowd.send({ op: 'run', seconds: SECONDS, editEveryMs: EDIT_EVERY_MS });
      clearInterval(sampler);
      const after = procSample(crowdServer.pid);
      const wall = performance.now() - t0;
      const cpu = ((after.cpuMs - before.cpuMs) / wall) * 100;
      results.crowd = {
        clients: CLIENTS,
        edits: got.edits,
        perSecond: r2(got.edits / SECONDS),
        median: r2(median(got.lat)),
        p95: r2(p95(got.lat)),
        lost: got.lost,
        serverCpuPercent: r2(cpu),
        serverRssIdleMiB: r2(idle.rssMiB),
        serverRssPeakMiB: r2(peakRss),
      };
      log(
        `  ${CLIENTS} clients on one server, each editing every ${EDIT_EVERY_MS} ms for ${SECONDS} s (${got.edits} edits, ${r2(got.edits / SECONDS)}/s):`,
      );
      log(
        `    edit → visible to an observer: median ${r2(median(got.lat))} ms, p95 ${r2(p95(got.lat))} ms${got.lost ? `, ${got.lost} not seen` : ''}`,
      );
      log(
        `    server CPU ${r2(cpu)} % of one core (wall ${Math.round(wall / 1000)} s incl. 2 s drain); RSS ${r2(idle.rssMiB)} MiB idle, ${r2(peakRss)} MiB peak`,
      );
    } finally {
      await crowd.stop();
      await crowdServer.stop();
    }
  } finally {
    await Promise.all(Object.values(pairs).map((p) => p.stop()));
    await Promise.all([single.stop(), one.stop(), two.stop()]);
    redis.stop();
    await signaling.close();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run({ log: console.log });
  process.exit(0);
}
