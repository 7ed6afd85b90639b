import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { newTeamServer, type TeamServerSettings } from '../../../shared/sync/teamServer';
import { TeamServerLink } from '../../../renderer/src/sync/teamServerLink';
import { startTeamServer, type TeamServer } from '../../../server/teamServer';
import { eventually } from './support/peers';
import { tempDir } from './support/teamServers';

// The server's log and count of connections as a person reads them at its terminal: one line
// when a connection ends, however the app closed it.

const servers: TeamServer[] = [];
const links: TeamServerLink[] = [];
afterEach(async () => {
  links.splice(0).forEach((l) => l.destroy());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A teammate's app on the workspace (its link to the server), with a presence as it always has. */
async function teammate(server: TeamServerSettings, name: string): Promise<TeamServerLink> {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name });
  const link = new TeamServerLink({
    doc,
    awareness,
    server,
    WebSocket,
    hooks: { onRejected() {}, onAccepted() {}, onRefused() {}, onChange() {} },
  });
  links.push(link);
  await eventually(async () => expect(link.connected).toBe(true));
  return link;
}

describe('team server log', () => {
  it('logs one line for a connection the app closes, and counts the one still open', async () => {
    const lines: string[] = [];
    const srv = await startTeamServer({
      port: 0,
      database: join(tempDir(), 'team.sqlite'),
      log: (line) => lines.push(line),
    });
    servers.push(srv);
    const workspace = newTeamServer(srv.url);
    const ines = await teammate(workspace, 'Ines');
    await teammate(workspace, 'Theo');
    expect(srv.stats().connections).toBe(2);

    // Removing the team server in the app: its link says goodbye and closes, while the
    // presence it shared stays (peer to peer goes on with it).
    links.splice(links.indexOf(ines), 1);
    ines.destroy();
    const ended = () => lines.filter((l) => / messages, /.test(l));
    await eventually(async () => expect(ended().length).toBeGreaterThan(0));
    // Both of the server's calls for one closing come in the same turn of its event loop, so
    // a second line would be here by now.
    expect(ended()).toHaveLength(1);
    expect(srv.stats().connections).toBe(1);

    // Positive control: Theo leaving is one more line, and nobody is connected.
    links.splice(0).forEach((l) => l.destroy());
    await eventually(async () => expect(ended().length).toBeGreaterThan(1));
    expect(ended()).toHaveLength(2);
    expect(srv.stats().connections).toBe(0);
  });
});
