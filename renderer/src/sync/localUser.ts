import { z } from 'zod';
import { lazySchema } from '../../../shared/model/lazySchema';
import { APP_KEYS, type KeyValueStorage } from '../workspace/localKeys';

/** Who this person is to their teammates (presence, brief carets). Stored on this machine. */
export interface LocalUser {
  name: string;
  /** Hex colour; called `color` in presence because the rich-text caret extension reads that. */
  colour: string;
}

export const PRESENCE_COLOURS = [
  '#c2410c',
  '#b45309',
  '#4d7c0f',
  '#0f766e',
  '#0369a1',
  '#6d28d9',
  '#be185d',
  '#475569',
] as const;

const KEY = APP_KEYS.localUser;

export const localUserSchema = lazySchema(() =>
  z.object({
    name: z
      .string()
      .trim()
      .min(1, 'Tell your teammates who you are.')
      .max(40, 'Keep your name under 40 characters.'),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Pick a colour.'),
  }),
);

/** The stored identity, or null on first launch (the app then asks for a name). */
export function loadLocalUser(storage: KeyValueStorage): LocalUser | null {
  try {
    const parsed = localUserSchema().safeParse(JSON.parse(storage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Validates and stores the identity; throws with a message for the field. */
export function saveLocalUser(storage: KeyValueStorage, user: LocalUser): LocalUser {
  const parsed = localUserSchema().safeParse(user);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Invalid name.');
  storage.setItem(KEY, JSON.stringify(parsed.data));
  return parsed.data;
}

/** A random presence colour for someone who has not picked one. */
export function randomColour(): string {
  const [b] = globalThis.crypto.getRandomValues(new Uint8Array(1));
  return PRESENCE_COLOURS[b! % PRESENCE_COLOURS.length]!;
}
