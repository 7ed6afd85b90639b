import type { SyncSnapshot } from '../WorkspaceSync';

/** "just now", "4 min ago", "today at 14:05", "12 Mar at 09:30". */
export function formatSince(at: number | null, now = Date.now()): string {
  if (at === null) return 'never';
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const d = new Date(at);
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (new Date(now).toDateString() === d.toDateString()) return `today at ${time}`;
  return `${d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} at ${time}`;
}

/** The indicator's words for a sync state. */
export function statusLabel(snapshot: SyncSnapshot): string {
  switch (snapshot.state) {
    case 'off':
      return 'Sync off';
    case 'offline':
      // With no way to reach anyone configured, "Offline" would blame the network.
      if (snapshot.signaling.length === 0 && !snapshot.server) return 'Not shared';
      return 'Offline';
    case 'looking':
      return 'Looking for peers';
    case 'connected':
      if (snapshot.peers.length === 0) return 'Connected to the team server';
      return `Connected to ${snapshot.peers.length} ${snapshot.peers.length === 1 ? 'peer' : 'peers'}`;
  }
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    parts.length > 1 ? parts[0]![0]! + parts[parts.length - 1]![0]! : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}
