#!/usr/bin/env node
// Cadence team server (Hocuspocus) for a workspace's asynchronous sync:
//   npm run server -- --host 0.0.0.0 --port 1234 --database cadence-team.sqlite
// Bundles server/teamServer.ts on the fly with esbuild (like npm run signal) and runs it.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `Cadence team server (Hocuspocus 3, SQLite)

Usage: npm run server -- [options]

  --host <address>          interface to listen on (default 127.0.0.1; 0.0.0.0 for the network)
  --port <number>           port (default 1234; 0 picks a free one)
  --database <file>         SQLite file (default cadence-team.sqlite in the current folder)
  --redis <url>             redis://host:port shared by several server processes (scale-out)
  --max-message-bytes <n>   disconnect a client sending a bigger message (default 16777216)
  -h, --help                show this help

Teammates add ws://<host>:<port> (or wss://… behind a reverse proxy with TLS) as the team
server of a workspace in the app's sync panel; the invite carries it and the workspace's token.
The server holds workspaces in plaintext: run it yourselves (docs/team-server.md). Ctrl+C stops
it after writing every open workspace.`;

function fail(message) {
  console.error(`server: ${message}\n\n${HELP}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '1234' },
      database: { type: 'string', default: 'cadence-team.sqlite' },
      redis: { type: 'string' },
      'max-message-bytes': { type: 'string' },
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
const maxMessageBytes = int('max-message-bytes', 1024, 256 * 1024 * 1024);
if (args.redis !== undefined && !/^rediss?:\/\/[^\s]+$/.test(args.redis))
  fail('--redis looks like redis://127.0.0.1:6379');

// Bundle next to node_modules so the bundle's bare imports (@hocuspocus/*, better-sqlite3) resolve.
const outfile = join(root, 'node_modules', '.cache', 'cadence-server', `server-${process.pid}.mjs`);
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(root, 'server', 'teamServer.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
});
const { startTeamServer } = await import(pathToFileURL(outfile).href);

const database = resolve(args.database);
let server;
try {
  server = await startTeamServer({
    host: args.host,
    port,
    database,
    redis: args.redis,
    maxMessageBytes,
  });
} catch (e) {
  const hint = e.code === 'EADDRINUSE' ? ' (the port is in use: choose another with --port)' : '';
  console.error(`server: could not start on ${args.host}:${port}: ${e.message}${hint}`);
  process.exit(1);
}
console.log(`Cadence team server listening on ${server.url}`);
console.log(
  `Workspaces are stored in ${database}${args.redis ? `; scaling out through ${args.redis}` : ''}`,
);
if (server.host === '0.0.0.0' || server.host === '::') {
  console.log(
    `Teammates use ws://<this machine's address>:${server.port} (wss:// behind a TLS proxy)`,
  );
}

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  const s = server.stats();
  console.log(`\n${signal}: closing (${s.connections} connected, ${s.documents} workspaces open)`);
  await server.close();
  console.log('All workspaces written. Bye.');
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
