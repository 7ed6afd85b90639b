import { useRef, useState } from 'react';

/** A field's draft while a person types, and what was stored meanwhile by someone else. */
export interface Draft<T> {
  draft: T;
  setDraft: (v: T) => void;
  /** Puts the stored value back. */
  reset: () => void;
  /**
   * Called as the field saves its draft: the stored value that comes back is this person's own
   * (perhaps written as the app writes it, "12,5" as 12.5), and the field shows it.
   */
  saving: () => void;
  /**
   * The value stored while this person had typed something not yet saved (a teammate's edit):
   * their typing is kept, and the field says so. Undefined otherwise.
   */
  theirs: T | undefined;
  /** The stored value this person's typing started from (before `theirs`). */
  started: T;
}

/**
 * What a field shows while a person types: it follows the stored value until they start.
 * A new stored value (undo, a teammate's edit) replaces the draft only when nothing typed is
 * waiting to be saved; otherwise the typing stays and `theirs` holds the new value, so that a
 * teammate saving the same field never wipes out words being written.
 */
export function useDraft<T>(value: T): Draft<T> {
  const [draft, setDraft] = useState(value);
  const [source, setSource] = useState(value);
  const [changedUnder, setChangedUnder] = useState(false);
  const [started, setStarted] = useState(value);
  const own = useRef(false);
  if (source !== value) {
    setSource(value);
    // Typed and not saved: the draft differs from the value it started from.
    const typing = draft !== source && !own.current;
    own.current = false;
    if (!typing || draft === value) {
      setDraft(value);
      setChangedUnder(false);
      setStarted(value);
    } else {
      setChangedUnder(true);
    }
  }
  return {
    draft,
    setDraft: (v: T) => {
      own.current = false;
      setDraft(v);
    },
    saving: () => {
      own.current = true;
    },
    reset: () => {
      setDraft(value);
      setChangedUnder(false);
      setStarted(value);
    },
    theirs: changedUnder ? value : undefined,
    started,
  };
}

/**
 * What a field says under itself when a teammate saved it while this person was typing: their
 * text around where it differs from what this person started from (`before`).
 */
export function changedMeanwhile(theirs: string, before = ''): string {
  const text = theirs.replace(/\s+/g, ' ').trim();
  if (text === '') return 'A teammate emptied this meanwhile. Leaving the field saves your text.';
  const from = before.replace(/\s+/g, ' ').trim();
  let i = 0;
  while (i < text.length && i < from.length && text[i] === from[i]) i++;
  const start = Math.max(0, i - 30);
  const end = Math.min(text.length, start + 90);
  const shown = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  return `A teammate changed this meanwhile to “${shown}”. Leaving the field saves your text over theirs.`;
}
