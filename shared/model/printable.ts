// C0 and C1 controls (line breaks, tabs, NUL, bell) and the invisible marks, embeddings,
// overrides and isolates that change the direction of the text around them: "Team \u202Egnp.exe"
// reads as "Team exe.png", and a line break in a name breaks the layout of every list it is in.
const UNPRINTABLE_CLASS =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]';
const UNPRINTABLE = new RegExp(UNPRINTABLE_CLASS, 'g');
// Anything `printableLine` would change: most text has nothing, and is returned as it is.
const NEEDS_CLEANING = new RegExp(`${UNPRINTABLE_CLASS}|\\s\\s|[^\\S ]|^\\s|\\s$`);

/**
 * Text as a one-line name or title, shown in lists and menus: unprintable characters (controls,
 * line breaks, direction marks and overrides) become spaces, runs of spaces one, none at either
 * end, and at most `max` characters (never half an emoji). '' when nothing is left.
 *
 * The one rule for every name that comes from outside this window: an invite, a workspace or
 * backup file, a teammate's copy, a paste. Names are cleaned when they are saved and again when
 * they are read, so one written by an older Cadence or by hand shows cleaned too.
 */
export function printableLine(raw: string, max = Infinity): string {
  let text = NEEDS_CLEANING.test(raw)
    ? raw.replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim()
    : raw;
  if (text.length > max) {
    text = text.slice(0, max);
    if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
    text = text.trim();
  }
  return text;
}

/**
 * A file's name as people see it (a file picked, dropped, or saved to): one plain line by the
 * rule above, so "invoice\u202Evsc.exe" cannot pose as "invoiceexe.csv" and a line break cannot
 * break a dialog's title. For showing only: the file on disk keeps its name. 'unnamed file' when
 * nothing printable is left.
 */
export function printableFileName(name: string): string {
  return printableLine(name) || 'unnamed file';
}
