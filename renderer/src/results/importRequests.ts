// Anything in the window can ask for an import (the Results view's buttons, the drop panel, a
// file dropped on the window); the one ImportHost shows the dialog.
export type ImportKind = 'orders' | 'events';
export interface ImportRequest {
  kind: ImportKind | null;
  file: File | null;
}

const EVENT = 'cadence:results-import';

/** Opens the import dialog, with a file already chosen or asking for one. */
export function requestImport(req: ImportRequest): void {
  window.dispatchEvent(new CustomEvent<ImportRequest>(EVENT, { detail: req }));
}

export function onImportRequest(listener: (req: ImportRequest) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<ImportRequest>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
