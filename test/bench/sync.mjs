// Sync benchmark: Node peers (@roamhq/wrtc) over a signaling endpoint on 127.0.0.1, each in
// its own process. Measures, for Cadence's WorkspaceSync and for bare y-webrtc carrying the
// same edits: edit-to-remote-visible latency (median, p95), bytes sent per edit, and the time
// to converge after two peers each made 1,000 edits offline. Prints figures, never fails on
// them. Run alone with `node test/bench/sync.mjs`, or as a section of `npm run bench`.
// Environment: CADENCE_BENCH_SYNC_EDITS (600 per mode), CADENCE_BENCH_SYNC_ROUNDS (20 per mode),
// CADENCE_BENCH_SYNC_WARMUP (20 per pair), CADENCE_BENCH_SYNC_OFFLINE (1,000 per peer),
// CADENCE_BENCH_SYNC_CONVERGE_RUNS (3; 0 skips convergence, bare y-webrtc's too),
// CADENCE_BENCH_SYNC_SKIP_LATENCY=1 (no pair latency),
// CADENCE_BENCH_SYNC_MESH (room sizes of the mesh rounds, "3,6,10"; "0" skips them),
// CADENCE_BENCH_SYNC_MESH_BARE (room sizes also run with bare y-webrtc peers, "6"; "0": none),
// CADENCE_BENCH_SYNC_MESH_EDITS (200 per room size), CADENCE_BENCH_SYNC_IDLE_MS (5,000).
import { build } from 'esbuild';
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash, randomBytes } from 'node:crypto';

const root = fileURLToPath(new URL('../..', import.meta.url));
// One bundle per checkout: node_modules may be shared by several checkouts, and comparing two
// builds means running both benches side by side.
const checkout = `${basename(root)}-${createHash('sha1').update(root).digest('hex').slice(0, 8)}`;
const cache = join(root, 'node_modules', '.cache', 'cadence-bench-sync', checkout);

const EDITS = Number(process.env.CADENCE_BENCH_SYNC_EDITS ?? 600);
const OFFLINE_EDITS = Number(process.env.CADENCE_BENCH_SYNC_OFFLINE ?? 1000);
const INTERVAL_MS = 8;
// Latency rounds per mode (raw and Cadence take turns, EDITS / ROUNDS edits each).
const ROUNDS = Number(process.env.CADENCE_BENCH_SYNC_ROUNDS ?? 20);
// Edits each pair makes before measuring (JIT, the first sync).
const WARM_UP = Number(process.env.CADENCE_BENCH_SYNC_WARMUP ?? 20);
const CONVERGE_RUNS = Number(process.env.CADENCE_BENCH_SYNC_CONVERGE_RUNS ?? 3);
const MESH_SIZES = (process.env.CADENCE_BENCH_SYNC_MESH ?? '3,6,10')
  .split(',')
  .map(Number)
  .filter((n) => n >= 2);
const MESH_EDITS = Number(process.env.CADENCE_BENCH_SYNC_MESH_EDITS ?? 200);
// Room sizes also measured with bare y-webrtc peers: what the mesh itself costs on this machine.
const MESH_BARE_SIZES = (process.env.CADENCE_BENCH_SYNC_MESH_BARE ?? '6')
  .split(',')
  .map(Number)
  .filter((n) => n >= 2);
// Edits in a mesh round leave one every this many ms (each reaches every other peer).
const MESH_INTERVAL_MS = 20;
const IDLE_MS = Number(process.env.CADENCE_BENCH_SYNC_IDLE_MS ?? 5000);

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
// The middle value, or the mean of the two middle ones.
const middle = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const r1 = (x) => Math.round(x * 100) / 100;

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
  await build({
    ...common,
    entryPoints: [join(root, 'test/bench/sync-peer.ts')],
    outfile: join(cache, 'peer.mjs'),
  });
  await build({
    ...common,
    entryPoints: [join(root, 'electron/signaling/server.ts')],
    outfile: join(cache, 'server.mjs'),
  });
  return import(pathToFileURL(join(cache, 'server.mjs')).href);
}

function peer() {
  const child = fork(join(cache, 'peer.mjs'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const waiting = new Map();
  child.on('message', (m) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.ok) w?.resolve(m.result);
    else w?.reject(new Error(m.error));
  });
  child.on('exit', (code, signal) =>
    waiting.forEach((w) => w.reject(new Error(`peer exited (${code ?? signal})`))),
  );
  child.on('error', () => {});
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

const secret = () => randomBytes(16).toString('base64url');
const within = (promise, ms, what) =>
  Promise.race([
    promise,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms),
    ),
  ]);

// Starts a connected pair of peers (`mode`: Cadence's WorkspaceSync or bare y-webrtc). A pair
// that does not connect (now and then two fresh y-webrtc peers never open their connection,
// or a test-only wrtc process dies) is replaced, in a new room, up to twice: connecting is
// not what this benchmark measures. Each retry is logged.
async function startPair(mode, address, log = () => {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPairOnce(mode, address);
    } catch (e) {
      if (attempt >= 3) throw e;
      log(`  (${mode} pair did not connect: ${e.message}; trying again in a new room)`);
    }
  }
}

// Two peers in a new room, connected to each other (`a` holds the seeded workspace).
async function connectedPair(mode, address) {
  const settings = {
    room: secret(),
    password: secret(),
    signaling: [address],
    ice: [],
    enabled: true,
  };
  const a = peer();
  const b = peer();
  const pair = { mode, a, b, stop: () => Promise.all([a.stop(), b.stop()]) };
  try {
    await a.send({ op: 'init', mode, settings, seed: true });
    await b.send({ op: 'init', mode, settings, seed: false });
    await within(
      Promise.all([a.send({ op: 'peers', n: 1 }), b.send({ op: 'peers', n: 1 })]),
      30_000,
      'connect',
    );
    return pair;
  } catch (e) {
    await pair.stop();
    throw e;
  }
}

async function startPairOnce(mode, address) {
  const pair = await connectedPair(mode, address);
  try {
    await pair.b.send({ op: 'watch' });
    await pair.a.send({ op: 'edits', count: WARM_UP, intervalMs: INTERVAL_MS, prefix: 'warm-up ' });
    return pair;
  } catch (e) {
    await pair.stop();
    throw e;
  }
}

// One round: `count` title edits on a, each timed until it is visible on b.
async function latencyRound(pair, round, count) {
  const prefix = `edit ${round}.`;
  const { sent, bytes } = await pair.a.send({
    op: 'edits',
    count,
    intervalMs: INTERVAL_MS,
    prefix,
  });
  const arrivals = await pair.b.send({ op: 'arrivals', prefix, count });
  const lat = [];
  let lost = 0;
  sent.forEach((t0, i) => {
    const t1 = arrivals[`${prefix}${i}`];
    if (t1 === undefined || t1 < t0) lost++;
    else lat.push(t1 - t0);
  });
  return { lat, bytes, lost };
}

/**
 * Latency of both modes, measured like for like: both pairs stay connected for the whole run
 * and take turns in short rounds (raw, Cadence, Cadence, raw, …), so a change in machine load
 * hits both sides alike. The median overhead is the median of per-round ratios (each Cadence
 * round against the raw round beside it); the p95 overhead compares the pooled samples (a
 * round is too short for its own p95).
 */
async function latencyRuns(address, log) {
  const pairs = {};
  try {
    pairs.raw = await startPair('raw', address, log);
    pairs.guarded = await startPair('guarded', address, log);
    const perRound = Math.ceil(EDITS / ROUNDS);
    const all = { raw: [], guarded: [] };
    const bytes = { raw: 0, guarded: 0 };
    const lost = { raw: 0, guarded: 0 };
    const ratios = [];
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? ['raw', 'guarded'] : ['guarded', 'raw'];
      const got = {};
      for (const mode of order) {
        got[mode] = await latencyRound(pairs[mode], r, perRound);
        all[mode].push(...got[mode].lat);
        bytes[mode] += got[mode].bytes;
        lost[mode] += got[mode].lost;
      }
      ratios.push(median(got.guarded.lat) / median(got.raw.lat));
    }
    const figures = {};
    for (const mode of ['raw', 'guarded']) {
      const n = all[mode].length + lost[mode];
      figures[mode] = {
        median: median(all[mode]),
        p95: p95(all[mode]),
        bytesPerEdit: bytes[mode] / n,
        lost: lost[mode],
      };
    }
    log(`  per-round overhead (median): ${ratios.map((x) => `${r1(x)}×`).join(' ')}`);
    return {
      figures,
      overhead: {
        median: middle(ratios),
        p95: figures.guarded.p95 / figures.raw.p95,
      },
    };
  } finally {
    await Promise.all(Object.values(pairs).map((p) => p.stop()));
  }
}

async function convergenceRun(mode, address, limitMs) {
  const pair = await connectedPair(mode, address);
  const { a, b } = pair;
  try {
    await b.send({ op: 'untilDrops', count: 1 });
    await Promise.all([
      a.send({ op: 'online', online: false }),
      b.send({ op: 'online', online: false }),
    ]);
    await Promise.all([
      a.send({ op: 'bulk', count: OFFLINE_EDITS, prefix: 'A offline ' }),
      b.send({ op: 'bulk', count: OFFLINE_EDITS, prefix: 'B offline ' }),
    ]);
    const total = 1 + 2 * OFFLINE_EDITS;
    const t0 = performance.timeOrigin + performance.now();
    const side = (p) =>
      p.send({ op: 'online', online: true }).then(() => p.send({ op: 'untilDrops', count: total }));
    const [doneA, doneB] = await within(Promise.all([side(a), side(b)]), limitMs, 'converge');
    const done = Math.max(doneA, doneB);
    const opened = [
      await a.send({ op: 'connectedAt' }),
      await b.send({ op: 'connectedAt' }),
    ].filter((x) => x !== null);
    const connectedAt = Math.max(...opened);
    return { total: done - t0, reconnect: connectedAt - t0, exchange: done - connectedAt };
  } finally {
    await pair.stop();
  }
}

// Runs `run` up to `attempts` times, telling `onRetry` of each failure before the last.
async function withRetries(run, onRetry, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt >= attempts) throw e;
      onRetry(e);
    }
  }
}

/**
 * One room of `n` peers (each its own process; `mode`: Cadence's WorkspaceSync or bare
 * y-webrtc), every one connected to every other (y-webrtc's mesh). Peers take turns editing a
 * drop's title; each edit is timed until it is visible at every other peer (the slowest of
 * them), and what all peers send meanwhile (the edit and y-webrtc's relays of it) is counted.
 * Then everyone sits idle, connected, and the CPU each process uses is read.
 */
async function meshRun(n, address, mode = 'guarded', connectMs = 90_000) {
  const settings = {
    room: secret(),
    password: secret(),
    signaling: [address],
    ice: [],
    enabled: true,
  };
  const peers = Array.from({ length: n }, () => peer());
  const stop = () => Promise.all(peers.map((p) => p.stop()));
  try {
    for (const [i, p] of peers.entries()) {
      await p.send({ op: 'init', mode, settings, seed: i === 0 });
      // Bare y-webrtc peers join one at a time: two announcing at once can leave a pair that
      // never connects (y-webrtc's glare, which Cadence resolves: glare.ts).
      if (mode === 'raw' && i > 0)
        await within(p.send({ op: 'peers', n: i }), connectMs, `connect peer ${i + 1} of ${n}`);
    }
    await within(
      Promise.all(peers.map((p) => p.send({ op: 'peers', n: n - 1 }))),
      connectMs,
      `connect ${n} peers`,
    );
    await Promise.all(peers.map((p) => p.send({ op: 'untilDrops', count: 1 })));
    await Promise.all(peers.map((p) => p.send({ op: 'watch' })));
    await peers[0].send({
      op: 'edits',
      count: WARM_UP,
      intervalMs: MESH_INTERVAL_MS,
      prefix: 'warm-up ',
    });
    const lat = [];
    let lost = 0;
    const bytesBefore = await Promise.all(peers.map((p) => p.send({ op: 'bytes' })));
    const cpuBefore = await Promise.all(peers.map((p) => p.send({ op: 'cpu' })));
    // Each peer edits in turn, MESH_EDITS in all.
    const perTurn = Math.ceil(MESH_EDITS / n);
    for (let turn = 0; turn < n; turn++) {
      const prefix = `edit m${turn}.`;
      const editor = peers[turn];
      const { sent } = await editor.send({
        op: 'edits',
        count: perTurn,
        intervalMs: MESH_INTERVAL_MS,
        prefix,
      });
      const seen = await Promise.all(
        peers
          .filter((_p, i) => i !== turn)
          .map((p) => p.send({ op: 'arrivals', prefix, count: perTurn })),
      );
      sent.forEach((t0, i) => {
        const at = seen.map((a) => a[`${prefix}${i}`]);
        if (at.some((t) => t === undefined || t < t0)) lost++;
        else lat.push(Math.max(...at) - t0);
      });
    }
    const bytesAfter = await Promise.all(peers.map((p) => p.send({ op: 'bytes' })));
    const cpuAfter = await Promise.all(peers.map((p) => p.send({ op: 'cpu' })));
    // Every peer ends with the same document (an edit counted as not seen everywhere was late,
    // or reached a peer only together with a later one, not lost), within 5 s.
    let agree = false;
    const until = performance.now() + 5000;
    while (!agree && performance.now() < until) {
      const states = await Promise.all(peers.map((p) => p.send({ op: 'state' })));
      agree = states.every((st) => st === states[0]);
      if (!agree) await new Promise((r) => setTimeout(r, 50));
    }
    const edits = perTurn * n;
    const sentBytes = bytesAfter.reduce((sum, b, i) => sum + b - bytesBefore[i], 0);
    // Idle: connected, nobody editing.
    const cpu0 = await Promise.all(peers.map((p) => p.send({ op: 'cpu' })));
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const cpu1 = await Promise.all(peers.map((p) => p.send({ op: 'cpu' })));
    const seconds = (performance.now() - t0) / 1000;
    const idle = cpu1.map((c, i) => (c - cpu0[i]) / 10 / seconds); // % of one core
    return {
      median: median(lat),
      p95: p95(lat),
      lost,
      edits,
      bytesPerEditPerPeer: sentBytes / edits / n,
      // CPU time of all peer processes over the edit rounds (ms), per edit and peer, in µs:
      // less sensitive to the machine's load than the latency.
      cpuPerEditPerPeerUs:
        (cpuAfter.reduce((sum, c, i) => sum + c - cpuBefore[i], 0) * 1000) / edits / n,
      idleCpuMedian: middle(idle),
      idleCpuMax: Math.max(...idle),
      agree,
    };
  } finally {
    await stop();
  }
}

/** Runs the section; returns named figures (ms, bytes). */
export default async function syncBench({ log = console.log } = {}) {
  const { startSignalingServer } = await bundle();
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  const figures = {};
  try {
    log(
      `  ${EDITS} edits, one every ${INTERVAL_MS} ms, between two Node peers over loopback WebRTC`,
    );
    if (!process.env.CADENCE_BENCH_SYNC_SKIP_LATENCY) {
      try {
        const { figures: byMode, overhead } = await latencyRuns(server.address, log);
        for (const mode of ['raw', 'guarded']) {
          const r = byMode[mode];
          figures[`${mode}LatencyMedianMs`] = r1(r.median);
          figures[`${mode}LatencyP95Ms`] = r1(r.p95);
          figures[`${mode}BytesPerEdit`] = Math.round(r.bytesPerEdit);
          log(
            `  ${mode === 'raw' ? 'bare y-webrtc   ' : 'Cadence sync    '} edit → visible on the peer: median ${r1(r.median)} ms, p95 ${r1(r.p95)} ms; ${Math.round(r.bytesPerEdit)} bytes sent per edit${r.lost ? `; ${r.lost} not seen` : ''}`,
          );
        }
        figures.latencyOverheadMedian = r1(overhead.median);
        figures.latencyOverheadP95 = r1(overhead.p95);
        log(
          `  overhead vs bare y-webrtc over ${ROUNDS} rounds each, taking turns: ${figures.latencyOverheadMedian}× (median of per-round ratios), ${figures.latencyOverheadP95}× (p95 of all edits)   [target ≤ 1.2×; median < 5 ms, p95 < 20 ms]`,
        );
      } catch (e) {
        log(`  latency: ${e.message}`);
      }
    }
    // Several runs: one catch-up is a few hundred ms of work on a shared machine.
    const runs = [];
    for (let i = 0; i < CONVERGE_RUNS; i++) {
      try {
        runs.push(await convergenceRun('guarded', server.address, 30_000));
      } catch (e) {
        log(`  Cadence sync     did not converge: ${e.message}`);
      }
    }
    if (runs.length > 0) {
      const pick = (k) => runs.map((r) => Math.round(r[k]));
      const range = (xs) =>
        xs.length > 1 ? ` (${Math.min(...xs)}–${Math.max(...xs)} over ${xs.length} runs)` : '';
      figures.guardedConvergeMs = median(pick('total'));
      figures.guardedReconnectMs = median(pick('reconnect'));
      figures.guardedExchangeMs = median(pick('exchange'));
      log(
        `  Cadence sync     back online after 2 × ${OFFLINE_EDITS} offline edits → converged in ${figures.guardedConvergeMs} ms${range(pick('total'))}; WebRTC reconnect ${figures.guardedReconnectMs} ms, then exchange ${figures.guardedExchangeMs} ms (medians)   [target < 1 s]`,
      );
    }
    if (CONVERGE_RUNS > 0)
      try {
        const r = await convergenceRun('raw', server.address, 10_000);
        figures.rawConvergeMs = Math.round(r.total);
        log(
          `  bare y-webrtc    back online after 2 × ${OFFLINE_EDITS} offline edits → converged in ${Math.round(r.total)} ms (WebRTC reconnect ${Math.round(r.reconnect)} ms, then exchange ${Math.round(r.exchange)} ms)`,
        );
      } catch (e) {
        log(
          `  bare y-webrtc    did not converge: ${e.message} (it sends the whole catch-up, ≈ 430 KB here, as one WebRTC message; Chromium and node-webrtc refuse messages over 256 KiB)`,
        );
      }
    for (const n of MESH_SIZES) {
      const bare = MESH_BARE_SIZES.includes(n);
      // The bare round first, then Cadence's: the two side by side in the output.
      if (bare)
        try {
          // Bare y-webrtc peers now and then never finish connecting (two peers announcing
          // to each other at once: the glare Cadence resolves, glare.ts); a new room, twice.
          const r = await withRetries(
            () => meshRun(n, server.address, 'raw', 30_000),
            (e) => log(`  (bare y-webrtc, ${n} peers did not connect: ${e.message}; again)`),
          );
          figures[`mesh${n}BareLatencyMedianMs`] = r1(r.median);
          figures[`mesh${n}BareLatencyP95Ms`] = r1(r.p95);
          figures[`mesh${n}BareCpuPerEditPerPeerUs`] = Math.round(r.cpuPerEditPerPeerUs);
          figures[`mesh${n}BareBytesPerEditPerPeer`] = Math.round(r.bytesPerEditPerPeer);
          log(
            `  bare y-webrtc, ${String(n).padStart(2)} peers in one room: edit → visible at every other peer: median ${r1(r.median)} ms, p95 ${r1(r.p95)} ms (${r.edits} edits${r.lost ? `, ${r.lost} not seen everywhere` : ''}${r.agree ? '' : '; THE PEERS DISAGREE at the end'}); ${Math.round(r.bytesPerEditPerPeer)} bytes sent per edit per peer; CPU ${Math.round(r.cpuPerEditPerPeerUs)} µs per edit per peer`,
          );
        } catch (e) {
          log(`  bare y-webrtc, ${n} peers in one room: ${e.message}`);
        }
      try {
        const r = await meshRun(n, server.address);
        figures[`mesh${n}LatencyMedianMs`] = r1(r.median);
        figures[`mesh${n}LatencyP95Ms`] = r1(r.p95);
        figures[`mesh${n}BytesPerEditPerPeer`] = Math.round(r.bytesPerEditPerPeer);
        figures[`mesh${n}IdleCpuPct`] = r1(r.idleCpuMedian);
        figures[`mesh${n}CpuPerEditPerPeerUs`] = Math.round(r.cpuPerEditPerPeerUs);
        log(
          `  Cadence sync, ${String(n).padStart(2)} peers in one room: edit → visible at every other peer: median ${r1(r.median)} ms, p95 ${r1(r.p95)} ms (${r.edits} edits${r.lost ? `, ${r.lost} not seen everywhere` : ''}${r.agree ? '' : '; THE PEERS DISAGREE at the end'}); ${Math.round(r.bytesPerEditPerPeer)} bytes sent per edit per peer; CPU ${Math.round(r.cpuPerEditPerPeerUs)} µs per edit per peer; idle CPU per peer ${r1(r.idleCpuMedian)} % of a core (max ${r1(r.idleCpuMax)} %)${n === 6 ? '   [target p95 < 5 ms]' : ''}`,
        );
      } catch (e) {
        log(`  Cadence sync, ${n} peers in one room: ${e.message}`);
      }
    }
  } finally {
    await server.close();
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await syncBench();
  process.exit(0);
}
