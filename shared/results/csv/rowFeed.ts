import type Papa from 'papaparse';
import { isBlankRow } from './blankRow';
import { RowProblems } from './rowProblems';

/** What a row feed hands each data row to (an order or event row reader). */
export interface RowSink {
  addRow(cells: readonly string[], row: number): void;
}

/**
 * A problem the CSV parser found in a row. Too few fields is fine (the missing cells read as
 * blank, as spreadsheets trim them); broken quotes or extra fields mean the row cannot be trusted.
 */
export function csvRowProblem(err: Papa.ParseError): string | null {
  if (err.code === 'TooFewFields') return null;
  if (err.code === 'UndetectableDelimiter') return null;
  if (err.code === 'MissingQuotes' || err.code === 'InvalidQuotes') {
    return 'A quoted value is not closed (a " is missing).';
  }
  if (err.code === 'TooManyFields') return 'More values than the header has columns.';
  return err.message;
}

/**
 * Feeds a CSV parsed into arrays of cells (papaparse without `header`, the whole text or
 * streamed chunks) to a row reader. The first row is the header row; every later row gets its
 * spreadsheet number (the header is row 1), and the parser's problems are reported at the row
 * they are on. Arrays instead of one object per row keep reading a large export cheap.
 */
export class CsvRowFeed {
  headers: string[] | null = null;
  /** Data rows with any value in them. */
  rows = 0;
  /** What the parser found wrong, by row. */
  readonly problems = new RowProblems();
  private sink: RowSink | null = null;
  private fed = 0;

  /** `start` gets the header row and returns the reader of the data rows, or null to stop. */
  constructor(private readonly start: (headers: string[]) => RowSink | null) {}

  /** Adds the next rows and the parser's errors about them; false once reading should stop. */
  add(data: readonly string[][], errors: readonly Papa.ParseError[]): boolean {
    let first = 0;
    if (!this.headers) {
      if (!data.length) return true;
      // A file read in chunks keeps its byte-order mark; a header name never starts with one.
      this.headers = (data[0] ?? []).map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
      this.sink = this.start(this.headers);
      first = 1;
    }
    const sink = this.sink;
    if (!sink) return false;
    // The parser numbers rows from 0 within the rows it was given.
    const base = this.fed;
    for (const e of errors) {
      const message = csvRowProblem(e);
      if (message && e.row !== undefined) this.problems.add(base + e.row + 1, message);
    }
    const width = this.headers.length;
    for (let i = first; i < data.length; i++) {
      const cells = data[i]!;
      if (isBlankRow(cells)) continue;
      const row = base + i + 1;
      this.rows++;
      if (cells.length > width) this.problems.add(row, 'More values than the header has columns.');
      sink.addRow(cells, row);
    }
    this.fed += data.length;
    return true;
  }
}
