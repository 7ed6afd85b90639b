import { useState } from 'react';
import type { EditResult } from './actions';

/**
 * Messages from refused edits, kept at their fields until the next edit of those fields.
 * `settle` records an edit's outcome; a refusal that names no field goes to `onMessage`.
 */
export function useFieldErrors(onMessage: (message: string) => void) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const settle = (r: EditResult<unknown>, keys: string[]): boolean => {
    setErrors((e) => {
      const next = { ...e };
      for (const k of keys) delete next[k];
      return r.ok ? next : { ...next, ...r.errors };
    });
    if (!r.ok && Object.keys(r.errors).length === 0) onMessage(r.message);
    return r.ok;
  };
  return [errors, settle] as const;
}
