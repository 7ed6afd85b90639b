import { useDropResults, useWorkspace } from './WorkspaceContext';

/** The workspace's currency (the template's, docs/results.md "Currency"); views re-render when it changes. */
export function useWorkspaceCurrency(): string {
  return useWorkspace((s) => s.template.fields.currency);
}

/** The currency one drop's money is in: its brief's own, else the workspace's. */
export function useDropCurrency(dropId: string): string {
  const workspace = useWorkspaceCurrency();
  return useDropResults(dropId)?.currency ?? workspace;
}
