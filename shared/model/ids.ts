/** Branded ids: random (crypto), never counters, so peers never collide. */
export type DropId = string & { readonly __brand: 'DropId' };
export type StageId = string & { readonly __brand: 'StageId' };
export type CreatorId = string & { readonly __brand: 'CreatorId' };
export type WorkspaceId = string & { readonly __brand: 'WorkspaceId' };

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id of `length` base-36 characters (16 chars ≈ 82 bits). */
export function randomId(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return out;
}

export const newDropId = (): DropId => `d_${randomId()}` as DropId;
export const newStageId = (): StageId => `s_${randomId()}` as StageId;
export const newCreatorId = (): CreatorId => `c_${randomId()}` as CreatorId;
export const newWorkspaceId = (): WorkspaceId => `w_${randomId()}` as WorkspaceId;
