import { randomId } from '../../../shared/model/ids';
import { APP_KEYS, appStorage, type KeyValueStorage } from './localKeys';

// This computer's id for the person using it, made once and kept. It goes with each fact and
// import they record, so those read as theirs ("by you") whatever name they go by, or none.

const KEY = APP_KEYS.personId;
const VALID = /^p_[a-z0-9]{16}$/;
// An id that could not be stored (a full storage) still holds for the session.
const unstored = new WeakMap<KeyValueStorage, string>();

/** The person's id on this computer, made on first use. */
export function localPersonId(storage: KeyValueStorage = appStorage()): string {
  const kept = storage.getItem(KEY);
  if (kept !== null && VALID.test(kept)) return kept;
  const id = unstored.get(storage) ?? `p_${randomId(16)}`;
  try {
    storage.setItem(KEY, id);
  } catch {
    unstored.set(storage, id);
  }
  return id;
}
