import { useEffect, useState } from 'react';
import { yieldToWindow } from './yieldToWindow';

/**
 * `value` as it was `turn` tasks after its last change (its first value at once; turn 0: always
 * the latest). A view that redraws several heavy parts after one change gives each a turn of
 * its own, so no single task draws them all: the Results view's charts (each a React commit in
 * which recharts measures its layout) follow the tables a task apart after an import or a
 * changed counting rule. A value that changes again before its turn starts the count again.
 */
export function useStaggered<T>(value: T, turn: number): T {
  const [shown, setShown] = useState(() => value);
  useEffect(() => {
    if (turn === 0 || Object.is(shown, value)) return;
    let live = true;
    void (async () => {
      for (let i = 0; i < turn; i++) await yieldToWindow();
      if (live) setShown(() => value);
    })();
    return () => {
      live = false;
    };
  }, [value, turn, shown]);
  return turn === 0 ? value : shown;
}
