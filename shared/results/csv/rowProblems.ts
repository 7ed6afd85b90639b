import type { RowError } from './orderRows';

/** How many problems a report lists; the counts cover every one. */
const LISTED = 500;

/**
 * The problems found reading a file, by spreadsheet row: the first 500 listed, every one
 * counted, and the rows they are on (one row can have several: a bad time and a bad amount).
 */
export class RowProblems {
  readonly listed: RowError[] = [];
  count = 0;
  readonly rows = new Set<number>();

  add(row: number, message: string): void {
    this.count++;
    this.rows.add(row);
    if (this.listed.length < LISTED) this.listed.push({ row, message });
  }

  /** The report of several readers of one file (the parser's and the rows' own). */
  static report(...all: RowProblems[]): {
    errors: RowError[];
    errorCount: number;
    errorRows: number;
  } {
    const rows = new Set<number>();
    for (const p of all) for (const r of p.rows) rows.add(r);
    return {
      errors: all
        .flatMap((p) => p.listed)
        .sort((a, b) => a.row - b.row)
        .slice(0, LISTED),
      errorCount: all.reduce((n, p) => n + p.count, 0),
      errorRows: rows.size,
    };
  }
}
