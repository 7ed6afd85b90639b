import { lazy, Suspense, type ReactNode } from 'react';

// The heavy views that are not on screen when a workspace opens load on demand, so they do not
// run before the board paints: the Results view brings recharts (with the brief editor's TipTap,
// half of the script evaluated at start). Once the board is live they load in the background,
// so switching to one is still immediate. The small views (calendar, timeline, history, the drop
// panel) stay in the main chunk: they open at once, even on the first click.
const loaders = {
  results: () => import('../results/ResultsView'),
};

export const ResultsView = lazy(() => loaders.results().then((m) => ({ default: m.ResultsView })));

/** Loads the views above in the background (once the board is idle). */
export function preloadViews(): void {
  for (const load of Object.values(loaders)) void load().catch(() => undefined);
}

/** What a view shows in the moment its code is still loading. */
export function ViewLoading(props: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="center-state" role="status">
          <span className="spinner" aria-hidden="true" /> Loading…
        </div>
      }
    >
      {props.children}
    </Suspense>
  );
}
