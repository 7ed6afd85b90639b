import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { PrintBriefPage } from './briefs/print/PrintBriefPage';
import { parsePrintRoute } from './briefs/print/route';
import { requestPersistentStorage } from './workspace/persistentStorage';
import './styles/base.css';
import './styles/app.css';
import './styles/board.css';
import './styles/panel.css';

// `#/print/brief/…` is a brief's print view (for the PDF): no app shell around it.
const printRoute = parsePrintRoute(location.hash);
// Ask the browser (or Electron) to never evict the workspaces' IndexedDB.
if (!printRoute) void requestPersistentStorage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>{printRoute ? <PrintBriefPage route={printRoute} /> : <App />}</StrictMode>,
);
