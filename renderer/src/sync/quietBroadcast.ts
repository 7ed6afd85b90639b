import type { WebrtcProvider } from 'y-webrtc';
import { internals } from './ywebrtcInternals';

/**
 * Keeps y-webrtc from sealing every change for other tabs when no other tab has the workspace
 * open, the usual case in the desktop app (one window per workspace).
 *
 * y-webrtc sends each update and presence change to its peers and, encrypted with the room key,
 * on the BroadcastChannel between tabs of this browser, whether or not another tab listens: an
 * AES-GCM seal per keystroke, and about 70 ms at once for an import of 25,000 orders. Its
 * `room.bcconnected` gates only those two broadcasts, so it is kept off while no other tab has
 * announced itself. Nothing is missed: a tab that opens announces itself and asks for our state
 * (sync step 1, answered on the channel whatever the flag says), and its announcement switches
 * the broadcasts back on before anything else it sends is read. The channel's own messages
 * (announcements, sync steps, presence queries and answers) never depend on the flag.
 *
 * Install after the guard (`guardProvider`): the guard replaces y-webrtc's channel subscriber
 * and reads whether the room is connected from `provider.connected`, not from this flag.
 * Returns a function that stops it and leaves y-webrtc's own value.
 */
export function quietBroadcastWhileAlone(provider: WebrtcProvider): () => void {
  const apply = (): void => {
    const room = internals(provider).room;
    if (room) room.bcconnected = provider.connected && room.bcConns.size > 0;
  };
  // y-webrtc connects the room (flag on) and then reports 'status'; other tabs come and go
  // with 'peers'.
  provider.on('status', apply);
  provider.on('peers', apply);
  apply();
  return () => {
    provider.off('status', apply);
    provider.off('peers', apply);
    const room = internals(provider).room;
    if (room) room.bcconnected = provider.connected;
  };
}
