import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../shared/ipc/contract';
import { createInvokeHandlers } from './handlers';
import { registerInvokeHandlers, validateInvoke } from './register';

const origin = { protocol: 'app:', host: 'cadence' };
const fromApp = { senderFrame: { url: 'app://cadence/index.html', parent: null } };
const fromElsewhere = { senderFrame: { url: 'https://evil.example/', parent: null } };

function setup() {
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipc = { handle: (channel: string, l: never) => listeners.set(channel, l) };
  const saveDeps = {
    chooseSavePath: vi.fn(async () => '/home/ana/Documents/plan.ics'),
    writeFile: vi.fn(async () => undefined),
    defaultDir: '/home/ana/Documents',
  };
  const handlers = createInvokeHandlers({
    app: { name: 'Cadence', version: '0.1.0', platform: 'linux' },
    saveDepsFor: () => saveDeps,
    entryUrl: 'app://cadence/index.html',
    openPrintPage: async () => ({
      isReady: async () => true,
      documentInfo: async () => ({ title: '', author: '', subject: '' }),
      print: async () => new Uint8Array([37, 80, 68, 70]),
      close: () => {},
    }),
    openDepsFor: () => ({
      chooseOpenPath: async () => '/home/ana/Documents/linen.cadence',
      fileSize: async () => 4,
      readFile: async () => new Uint8Array([1, 2, 3, 4]),
    }),
    backup: {
      root: '/unused',
      decode: async () => ({ ok: false, message: 'This is not a Cadence workspace file.' }),
      listDir: async () => [],
      writeFile: async () => undefined,
      remove: async () => undefined,
      now: () => 0,
    },
    signaling: {
      host: async (req) => ({
        running: true,
        host: req.host,
        port: req.port,
        address: `ws://${req.host}:${req.port}`,
        shareAddresses: [],
        connections: 0,
      }),
      stop: async () => ({ running: false }),
      status: () => ({ running: false }),
    },
  });
  const log = vi.fn();
  registerInvokeHandlers(ipc, handlers, origin, log);
  const call = (channel: string, event: unknown, ...args: unknown[]) =>
    listeners.get(channel)!(event as IpcMainInvokeEvent, ...args);
  return { listeners, call, saveDeps, log };
}

describe('registerInvokeHandlers', () => {
  it('registers a handler for every channel of the contract', () => {
    expect([...setup().listeners.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('answers our own window', async () => {
    const { call } = setup();
    expect(await call('app:info', fromApp)).toEqual({
      name: 'Cadence',
      version: '0.1.0',
      platform: 'linux',
      isDesktop: true,
    });
  });

  it('refuses a call from any other page, and logs it', async () => {
    const { call, log, saveDeps } = setup();
    await expect(
      call('file:save-text', fromElsewhere, { defaultName: 'a.txt', content: 'x', filters: [] }),
    ).rejects.toThrow(/not the Cadence window/);
    expect(saveDeps.chooseSavePath).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('refuses malformed arguments with a message naming the problem, and saves nothing', async () => {
    const { call, saveDeps } = setup();
    await expect(call('file:save-text', fromApp, { defaultName: 'a.txt' })).rejects.toThrow(
      /Invalid arguments for "file:save-text"/,
    );
    await expect(call('app:info', fromApp, 'extra')).rejects.toThrow(/Invalid arguments/);
    await expect(
      call('file:save-text', fromApp, { defaultName: '../x', content: '', filters: [] }),
    ).rejects.toThrow(/cannot contain/);
    expect(saveDeps.writeFile).not.toHaveBeenCalled();
  });

  it('saves text through the dialog with valid arguments', async () => {
    const { call, saveDeps } = setup();
    const result = await call('file:save-text', fromApp, {
      defaultName: 'plan.ics',
      content: 'BEGIN:VCALENDAR',
      filters: [{ name: 'Calendar', extensions: ['ics'] }],
    });
    expect(result).toEqual({ ok: true, path: '/home/ana/Documents/plan.ics' });
    expect(saveDeps.writeFile).toHaveBeenCalledWith(
      '/home/ana/Documents/plan.ics',
      'BEGIN:VCALENDAR',
    );
  });

  it('prints a brief to the chosen file', async () => {
    const { call, saveDeps } = setup();
    const result = await call('pdf:print-brief', fromApp, {
      workspaceId: 'w_abc',
      dropId: 'd_123',
      pageSize: 'A4',
      version: 2,
      defaultName: 'maison-linen-brief-v2.pdf',
    });
    expect(result).toMatchObject({ ok: true });
    expect(saveDeps.writeFile).toHaveBeenCalledWith(
      '/home/ana/Documents/plan.ics',
      new Uint8Array([37, 80, 68, 70]),
    );
  });

  it('refuses a print request whose ids could change the print URL', async () => {
    const { call } = setup();
    await expect(
      call('pdf:print-brief', fromApp, {
        workspaceId: '../../evil',
        dropId: 'd_1',
        pageSize: 'A4',
        version: 1,
        defaultName: 'x.pdf',
      }),
    ).rejects.toThrow(/Not a Cadence id/);
  });
});

describe('binary files over IPC', () => {
  it('saves bytes and opens a file as bytes', async () => {
    const { call, saveDeps } = setup();
    const data = new Uint8Array([67, 65, 68]);
    await call('file:save-binary', fromApp, {
      defaultName: 'linen.cadence',
      data,
      filters: [{ name: 'Cadence workspace', extensions: ['cadence'] }],
    });
    expect(saveDeps.writeFile).toHaveBeenCalledWith('/home/ana/Documents/plan.ics', data);
    expect(await call('file:open-binary', fromApp, { filters: [] })).toEqual({
      ok: true,
      path: '/home/ana/Documents/linen.cadence',
      name: 'linen.cadence',
      data: new Uint8Array([1, 2, 3, 4]),
    });
  });

  it('refuses bytes sent as anything but bytes', async () => {
    const { call } = setup();
    await expect(
      call('file:save-binary', fromApp, { defaultName: 'a.cadence', data: [1, 2, 3], filters: [] }),
    ).rejects.toThrow(/Expected the file as bytes/);
    await expect(
      call('backup:write', fromApp, { workspaceId: 'w_1/../../x', file: new Uint8Array(1) }),
    ).rejects.toThrow(/Not a Cadence id/);
    // Forgetting backups never reaches outside the workspace's own folder.
    await expect(call('backup:forget', fromApp, { workspaceId: '../../x' })).rejects.toThrow(
      /Not a Cadence id/,
    );
  });

  it('refuses to keep a damaged file as a backup', async () => {
    const { call } = setup();
    expect(
      await call('backup:write', fromApp, { workspaceId: 'w_1', file: new Uint8Array(3) }),
    ).toEqual({
      ok: false,
      message: 'The backup was not written: This is not a Cadence workspace file.',
    });
  });
});

describe('signaling over IPC', () => {
  it('hosts on a valid address and refuses a host name or a bad port', async () => {
    const { call } = setup();
    expect(await call('signal:host', fromApp, { host: '0.0.0.0', port: 4444 })).toMatchObject({
      running: true,
      port: 4444,
    });
    await expect(
      call('signal:host', fromApp, { host: 'evil.example', port: 4444 }),
    ).rejects.toThrow(/IP address of this computer/);
    await expect(call('signal:host', fromApp, { host: '127.0.0.1', port: 70000 })).rejects.toThrow(
      /port/,
    );
    expect(await call('signal:status', fromApp)).toEqual({ running: false });
  });
});

describe('validateInvoke', () => {
  it('refuses a sub-frame of our own page', () => {
    const event = { senderFrame: { url: 'app://cadence/index.html', parent: {} } };
    expect(validateInvoke('app:info', event, [], origin)).toMatchObject({ ok: false });
  });

  it('refuses oversized text', () => {
    const huge = 'x'.repeat(20 * 1024 * 1024 + 1);
    const result = validateInvoke(
      'file:save-text',
      fromApp,
      [{ defaultName: 'a.txt', content: huge, filters: [] }],
      origin,
    );
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain('20 MB');
  });
});
