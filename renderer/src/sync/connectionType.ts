import type { PeerInternals } from './ywebrtcInternals';

/** How a peer is reached, as a person would say it. */
export type ConnectionType =
  'direct' | 'direct-stun' | 'relayed' | 'same-browser' | 'team-server' | 'unknown';

export const CONNECTION_LABELS: Record<ConnectionType, string> = {
  direct: 'Direct (same network)',
  'direct-stun': 'Direct (through a STUN server)',
  relayed: 'Relayed (through a TURN server)',
  'same-browser': 'Another tab of this browser',
  'team-server': 'Through the team server',
  unknown: 'Connecting…',
};

/** Reads the selected ICE candidate pair from WebRTC stats. Never rejects. */
export async function connectionTypeOf(peer: PeerInternals): Promise<ConnectionType> {
  try {
    const pc = peer._pc;
    if (!pc || typeof pc.getStats !== 'function') return 'unknown';
    const report = await pc.getStats();
    const stats = new Map<string, Record<string, unknown>>();
    const entries =
      report instanceof Map
        ? report.entries()
        : (report as Iterable<[string, Record<string, unknown>]>);
    for (const [id, s] of entries) stats.set(id, s);
    let pair: Record<string, unknown> | undefined;
    for (const s of stats.values()) {
      if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') {
        pair = stats.get(s.selectedCandidatePairId);
      }
    }
    pair ??= [...stats.values()].find(
      (s) =>
        s.type === 'candidate-pair' &&
        (s.selected === true || (s.nominated === true && s.state === 'succeeded')),
    );
    if (!pair) return 'unknown';
    const types = [pair.localCandidateId, pair.remoteCandidateId].map(
      (id) => stats.get(String(id))?.candidateType,
    );
    if (types.includes('relay')) return 'relayed';
    if (types.includes('srflx') || types.includes('prflx')) return 'direct-stun';
    return types.includes('host') ? 'direct' : 'unknown';
  } catch {
    return 'unknown';
  }
}
