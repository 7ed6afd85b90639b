import { z } from 'zod';
import type { InvokeChannel, InvokeContract } from '../../../shared/ipc/contract';

// Every invoke channel's arguments, validated in main before a handler sees them. The
// `satisfies` below makes the compiler insist that each channel has a schema whose output
// matches the contract.

const MAX_TEXT_BYTES = 20 * 1024 * 1024;

/** A file name a user would accept: no folders, no control characters. */
export const fileNameSchema = z
  .string()
  .trim()
  .min(1, 'A file name is needed.')
  .max(200, 'Keep the file name under 200 characters.')
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  .refine((name) => !/[\\/\u0000-\u001f]/.test(name), 'A file name cannot contain / or \\.');

export const fileFiltersSchema = z
  .array(
    z.object({
      name: z.string().min(1).max(80),
      extensions: z
        .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/, 'An extension is letters and digits.'))
        .min(1)
        .max(10),
    }),
  )
  .max(10);

export const saveTextRequestSchema = z.object({
  defaultName: fileNameSchema,
  content: z.string().max(MAX_TEXT_BYTES, 'The file is too large to save (20 MB at most).'),
  filters: fileFiltersSchema,
});

/** Ids as the app makes them (random base-36 with a prefix); anything else is refused. */
const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a Cadence id.');

export const printBriefRequestSchema = z.object({
  workspaceId: idSchema,
  dropId: idSchema,
  pageSize: z.enum(['A4', 'Letter']),
  version: z.number().int().min(1).max(100_000),
  defaultName: fileNameSchema,
  view: z.enum(['brief', 'results']).optional(),
});

const MAX_BINARY_BYTES = 256 * 1024 * 1024;
const bytesSchema = z
  .instanceof(Uint8Array, { message: 'Expected the file as bytes.' })
  .refine((b) => b.byteLength <= MAX_BINARY_BYTES, 'The file is too large (256 MB at most).');

export const saveBinaryRequestSchema = z.object({
  defaultName: fileNameSchema,
  data: bytesSchema,
  filters: fileFiltersSchema,
});

export const openBinaryRequestSchema = z.object({
  title: z.string().max(120).optional(),
  filters: fileFiltersSchema,
});

export const backupWriteRequestSchema = z.object({
  workspaceId: idSchema,
  file: bytesSchema,
});

export const backupForgetRequestSchema = z.object({ workspaceId: idSchema });

export const signalHostRequestSchema = z.object({
  host: z.union([z.ipv4(), z.ipv6(), z.literal('localhost')], {
    error:
      'Give an IP address of this computer (127.0.0.1, 0.0.0.0 for every network, or one address).',
  }),
  port: z.number().int().min(0).max(65_535, 'A port is a number from 1024 to 65535.'),
});

export const invokeArgSchemas = {
  'app:info': z.tuple([]),
  'file:save-text': z.tuple([saveTextRequestSchema]),
  'pdf:print-brief': z.tuple([printBriefRequestSchema]),
  'file:save-binary': z.tuple([saveBinaryRequestSchema]),
  'file:open-binary': z.tuple([openBinaryRequestSchema]),
  'backup:write': z.tuple([backupWriteRequestSchema]),
  'backup:forget': z.tuple([backupForgetRequestSchema]),
  'signal:host': z.tuple([signalHostRequestSchema]),
  'signal:stop': z.tuple([]),
  'signal:status': z.tuple([]),
} satisfies { [C in InvokeChannel]: z.ZodType<InvokeContract[C]['args']> };
