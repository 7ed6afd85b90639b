const SEPARATORS = [',', ';', '\t', '|'] as const;

/**
 * The separator of an export, read from its header row: the one that parts the most column
 * names (`,` when none does). A European spreadsheet separates with `;` and writes amounts with
 * decimal commas (`1.234,50`); papaparse's own guess weighs the first rows' values too, and took
 * `,` when the file ended with a line end, reading the header row as one column. Column names
 * hold no amounts. Quoted names are skipped over, separators in them included.
 */
export function exportDelimiter(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  // The header row ends at the first line break outside quotes (or within 64 KB, for a file
  // that is one huge line).
  const end = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < end; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n' || ch === '\r') break;
    else if (counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}
