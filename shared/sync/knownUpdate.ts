import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { SyncType, syncTypeOf } from './messageTypes';
import { updateOf } from './peerMessage';
import { readStructsFast, type DeletedRange } from './updateStructs';

/**
 * True when `message` (as a peer sends it) is a sync update that would change nothing in
 * `doc`: a relayed copy of an edit already applied. Anything else is false (checked as usual).
 */
export function isCopyOfKnownUpdate(doc: Y.Doc, message: Uint8Array): boolean {
  if (syncTypeOf(message) !== SyncType.UPDATE) return false;
  const update = updateOf(message);
  return update !== null && changesNothing(doc, update);
}

/**
 * True when applying `update` to `doc` would change nothing: every struct it carries is in the
 * document already and every deletion it carries has happened. False when unsure (a shape the
 * fast reader steps aside for, content parked as pending). Never throws.
 *
 * In a room of n peers y-webrtc relays each update it applies to all its other peers, so every
 * edit reaches each peer n − 1 times: once from its author, n − 2 times relayed. Only the
 * first copy is new. A copy that changes nothing need not be checked or applied: this is what
 * tells, for a fraction of the cost of checking it (docs/sync.md, "Many peers in one room").
 */
export function changesNothing(doc: Y.Doc, update: Uint8Array): boolean {
  const store = doc.store;
  // A pending struct or deletion waits for content: leave every update to Yjs meanwhile.
  if (store.pendingStructs !== null || store.pendingDs !== null) return false;
  try {
    // The first copy of an edit (the one on the way to the screen) starts at or past our clock
    // for its author: told from the update's first few bytes, without reading it.
    if (startsPastOurClock(store, update)) return false;
    const deletes: DeletedRange[] = [];
    const structs = readStructsFast(update, Infinity, deletes);
    if (!structs) return false;
    for (const s of structs) {
      if (s.kind === 'skip') continue;
      if (s.id.clock + s.length > Y.getState(store, s.id.client)) return false;
    }
    for (const range of deletes) if (!allDeleted(store, range)) return false;
    return true;
  } catch {
    return false;
  }
}

/** Whether every struct of `range` is in the store and deleted (a GC run counts as deleted). */
function allDeleted(store: Y.Doc['store'], { client, clock, length }: DeletedRange): boolean {
  const end = clock + length;
  if (length === 0) return true;
  if (end > Y.getState(store, client)) return false;
  const structs = store.clients.get(client);
  if (!structs) return false;
  for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
    const struct = structs[i]!;
    if (struct.id.clock >= end) break;
    if (!struct.deleted) return false;
  }
  return true;
}

// An update (v1) starts with its number of clients, then the first client's number of structs,
// its id and the clock of its first struct.
function startsPastOurClock(store: Y.Doc['store'], update: Uint8Array): boolean {
  const d = decoding.createDecoder(update);
  if (decoding.readVarUint(d) === 0) return false; // deletions only
  decoding.readVarUint(d);
  const client = decoding.readVarUint(d);
  return decoding.readVarUint(d) >= Y.getState(store, client);
}
