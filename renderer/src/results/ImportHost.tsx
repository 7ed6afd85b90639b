import { useEffect, useRef, useState } from 'react';
import { printableFileName } from '../../../shared/model/printable';
import { platform } from '../platform/platform';
import type { ImportDialog } from './ImportDialog';
import { onImportRequest, type ImportKind } from './importRequests';

type ImportDialogComponent = typeof ImportDialog;

// Loaded when a file is first dragged over the window or imported (it brings the CSV reader),
// not with the board. It is rendered once loaded rather than through React.lazy: a lazy
// component's Suspense holds what follows its fallback back for 300 ms (React's fallback
// throttle), and that was a tenth of an import's wait.
let dialogModule: Promise<ImportDialogComponent> | null = null;
const loadImportDialog = () =>
  (dialogModule ??= import('./ImportDialog').then((m) => m.ImportDialog)).catch((e: unknown) => {
    dialogModule = null; // a later try may succeed
    throw e;
  });

const isCsvDrag = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * Shows the import dialog when asked, and takes CSV files dropped anywhere on the window.
 * Mounted once per open workspace.
 */
export function ImportHost(props: { readOnly: boolean; onMessage: (m: string) => void }) {
  const { readOnly, onMessage } = props;
  const [open, setOpen] = useState<{ file: File; kind: ImportKind | null } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [Dialog, setDialog] = useState<ImportDialogComponent | null>(null);
  // What had the focus when the import was asked for (its button), to get it back after.
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!open || Dialog) return;
    let live = true;
    loadImportDialog()
      .then((component) => live && setDialog(() => component))
      .catch(() => {
        if (!live) return;
        setOpen(null);
        onMessage('The import could not start. Restart Cadence and try again.');
      });
    return () => {
      live = false;
    };
  }, [open, Dialog, onMessage]);

  useEffect(
    () =>
      onImportRequest((req) => {
        if (readOnly) return onMessage('This workspace is read-only here.');
        returnTo.current =
          document.activeElement instanceof HTMLElement ? document.activeElement : null;
        void loadImportDialog().catch(() => undefined); // while the file is being chosen
        if (req.file) return setOpen({ file: req.file, kind: req.kind });
        platform()
          .openFile(req.kind === 'events' ? 'Import clicks or wishlist adds' : 'Import orders', [
            'csv',
            'txt',
          ])
          .then((file) => file && setOpen({ file, kind: req.kind }))
          .catch((e: unknown) => onMessage(e instanceof Error ? e.message : String(e)));
      }),
    [readOnly, onMessage],
  );

  useEffect(() => {
    let depth = 0;
    const over = (e: DragEvent) => {
      if (!isCsvDrag(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const enter = (e: DragEvent) => {
      if (!isCsvDrag(e)) return;
      depth++;
      setDragging(true);
      if (!readOnly) void loadImportDialog().catch(() => undefined); // while the file is dragged
    };
    const leave = (e: DragEvent) => {
      if (!isCsvDrag(e)) return;
      depth = Math.max(0, depth - 1);
      if (!depth) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!isCsvDrag(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      if (readOnly) return onMessage('This workspace is read-only here.');
      if (!/\.(csv|txt)$/i.test(file.name)) {
        return onMessage(
          `${printableFileName(file.name)} is not a CSV file: drop a shop's order export (.csv).`,
        );
      }
      setOpen({ file, kind: null });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [readOnly, onMessage]);

  return (
    <>
      {dragging && (
        <div className="results-dropzone" aria-hidden="true">
          Drop an order export (CSV) to import it
        </div>
      )}
      {open && Dialog && (
        <Dialog
          key={`${open.file.name}:${open.file.size}:${open.file.lastModified}`}
          file={open.file}
          kind={open.kind}
          onClose={() => {
            setOpen(null);
            const back = returnTo.current;
            returnTo.current = null;
            requestAnimationFrame(() => {
              if (back?.isConnected) back.focus();
            });
          }}
          onMessage={onMessage}
        />
      )}
    </>
  );
}
