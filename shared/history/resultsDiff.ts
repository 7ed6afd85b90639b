import type * as Y from 'yjs';
import { readImports, type ImportRecord } from '../results/orders';
import { resultsRoot } from '../results/roots';
import { readResultSettings, type ResultSettings } from '../results/settings';
import { plain } from './plain';

// The workspace's own results data that differs between a snapshot and now: imported orders and
// interest events (they belong to the workspace, not to a drop) and the counting rules. A drop's
// recorded facts are listed with the drop (actualsDiff.ts).

const KIND_WORDS: Record<ImportRecord['kind'], string> = {
  orders: 'Orders',
  events: 'Interest events',
};

const SETTING_WORDS: Record<keyof ResultSettings, string> = {
  multiTouch: 'two codes on one order',
  crossDrop: "a code on another drop's product",
  unpaid: 'orders awaiting payment',
  localPostcodes: 'local postcodes',
  sellThroughTargetPct: 'sell-through target',
};

const FILES_NAMED = 3;

function importsWords(list: ImportRecord[], since: string): string {
  const n = list.length;
  const files = list.slice(0, FILES_NAMED).map((r) => r.file || 'unnamed file');
  const more = n > FILES_NAMED ? `, ${n - FILES_NAMED} more` : '';
  return `${n} ${n === 1 ? 'import' : 'imports'} ${since} (${files.join(', ')}${more})`;
}

const count = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

/** Lines for the imports, imported orders and events, and counting rules that changed. */
export function resultsLines(then: Y.Doc, now: Y.Doc): string[] {
  const lines: string[] = [];
  const importsThen = readImports(then);
  const importsNow = readImports(now);
  const idsThen = new Set(importsThen.map((r) => r.id));
  const idsNow = new Set(importsNow.map((r) => r.id));
  const sizes = {
    orders: [resultsRoot.orders(then).size, resultsRoot.orders(now).size],
    events: [resultsRoot.interest(then).size, resultsRoot.interest(now).size],
  } as const;
  const units = { orders: ['order', 'orders'], events: ['event', 'events'] } as const;
  for (const kind of ['orders', 'events'] as const) {
    // Newest first, as the Results view lists them.
    const added = importsNow.filter((r) => r.kind === kind && !idsThen.has(r.id));
    const gone = importsThen.filter((r) => r.kind === kind && !idsNow.has(r.id));
    const [a, b] = sizes[kind];
    const parts: string[] = [];
    if (added.length > 0) parts.push(importsWords(added, 'since the snapshot'));
    if (gone.length > 0) parts.push(importsWords(gone, 'taken back since'));
    if (a !== b) parts.push(`${count(a, units[kind])} then, ${b} now`);
    else if (parts.length > 0) parts.push(`${count(b, units[kind])} then and now`);
    if (parts.length > 0) lines.push(`${KIND_WORDS[kind]}: ${parts.join('; ')}`);
  }
  const was = readResultSettings(then);
  const is = readResultSettings(now);
  const rules = (Object.keys(SETTING_WORDS) as (keyof ResultSettings)[])
    .filter((k) => plain(was[k]) !== plain(is[k]))
    .map((k) => SETTING_WORDS[k]);
  if (rules.length > 0) lines.push(`Counting rules changed: ${rules.join(', ')}`);
  return lines;
}
