import { createServer } from 'node:net';
import { preview } from 'vite';

/** A free TCP port on 127.0.0.1, picked by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningPreview {
  url: string;
  close: () => Promise<void>;
}

/** Serves the already-built renderer (dist/) with `vite preview` on 127.0.0.1. */
export async function startPreview(): Promise<RunningPreview> {
  const port = await freePort();
  const server = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const url = `http://127.0.0.1:${port}/`;
  return { url, close: () => server.close() };
}
