// A page with one brief's rich-text editor synced over the app's real peer-to-peer layer
// (WorkspaceSync, y-webrtc, a loopback signaling endpoint). Two browser contexts open it as
// two people. Bundled by brief-peers.e2e.ts with esbuild.
import { createRoot } from 'react-dom/client';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { XmlElement, XmlText } from 'yjs';
import {
  applyUpdate,
  createRelativePositionFromTypeIndex,
  Doc,
  encodeStateAsUpdate,
  encodeStateVector,
  relativePositionToJSON,
} from 'yjs';
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
  present: () => sync.awareness.getStates().size,
  lines: () => {
    const id = dropId();
    return id ? blocksToLines(fragmentToBlocks(root.briefBody(doc, id))) : [];
  },
  /**
   * Moves the caret to the start of the first paragraph the way a Home key does (in the DOM,
   * before the browser's "selectionchange" has told the editor) and, in the same task, takes
   * in a teammate's words at the end of that paragraph, or their caret in it.
   */
  homeAsTeammateArrives: (what: 'words' | 'caret') => {
    const first = document.querySelector('.brief-prose p')?.firstChild;
    if (!first) throw new Error('no text to put the caret in');
    const home = () => getSelection()!.collapse(first, 0);
    const teammate = new Doc();
    applyUpdate(teammate, encodeStateAsUpdate(doc));
    const words = (root.briefBody(teammate, dropId()!).get(0) as XmlElement).get(0) as XmlText;
    if (what === 'words') {
      home();
      words.insert(words.length, ' Wind in the sleeves.');
      applyUpdate(doc, encodeStateAsUpdate(teammate, encodeStateVector(doc)), 'teammate');
      return;
    }
    // Carets are redrawn a moment after they arrive: the key falls in that moment.
    const presence = new Awareness(teammate);
    const at = relativePositionToJSON(createRelativePositionFromTypeIndex(words, 6));
    presence.setLocalState({
      user: { name: 'Bea', color: '#1d4ed8' },
      cursor: { anchor: at, head: at },
    });
    applyAwarenessUpdate(
      sync.awareness,
      encodeAwarenessUpdate(presence, [teammate.clientID]),
      'teammate',
    );
    home();
  },
};
document.title = 'ready';
