import type * as Y from 'yjs';
import { resolveBrief } from '../brief/brief';
import { readDrops } from '../model/drop';
import { readMeta } from '../model/workspace';
import { readAllActuals, EMPTY_ACTUALS } from './actuals';
import { readInterest } from './interest';
import { computeResults, type DropResultInput, type DropResults } from './metrics';
import { readOrders } from './orders';
import { readResultSettings, type ResultSettings } from './settings';

/** The sell-through target a brief states ("60 %"), or null when it names no percentage. */
export function targetPctOf(text: string): number | null {
  const m = /(\d{1,3}(?:[.,]\d+)?)\s*%/.exec(text);
  if (!m) return null;
  const n = Number(m[1]!.replace(',', '.'));
  return n >= 0 && n <= 100 ? n : null;
}

/** The metrics' inputs for every drop, read from the drops, their briefs and actuals. */
export function readResultInputs(
  doc: Y.Doc,
  settings: ResultSettings = readResultSettings(doc),
): DropResultInput[] {
  const actuals = readAllActuals(doc);
  const out: DropResultInput[] = [];
  for (const drop of readDrops(doc)) {
    const brief = resolveBrief(doc, drop.id);
    if (!brief) continue;
    const f = brief.fields;
    out.push({
      drop,
      creatorName: brief.creator?.name ?? '',
      discountCode: f.discountCode,
      trackingLink: f.trackingLink,
      attributionWindowDays: f.attributionWindowDays,
      fee: f.fee,
      revenueSharePct: f.revenueSharePct,
      currency: f.currency,
      sellThroughTargetPct: targetPctOf(f.metrics.sellThrough) ?? settings.sellThroughTargetPct,
      actuals: actuals.get(drop.id) ?? EMPTY_ACTUALS,
    });
  }
  return out;
}

/** Every drop's results, computed from the document. */
export function readResults(doc: Y.Doc): Map<string, DropResults> {
  const settings = readResultSettings(doc);
  return computeResults(
    readResultInputs(doc, settings),
    readOrders(doc),
    readInterest(doc),
    settings,
    readMeta(doc).timezone,
  );
}
