import { useIsUnsent } from '../state/SyncContext';

/**
 * A small mark on a card changed while no teammate could receive it, until one has it. Worded
 * apart from a brief's "Sent": this is about teammates' copies, not the creator.
 */
export function UnsentMark(props: { dropId: string }) {
  const unsent = useIsUnsent(props.dropId);
  if (!unsent) return null;
  return (
    <span
      className="badge sync-unsent"
      title="Changed while offline: your teammates do not have this change yet"
    >
      Only on this device
    </span>
  );
}
