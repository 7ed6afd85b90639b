import { useState } from 'react';
import { encodeBackup } from '../../../shared/sync/backupFile';
import { useOpenWorkspace, useWorkspace } from '../state';
import { saveWorkspaceFile } from '../sync/ui/workspaceFile';
import { createWorkspaceCopy } from '../workspace/copy';

/** The name of an editable copy of the workspace `name`. */
export function copyNameFor(name: string): string {
  return `${name} (copy)`;
}

/**
 * Says why a workspace written by a newer Cadence is read-only here, and offers the two ways
 * on: a backup file of everything in it (a newer Cadence opens it whole), and an editable copy
 * (a new workspace on this computer only, not shared with the team; this one stays as it is).
 */
export function ReadOnlyBanner(props: {
  onOpenWorkspace: (id: string) => Promise<void>;
  onMessage: (message: string) => void;
}) {
  const { onOpenWorkspace, onMessage } = props;
  const ws = useOpenWorkspace();
  const meta = useWorkspace((s) => s.meta);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (label: string, work: () => Promise<void>) => {
    if (busy) return;
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const exportFile = () =>
    run('Exporting…', async () => {
      const file = await encodeBackup(ws.doc, { workspaceId: ws.id });
      const safe = meta.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'workspace';
      const path = await saveWorkspaceFile(`${safe}.cadence`, file);
      if (path) onMessage(`Exported “${meta.name}” to ${path}.`);
    });

  const openCopy = () =>
    run('Creating the copy…', async () => {
      const record = await createWorkspaceCopy(ws.doc, copyNameFor(meta.name), {
        editable: true,
      });
      await onOpenWorkspace(record.id);
      onMessage(
        `Opened “${record.name}”: an editable copy on this computer only. “${meta.name}” stays read-only.`,
      );
    });

  return (
    <div className="banner banner-readonly" role="alert" data-testid="readonly-banner">
      <p>
        <strong>Read-only.</strong> A teammate’s newer version of Cadence saved this workspace
        (schema {meta.schemaVersion}), so this version shows it but does not edit it: an edit here
        could lose what the newer version stores. Update Cadence to edit it again.
      </p>
      <p className="banner-readonly-ways">
        <em>Export a backup</em> saves everything in it to a file. <em>Open an editable copy</em>{' '}
        makes a new workspace on this computer only, not shared with the team; changes there do not
        reach this workspace.
      </p>
      <div className="banner-actions">
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void exportFile()}
        >
          Export a backup…
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void openCopy()}
        >
          Open an editable copy
        </button>
        {busy && (
          <span className="sync-muted" role="status">
            {busy}
          </span>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
