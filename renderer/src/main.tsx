import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { parsePrintRoute } from './briefs/print/route';
import { requestPersistentStorage } from './workspace/persistentStorage';
import { parseResultsPrintRoute } from './results/print/route';
import './styles/base.css';
import './styles/app.css';
import './styles/board.css';
import './styles/panel.css';

// When the app's code starts running (the benchmark splits an open from navigation on).
performance.mark('cadence:main');

// The print pages load only when the window is one (the app's start does not wait for them).
const PrintBriefPage = lazy(() =>
  import('./briefs/print/PrintBriefPage').then((m) => ({ default: m.PrintBriefPage })),
);
const PrintResultsPage = lazy(() =>
  import('./results/print/PrintResultsPage').then((m) => ({ default: m.PrintResultsPage })),
);

// `#/print/brief/…` is a brief's print view (for the PDF): no app shell around it.
const printRoute = parsePrintRoute(location.hash);
// `#/print/results/…` is a drop's one-page results report, printed the same way.
const resultsRoute = parseResultsPrintRoute(location.hash);
// Ask the browser (or Electron) to never evict the workspaces' IndexedDB.
if (!printRoute && !resultsRoute) void requestPersistentStorage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {printRoute ? (
      <Suspense fallback={null}>
        <PrintBriefPage route={printRoute} />
      </Suspense>
    ) : resultsRoute ? (
      <Suspense fallback={null}>
        <PrintResultsPage route={resultsRoute} />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
