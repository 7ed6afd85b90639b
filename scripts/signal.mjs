#!/usr/bin/env node
// Standalone Cadence signaling endpoint for a team that prefers an always-on box:
//   npm run signal -- --host 0.0.0.0 --port 4444
// It runs the same code the desktop app hosts in its main process (electron/signaling/server.ts),
// bundled on the fly with esbuild.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `Cadence signaling endpoint (y-webrtc protocol)

Usage: npm run signal -- [options]

  --host <address>          interface to listen on (default 127.0.0.1, this computer only;
                            0.0.0.0 for the whole LAN)
  --port <number>           port (default 4444; 0 picks a free one)
  --token <token>           access token connections must carry (default: one is made and
                            printed; or set CADENCE_SIGNAL_TOKEN). 22-128 of A-Z a-z 0-9 _ -
  --max-per-ip <n>          connections from one IP address (default 32)
  --publish-rate <n>        publishes per second per connection (default 50, burst 4×)
  --max-connections <n>     refuse connections beyond n (default 512)
  --max-message-bytes <n>   close a client sending a bigger message (default 1048576)
  --max-topics <n>          topics (rooms) per connection (default 64)
  --quiet                   do not log dropped messages
  -h, --help                show this help

Peers add the printed ws://<host>:<port>/?token=<token> to a workspace's signaling addresses
(invites carry it); connections without the token are refused. The endpoint only relays
encrypted handshakes; workspace content never passes through it. Ctrl+C stops it.`;

function fail(message) {
  console.error(`signal: ${message}\n\n${HELP}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4444' },
      'max-connections': { type: 'string' },
      'max-message-bytes': { type: 'string' },
      'max-topics': { type: 'string' },
      token: { type: 'string' },
      'max-per-ip': { type: 'string' },
      'publish-rate': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (e) {
  fail(e.message);
}
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

function int(name, min, max) {
  const raw = args[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

const port = int('port', 0, 65535);
const token =
  args.token ?? process.env.CADENCE_SIGNAL_TOKEN ?? randomBytes(18).toString('base64url');
if (!/^[A-Za-z0-9_-]{22,128}$/.test(token))
  fail('--token must be 22 to 128 characters of A-Z, a-z, 0-9, _ and -');
const publishRate = int('publish-rate', 1, 100_000);
const limits = Object.fromEntries(
  Object.entries({
    maxConnections: int('max-connections', 1, 100_000),
    maxMessageBytes: int('max-message-bytes', 1024, 64 * 1024 * 1024),
    maxTopicsPerConnection: int('max-topics', 1, 10_000),
    maxConnectionsPerIp: int('max-per-ip', 1, 100_000),
    publishPerSecond: publishRate,
    publishBurst: publishRate === undefined ? undefined : publishRate * 4,
  }).filter(([, v]) => v !== undefined),
);

// Bundle next to node_modules so the bundle's bare imports (ws) resolve.
const outfile = join(root, 'node_modules', '.cache', 'cadence-signal', 'server.mjs');
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(root, 'electron', 'signaling', 'server.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
});
const { startSignalingServer } = await import(pathToFileURL(outfile).href);

let server;
try {
  server = await startSignalingServer({
    host: args.host,
    port,
    limits,
    token,
    onWarning: args.quiet ? undefined : (m) => console.warn(`[${new Date().toISOString()}] ${m}`),
  });
} catch (e) {
  const hint = e.code === 'EADDRINUSE' ? ' (the port is in use: choose another with --port)' : '';
  console.error(`signal: could not listen on ${args.host}:${port}: ${e.message}${hint}`);
  process.exit(1);
}
console.log(`Cadence signaling endpoint listening on ${server.url}`);
console.log(`Access token: ${token} (connections without it are refused)`);
if (server.host === '0.0.0.0' || server.host === '::') {
  console.log(`Teammates use ws://<this machine's LAN address>:${server.port}/?token=${token}`);
} else if (server.host === '127.0.0.1' || server.host === '::1') {
  console.log('Only this computer can connect. Use --host 0.0.0.0 to open it to the network.');
}

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  const s = server.stats();
  console.log(
    `\n${signal}: closing (${s.connections} connected, ${s.messagesIn} messages relayed)`,
  );
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
