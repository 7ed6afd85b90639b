import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { PrintBriefPage } from './briefs/print/PrintBriefPage';
import { parsePrintRoute } from './briefs/print/route';
import { requestPersistentStorage } from './workspace/persistentStorage';
import { PrintResultsPage } from './results/print/PrintResultsPage';
import { parseResultsPrintRoute } from './results/print/route';
import './styles/base.css';
import './styles/app.css';
import './styles/board.css';
import './styles/panel.css';

// `#/print/brief/…` is a brief's print view (for the PDF): no app shell around it.
const printRoute = parsePrintRoute(location.hash);
// `#/print/results/…` is a drop's one-page results report, printed the same way.
const resultsRoute = parseResultsPrintRoute(location.hash);
// Ask the browser (or Electron) to never evict the workspaces' IndexedDB.
if (!printRoute && !resultsRoute) void requestPersistentStorage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {printRoute ? (
      <PrintBriefPage route={printRoute} />
    ) : resultsRoute ? (
      <PrintResultsPage route={resultsRoute} />
    ) : (
      <App />
    )}
  </StrictMode>,
);
