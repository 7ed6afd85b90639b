// A page with one brief's rich-text editor synced over the app's real peer-to-peer layer
// (WorkspaceSync, y-webrtc, a loopback signaling endpoint). Two browser contexts open it as
// two people. Bundled by brief-peers.e2e.ts with esbuild.
import { createRoot } from 'react-dom/client';
import { Doc } from 'yjs';
import { blocksToLines, fragmentToBlocks } from '../../../shared/brief';
import { createDrop, initWorkspace, readStages, root, type DropId } from '../../../shared/model';
import { BriefBodyEditor } from '../../../renderer/src/briefs/editor/BriefBodyEditor';
import '../../../renderer/src/briefs/briefs.css';
import { WorkspaceSync } from '../../../renderer/src/sync/WorkspaceSync';

const params = new URLSearchParams(location.search);
const doc = new Doc();
const user = { name: params.get('name') ?? 'Someone', colour: params.get('color') ?? '#6d28d9' };
const sync = new WorkspaceSync({
  workspaceId: 'w_peers',
  doc,
  user,
  settings: {
    room: params.get('room')!,
    password: params.get('password')!,
    signaling: [params.get('signaling')!],
    ice: [],
    enabled: true,
  },
});

// The first person creates the workspace and the drop; the second receives them by sync.
if (params.get('role') === 'first') {
  initWorkspace(doc, { name: 'Harbour & Thread' });
  createDrop(doc, { stageId: readStages(doc)[0]!.id, title: 'Harbour linen' });
}

function dropId(): DropId | null {
  const ids = [...root.drops(doc).keys()];
  return (ids[0] as DropId | undefined) ?? null;
}

function mount(id: DropId) {
  createRoot(document.getElementById('root')!).render(
    <BriefBodyEditor
      doc={doc}
      dropId={id}
      outline="The story in one line"
      awareness={sync.awareness}
      user={{ name: user.name, color: user.colour }}
      onMessage={(m) => console.warn(m)}
    />,
  );
}

const waitForDrop = () => {
  const id = dropId();
  if (id) return mount(id);
  doc.once('update', waitForDrop);
};
waitForDrop();

(window as unknown as { peer: unknown }).peer = {
  setOnline: (online: boolean) => sync.setOnline(online),
  lines: () => {
    const id = dropId();
    return id ? blocksToLines(fragmentToBlocks(root.briefBody(doc, id))) : [];
  },
};
document.title = 'ready';
