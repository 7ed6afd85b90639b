import { useState } from 'react';

/**
 * What a field shows while a person types: it follows the stored value until they start, and a
 * new stored value (undo, a teammate's edit) replaces it. `reset` puts the stored value back.
 */
export function useDraft<T>(value: T): [T, (v: T) => void, () => void] {
  const [draft, setDraft] = useState(value);
  const [source, setSource] = useState(value);
  if (source !== value) {
    setSource(value);
    setDraft(value);
  }
  return [draft, setDraft, () => setDraft(value)];
}
