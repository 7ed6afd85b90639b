// Injected into the app's page by test/bench/results.mjs: builds the 20 MB export in the page,
// so the file the app reads never crosses the DevTools connection.
import { benchCsv } from './results-data';

declare global {
  interface Window {
    cadenceBenchCsv: () => string;
  }
}

window.cadenceBenchCsv = benchCsv;
