import { useEffect, useMemo, useRef, useState } from 'react';
import { format } from 'date-fns';
import {
  cadenceFlags,
  createFlagMemo,
  keepSameFlags,
  keepSameFlagsByDrop,
  todayIn,
  type CadenceFlag,
} from '../../../shared/cadence';
import type { Drop, DropId } from '../../../shared/model';
import { useWorkspace } from './';

/**
 * Today in the workspace's time zone, refreshed each minute so midnight rolls over. `lenient`:
 * a zone this runtime names but cannot compute with reads as this computer's own day instead of
 * throwing, for the board and the drop panel, which must not stop with a view that needs the
 * zone (the calendar and timeline stop alone, with their message).
 */
export function useToday(tz: string, lenient = false): string {
  const read = lenient ? leniently : todayIn;
  const [today, setToday] = useState(() => read(tz));
  useEffect(() => {
    setToday(read(tz));
    const timer = setInterval(() => setToday(read(tz)), 60_000);
    return () => clearInterval(timer);
  }, [tz, read]);
  return today;
}

function leniently(tz: string): string {
  try {
    return todayIn(tz);
  } catch {
    return format(new Date(), 'yyyy-MM-dd');
  }
}

export interface Plan {
  drops: ReadonlyMap<DropId, Drop>;
  liveDrops: Drop[];
  tz: string;
  today: string;
  flags: CadenceFlag[];
  flagsByDrop: Map<DropId, CadenceFlag[]>;
}

/** The workspace's drops with today's date and the cadence flags, shared by calendar and timeline. */
export function usePlan(): Plan {
  const drops = useWorkspace((s) => s.drops);
  const meta = useWorkspace((s) => s.meta);
  const tz = meta.timezone;
  const today = useToday(tz);
  // The last plan, so flags a change did not touch keep their identity (memoised views skip them).
  const last = useRef<Plan | null>(null);
  // Flags of drops and pairs of launches a change did not touch are not worked out again.
  const memo = useRef(createFlagMemo());
  return useMemo(() => {
    const liveDrops = [...drops.values()].filter((d) => !d.archived);
    const flags = keepSameFlags(
      last.current?.flags ?? null,
      cadenceFlags(liveDrops, meta.cadence, today, memo.current),
    );
    const byDrop = keepSameFlagsByDrop(last.current?.flagsByDrop ?? null, flags);
    const plan = { drops, liveDrops, tz, today, flags, flagsByDrop: byDrop };
    last.current = plan;
    return plan;
  }, [drops, meta.cadence, today, tz]);
}
