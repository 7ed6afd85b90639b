/**
 * Marks `cadence:board-first-paint` once per open: the first board painted after the latest
 * `cadence:open-requested` (the app asked to open a workspace), whether the stored preview or the live board.
 */
export function markBoardFirstPaint(): void {
  const perf = globalThis.performance;
  if (!perf?.mark || !perf.getEntriesByName) return;
  const opened =
    perf.getEntriesByName('cadence:open-requested').at(-1)?.startTime ??
    perf.getEntriesByName('cadence:open-start').at(-1)?.startTime ??
    -1;
  const painted = perf.getEntriesByName('cadence:board-first-paint').at(-1)?.startTime ?? -1;
  if (painted < opened || painted < 0) perf.mark('cadence:board-first-paint');
}
