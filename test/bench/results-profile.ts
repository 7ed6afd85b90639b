// Times the results' shared steps in Node on the benchmark's data (no browser): reading the
// 50,000-line export, hashing, applying, and computing the results of 200 drops.
// `npx esbuild test/bench/results-profile.ts --bundle --platform=node --format=esm --outfile=/tmp/p.mjs && node /tmp/p.mjs`
// (ESM: the script awaits at its top level).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { createCreator, createDrop, initWorkspace, readStages } from '../../shared/model';
import {
  applyOrderImport,
  diffOrders,
  ensureCustomerSalt,
  hashOrders,
  readOrdersCsv,
  readResults,
  setDropSkus,
  updateResultSettings,
  type OrderFact,
} from '../../shared/results';
import {
  benchCsv,
  CREATORS,
  creatorCode,
  creatorLink,
  DROPS,
  dropDay,
  dropSku,
} from './results-data';

const doc = new Y.Doc();
initWorkspace(doc, { name: 'Bench', timezone: 'Europe/Berlin' });
const stages = readStages(doc);
const creators = Array.from({ length: CREATORS }, (_, c) =>
  createCreator(doc, { name: `C${c}`, discountCode: creatorCode(c), trackingLink: creatorLink(c) }),
);
for (let d = 0; d < DROPS; d++) {
  const id = createDrop(doc, {
    stageId: stages[d % stages.length]!.id,
    title: `Drop ${d + 1}`,
    creatorId: creators[d % CREATORS]!,
    dropDate: dropDay(d),
    inventory: 100,
    reservePct: 30,
  });
  setDropSkus(doc, id, [dropSku(d, 0), dropSku(d, 1)], 'Bench');
}
const time = async <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
  const t = performance.now();
  const r = await f();
  console.log(label, Math.round(performance.now() - t), 'ms');
  return r;
};
// CADENCE_PROFILE_FACTS=<file>: the facts read once are kept there (the CSV step is slow).
const keep = process.env.CADENCE_PROFILE_FACTS;
let facts: OrderFact[];
let rows = 0;
if (keep && existsSync(keep)) {
  ({ facts, rows } = JSON.parse(readFileSync(keep, 'utf8')) as {
    facts: OrderFact[];
    rows: number;
  });
} else {
  const csv = await time('csv', () => benchCsv());
  const read = await time('readOrdersCsv', () =>
    readOrdersCsv(csv, { timeZone: 'Europe/Berlin', localPostcodes: ['10115'] }),
  );
  facts = await time('hashOrders', () => hashOrders(read.records, ensureCustomerSalt(doc)));
  rows = read.rows;
  if (keep) writeFileSync(keep, JSON.stringify({ facts, rows }));
}
await time('diffOrders (empty)', () => diffOrders(doc, facts));
const meta = { file: 'x.csv', by: 'B', rows, testSkipped: 0 };
await time('applyOrderImport', () => applyOrderImport(doc, facts, meta));
await time('readResults', () => readResults(doc));
for (let i = 0; i < 5; i++) await time('readResults again', () => readResults(doc));
await time('diffOrders (same)', () => diffOrders(doc, facts));
await time('applyOrderImport (same)', () => applyOrderImport(doc, facts, meta));
await time('settings change', () => updateResultSettings(doc, { unpaid: 'include-pending' }));
await time('readResults after', () => readResults(doc));
console.log('doc bytes', Y.encodeStateAsUpdate(doc).byteLength);
