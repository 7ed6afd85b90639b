import { formatHandle } from '../model/creator';
import { CHANNEL_LABELS } from '../model/channels';
import { BRIEF_LOCALE, formatMoney } from '../model/money';
import { blocksToLines, type Block } from './body';
import type { ResolvedBrief } from './brief';
import {
  ASSET_FORMAT_LABELS,
  FIELD_LABELS,
  METRIC_LABELS,
  METRICS,
  SHOT_LABELS,
  type Deliverable,
} from './fields';

/**
 * What was exported, in a comparable form: one display string per field and one line per
 * block of rich text. Stored with the "sent" status so later changes can be listed.
 */
export interface BriefSnapshot {
  fields: Record<string, string>;
  body: string[];
}

/** Money as a brief states it: the same text for every reader (see BRIEF_LOCALE). */
export function briefMoney(amount: number, currency: string): string {
  return formatMoney(amount, currency, { locale: BRIEF_LOCALE, cents: 'exact' });
}

export function describeDeliverable(d: Deliverable): string {
  return [
    SHOT_LABELS[d.shot],
    CHANNEL_LABELS[d.channel],
    ASSET_FORMAT_LABELS[d.format],
    d.length,
    d.aspectRatio,
    d.notes,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The brief's content as the creator receives it (resolved values, rich text as lines). */
export function snapshotBrief(b: ResolvedBrief, body: Block[]): BriefSnapshot {
  const f = b.fields;
  const c = b.creator;
  const fields: Record<string, string> = {
    title: b.drop.title,
    narrative: b.drop.narrative,
    creator: c
      ? [c.name, ...Object.values(c.handles).filter(Boolean).map(formatHandle)].join(' ')
      : '',
    whyCreator: f.whyCreator,
    goal: f.goal,
    briefLock: f.briefLock ?? '',
    samplesShip: f.samplesShip ?? '',
    shootDate: b.drop.shootDate ?? '',
    draftDue: f.draftDue ?? '',
    finalDue: f.finalDue ?? '',
    publishDate: b.drop.publishDate ?? '',
    dropDate: b.drop.dropDate ?? '',
    mustMentions: f.mustMentions,
    doNots: f.doNots,
    usageRights: f.usageRights,
    exclusivity: f.exclusivity,
    disclosure: f.disclosure,
    fee: briefMoney(f.fee, f.currency),
    revenueSharePct: `${f.revenueSharePct} %`,
    payoutTiming: f.payoutTiming,
    discountCode: f.discountCode,
    trackingLink: f.trackingLink,
    attributionWindowDays: `${f.attributionWindowDays} days`,
    sampleSizes: f.sampleSizes,
    samplesKeep: f.samplesKeep === 'keep' ? 'Keep the samples' : 'Return the samples',
    packagingNotes: f.packagingNotes,
    reservePct: `${b.drop.reservePct} %`,
    popUp: f.popUp,
    contacts: f.contacts,
  };
  for (const m of METRICS) fields[`metrics.${m}`] = f.metrics[m];
  b.deliverables.forEach((d, i) => (fields[`deliverables.${i + 1}`] = describeDeliverable(d)));
  return { fields, body: blocksToLines(body) };
}

export function labelOfSnapshotKey(key: string): string {
  if (key === 'title') return 'Drop';
  const [head, sub] = key.split('.');
  if (head === 'metrics' && sub) return METRIC_LABELS[sub as (typeof METRICS)[number]] ?? sub;
  if (head === 'deliverables' && sub) return `Shot ${sub}`;
  return (FIELD_LABELS as Record<string, string>)[head ?? key] ?? key;
}

export interface FieldChange {
  key: string;
  label: string;
  before: string;
  after: string;
}
export interface LineChange {
  kind: 'added' | 'removed';
  text: string;
  /** Line number in the new text (added) or the old text (removed), 1-based. */
  line: number;
}
export interface BriefChanges {
  fields: FieldChange[];
  body: LineChange[];
}

/** What changed between an exported snapshot and now (fields, then rich-text lines). */
export function diffBrief(before: BriefSnapshot, after: BriefSnapshot): BriefChanges {
  const keys = [...new Set([...Object.keys(before.fields), ...Object.keys(after.fields)])];
  const fields: FieldChange[] = [];
  for (const key of keys) {
    const a = before.fields[key] ?? '';
    const b = after.fields[key] ?? '';
    if (a !== b) fields.push({ key, label: labelOfSnapshotKey(key), before: a, after: b });
  }
  return { fields, body: diffLines(trimEmpty(before.body), trimEmpty(after.body)) };
}

export function hasChanges(c: BriefChanges): boolean {
  return c.fields.length > 0 || c.body.length > 0;
}

// Empty paragraphs at the end are not a change a creator would notice.
function trimEmpty(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  return lines.slice(0, end);
}

/** Line diff by longest common subsequence (briefs are short; 1,000 lines is 1 M cells). */
export function diffLines(a: string[], b: string[]): LineChange[] {
  // Skip the common head and tail first: most edits touch a few lines in the middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const n = x.length;
  const m = y.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push({ kind: 'added', text: y[j]!, line: start + j + 1 });
      j++;
    } else {
      out.push({ kind: 'removed', text: x[i]!, line: start + i + 1 });
      i++;
    }
  }
  return out;
}
