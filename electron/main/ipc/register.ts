import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { InvokeChannel, InvokeContract } from '../../../shared/ipc/contract';
import { isTrustedSender, type IpcSenderLike, type TrustedOrigin } from '../security/origin';
import { invokeArgSchemas } from './schemas';

/** A handler gets arguments already validated, and the event (for the sender's window). */
export type InvokeHandlers = {
  [C in InvokeChannel]: (
    event: IpcMainInvokeEvent,
    ...args: InvokeContract[C]['args']
  ) => Promise<InvokeContract[C]['result']> | InvokeContract[C]['result'];
};

/** The part of `ipcMain` we use, so tests can pass a fake. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

export class IpcRejection extends Error {
  override name = 'IpcRejection';
}

/**
 * Registers one `ipcMain.handle` per channel of the contract. Every call is checked first:
 * the sender must be the top frame of our renderer, and the arguments must match the
 * channel's schema; otherwise the renderer's promise rejects with a clear message.
 */
export function registerInvokeHandlers(
  ipc: IpcMainLike,
  handlers: InvokeHandlers,
  origin: TrustedOrigin,
  log: (message: string) => void,
): void {
  for (const channel of Object.keys(invokeArgSchemas) as InvokeChannel[]) {
    ipc.handle(channel, async (event, ...args) => {
      const parsed = validateInvoke(channel, event, args, origin);
      if (!parsed.ok) {
        log(parsed.message);
        throw new IpcRejection(parsed.message);
      }
      const handler = handlers[channel] as (e: IpcMainInvokeEvent, ...a: unknown[]) => unknown;
      return handler(event, ...parsed.args);
    });
  }
}

/** The sender and argument checks of one call, as a pure function. */
export function validateInvoke(
  channel: InvokeChannel,
  event: IpcSenderLike,
  args: unknown[],
  origin: TrustedOrigin,
): { ok: true; args: unknown[] } | { ok: false; message: string } {
  if (!isTrustedSender(event, origin)) {
    const from = event.senderFrame?.url ?? 'a closed frame';
    return {
      ok: false,
      message: `Refused "${channel}" from ${from.slice(0, 200)}: not the Cadence window.`,
    };
  }
  const schema: z.ZodType<unknown[]> = invokeArgSchemas[channel];
  const result = schema.safeParse(args);
  if (!result.success) {
    return {
      ok: false,
      message: `Invalid arguments for "${channel}": ${z.prettifyError(result.error)}`,
    };
  }
  return { ok: true, args: result.data };
}
