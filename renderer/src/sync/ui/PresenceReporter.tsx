import { useEffect } from 'react';
import { useOptionalSync } from '../../state/SyncContext';

/** Tells teammates which drop this person has open (renders nothing). */
export function PresenceReporter(props: { openDropId: string | null }) {
  const sync = useOptionalSync();
  const setOpenDrop = sync?.setOpenDrop;
  useEffect(() => {
    setOpenDrop?.(props.openDropId);
  }, [setOpenDrop, props.openDropId]);
  return null;
}
