import { useIsUnsent } from './SyncContext';

/** A small mark on a card changed offline, until a teammate has the change. */
export function UnsentMark(props: { dropId: string }) {
  const unsent = useIsUnsent(props.dropId);
  if (!unsent) return null;
  return (
    <span className="badge sync-unsent" title="Changed offline: not yet sent to a teammate">
      Not yet sent
    </span>
  );
}
