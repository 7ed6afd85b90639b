import type * as Y from 'yjs';
import { resultsRoot } from './roots';

// A drop's recorded facts as stored: flat keys `<dropId>|<fact>` in the `dropActuals` map (see
// actuals.ts for the facts). Read and written here as raw values, for the readers that parse
// them (actuals.ts) and for History, which compares and restores them as they were.

/** Separates the drop id from the fact's name in a `dropActuals` key. */
export const FACT_SEP = '|';

/** Every drop's raw facts by drop id, each keyed by its name (`shootCost`, `spend:<id>`…). */
export function readFactsByDrop(doc: Y.Doc): Map<string, Map<string, unknown>> {
  const out = new Map<string, Map<string, unknown>>();
  resultsRoot.dropActuals(doc).forEach((v, key) => {
    const i = key.indexOf(FACT_SEP);
    if (i <= 0) return;
    const dropId = key.slice(0, i);
    let facts = out.get(dropId);
    if (!facts) out.set(dropId, (facts = new Map()));
    facts.set(key.slice(i + 1), v);
  });
  return out;
}

/**
 * Makes one drop's facts exactly `facts` (inside the caller's transaction): a fact missing from
 * `facts` is removed, and only a fact whose value differs is written, so a fact left as it was
 * never overrides a teammate's concurrent recording. Returns true when anything was written.
 */
export function replaceDropFacts(
  doc: Y.Doc,
  dropId: string,
  facts: ReadonlyMap<string, unknown>,
): boolean {
  const map = resultsRoot.dropActuals(doc);
  const prefix = `${dropId}${FACT_SEP}`;
  let wrote = false;
  for (const key of [...map.keys()]) {
    if (key.startsWith(prefix) && !facts.has(key.slice(prefix.length))) {
      map.delete(key);
      wrote = true;
    }
  }
  for (const [fact, value] of facts) {
    const key = `${prefix}${fact}`;
    if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) {
      map.set(key, value);
      wrote = true;
    }
  }
  return wrote;
}
