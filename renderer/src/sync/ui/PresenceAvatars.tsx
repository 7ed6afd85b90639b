import type { DropId } from '../../../../shared/model';
import { useWorkspace } from '../../state';
import { initials } from './format';
import { useSync } from '../../state/SyncContext';

/** Who else is in this workspace right now, and which drop each has open. */
export function PresenceAvatars() {
  const { snapshot } = useSync();
  const drops = useWorkspace((s) => s.drops);
  if (snapshot.peers.length === 0) return null;
  return (
    <ul className="presence" aria-label="Online now">
      {snapshot.peers.map((p) => {
        const drop = p.openDropId ? drops.get(p.openDropId as DropId) : undefined;
        const where = drop ? `looking at “${drop.title}”` : 'on the board';
        return (
          <li
            key={p.peerId}
            className="presence-avatar"
            style={{ background: p.colour }}
            title={`${p.name}, ${where}`}
          >
            <span aria-hidden="true">{initials(p.name)}</span>
            <span className="sr-only">
              {p.name}, {where}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
