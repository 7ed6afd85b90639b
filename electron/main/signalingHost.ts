import type { NetworkInterfaceInfo } from 'node:os';
import type { SignalHostRequest, SignalStatus } from '../../shared/ipc/contract';
import { signalingUrl, type SignalingOptions, type SignalingServer } from '../signaling/server';

// "Host sync for my team on this network": one signaling endpoint in the main process, started,
// moved and stopped from the renderer's sync settings. It listens where the person chose (the
// sync panel offers this computer only, 127.0.0.1, until they pick the network) and requires
// the access token in every connection's URL; the addresses to share carry it.

export interface SignalingHostDeps {
  start(options: SignalingOptions): Promise<SignalingServer>;
  networkInterfaces(): NodeJS.Dict<NetworkInterfaceInfo[]>;
  log(message: string): void;
  /** The endpoint's access token, kept across restarts so invites keep working. */
  token(): string;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

function wsUrl(address: string, port: number): string {
  return `ws://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/**
 * The addresses teammates can reach: for a wildcard bind, one per external interface (IPv4
 * first, link-local IPv6 left out: it needs a zone id nobody wants to type); otherwise the
 * bound address itself.
 */
export function shareableAddresses(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
): string[] {
  if (!WILDCARDS.has(host)) return [wsUrl(host, port)];
  const all = Object.values(interfaces).flatMap((list) => list ?? []);
  const external = all.filter(
    (i) => !i.internal && !(i.family === 'IPv6' && i.address.startsWith('fe80:')),
  );
  const ipv4 = external.filter((i) => i.family === 'IPv4').map((i) => wsUrl(i.address, port));
  const ipv6 =
    host === '0.0.0.0'
      ? []
      : external.filter((i) => i.family === 'IPv6').map((i) => wsUrl(i.address, port));
  return [...new Set([...ipv4, ...ipv6])];
}

/** What went wrong when listening, in words a person can act on. */
export function explainListenError(error: unknown, req: SignalHostRequest): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${req.port} is already in use on this computer. Choose another port.`;
    case 'EADDRNOTAVAIL':
      return `This computer has no network address ${req.host}. Choose one of its own addresses, or 0.0.0.0 for all of them.`;
    case 'EACCES':
      return `Port ${req.port} needs administrator rights. Choose a port from 1024 up.`;
    default:
      return `The signaling endpoint could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export interface SignalingHost {
  host(req: SignalHostRequest): Promise<SignalStatus>;
  stop(): Promise<SignalStatus>;
  status(): SignalStatus;
}

export function createSignalingHost(deps: SignalingHostDeps): SignalingHost {
  let server: SignalingServer | null = null;
  let requested: SignalHostRequest | null = null;
  let token: string | undefined;
  // Calls are serialised: a second "host" while the first is still binding waits for it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const status = (): SignalStatus => {
    if (!server) return { running: false };
    return {
      running: true,
      host: server.host,
      port: server.port,
      address: server.address,
      shareAddresses: shareableAddresses(
        requested?.host ?? server.host,
        server.port,
        deps.networkInterfaces(),
      ).map((a) => signalingUrl(a, token)),
      connections: server.stats().connections,
    };
  };

  const stopNow = async (): Promise<void> => {
    const current = server;
    server = null;
    requested = null;
    if (current) await current.close();
  };

  return {
    host: (req) =>
      serial(async () => {
        if (
          server &&
          requested &&
          requested.host === req.host &&
          (req.port === 0 || req.port === server.port)
        ) {
          return status();
        }
        await stopNow();
        try {
          token = deps.token();
          server = await deps.start({
            host: req.host,
            port: req.port,
            onWarning: deps.log,
            token,
          });
          requested = req;
          deps.log(`Hosting signaling at ${server.address}`);
          return status();
        } catch (error) {
          return { running: false, error: explainListenError(error, req) };
        }
      }),
    stop: () =>
      serial(async () => {
        await stopNow();
        return status();
      }),
    status,
  };
}
