import { z } from 'zod';

// Who recorded a fact of a drop, or made an import, and how a "by …" line names them.

/** Who records a fact or makes an import, as it is stored with it. */
export interface Recorder {
  /** The name they go by (set in the sync panel); empty while they have not given one. */
  by: string;
  /**
   * Their computer's id for them (absent on entries from before ids were kept): what makes an
   * entry read as one's own, with a name given since or none at all.
   */
  byId?: string;
}

/**
 * The stored fields of a `Recorder`, for a schema built on first use (an entry without an id
 * reads as a name alone).
 */
export const recorderFields = () => ({
  by: z.string().max(80),
  byId: z.string().max(40).optional(),
});

/** A recorder as written: a name alone, or a name with this computer's id for the person. */
export function recorder(who: string | Recorder): Recorder {
  const r = typeof who === 'string' ? { by: who } : who;
  return r.byId === undefined
    ? { by: r.by.slice(0, 80) }
    : { by: r.by.slice(0, 80), byId: r.byId.slice(0, 40) };
}

// What earlier versions wrote for a person with no name: their sync name, or the fallback
// without sync. Neither names anyone.
const STAND_INS = new Set(['Teammate', 'Someone']);

/**
 * Who recorded it, as a by-line on the computer whose id for its person is `ownId`: "you" for
 * one's own entries, the name a teammate gave, or "a teammate" when they gave none.
 */
export function recordedByName(r: Recorder, ownId: string): string {
  if (r.byId !== undefined && r.byId === ownId) return 'you';
  const name = r.by.trim();
  return name === '' || STAND_INS.has(name) ? 'a teammate' : name;
}
