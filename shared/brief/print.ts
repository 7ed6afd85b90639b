import { CHANNEL_LABELS } from '../model/channels';
import { CREATOR_PLATFORM_LABELS, formatHandle, HANDLE_PLATFORMS } from '../model/creator';
import type { Block } from './body';
import type { ResolvedBrief } from './brief';
import { briefMoney } from './content';
import { addDays, formatDay, daysFromTo } from './days';
import { ASSET_FORMAT_LABELS, listLines, METRIC_LABELS, METRICS, SHOT_LABELS } from './fields';
import { fileNameSlug } from '../fileNameSlug';

export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface PrintRow {
  label: string;
  value: string;
  /** A web address the value stands for: printed as a link (a PDF link annotation). */
  href?: string;
}

export interface TimelineEntry {
  label: string;
  day: string | null;
  date: string;
  /** Shoot, publish and launch: the dates that carry the drop. */
  milestone: boolean;
  note: string;
}

export interface ShotRow {
  shot: string;
  channel: string;
  format: string;
  length: string;
  aspectRatio: string;
  notes: string;
}

/** Everything the PDF shows, in order, as plain data (no DOM, no editor types). */
export interface BriefPrintModel {
  /** Document title (also the PDF's title). */
  title: string;
  /** Document author (the PDF's author): the brand. */
  author: string;
  /** The PDF's subject: which drop, for whom, launching when. */
  subject: string;
  fileName: string;
  pageSize: PageSize;
  header: {
    brand: string;
    dropTitle: string;
    /** The linked creator's name; null until a drop has one ("Creator to be confirmed"). */
    creator: string | null;
    handles: string[];
    version: number;
    issued: string;
    /** The launch day; null until the drop has one ("Launch date to be confirmed"). */
    launch: string | null;
  };
  narrative: string;
  whyCreator: string;
  goal: string;
  measures: PrintRow[];
  timeline: TimelineEntry[];
  shots: ShotRow[];
  money: PrintRow[];
  tracking: PrintRow[];
  dos: string[];
  donts: string[];
  rights: PrintRow[];
  logistics: PrintRow[];
  contacts: string[];
  body: Block[];
}

/** A safe, readable file name: `<brand>-<drop>-brief-v<n>.pdf`. */
export function briefFileName(brand: string, dropTitle: string, version: number): string {
  const slug = (s: string) => fileNameSlug(s, 40, 'untitled');
  return `${slug(brand)}-${slug(dropTitle)}-brief-v${version}.pdf`;
}

/** The document title (and PDF title) of a brief. */
export function briefTitle(brand: string, dropTitle: string, version: number): string {
  return `${dropTitle} — creator brief v${version} · ${brand}`;
}

/** The PDF's subject line, e.g. "Creator brief for Harbour Linen · Aiko Tan · launch Sat 30 Jan 2027". */
export function briefSubject(dropTitle: string, creator: string, launch: string): string {
  return [`Creator brief for ${dropTitle}`, creator, launch && `launch ${launch}`]
    .filter(Boolean)
    .join(' · ');
}

// Only http(s) addresses become links: a document value never picks the scheme of a link in
// the creator's PDF (no javascript:, file: or data:).
function webAddress(value: string): string | undefined {
  const text = value.trim();
  if (!/^https?:\/\/\S+$/i.test(text)) return undefined;
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}

/** Builds the PDF's content from a resolved brief and its rich text. Pure. */
export function buildBriefPrintModel(
  brief: ResolvedBrief,
  body: Block[],
  opts: { version: number; pageSize?: PageSize; issuedAt?: number },
): BriefPrintModel {
  const { drop, creator, fields: f } = brief;
  const issued = new Date(opts.issuedAt ?? Date.now()).toISOString().slice(0, 10);
  const handles = creator
    ? HANDLE_PLATFORMS.filter((p) => creator.handles[p]).map(
        (p) => `${CREATOR_PLATFORM_LABELS[p]} ${formatHandle(creator.handles[p])}`,
      )
    : [];
  const day = (d: string | null) => formatDay(d);
  const publishNote =
    drop.shootDate && drop.publishDate
      ? `${daysFromTo(drop.shootDate, drop.publishDate)} days after the shoot`
      : '';
  const timeline: TimelineEntry[] = [
    { label: 'Brief lock', day: f.briefLock, milestone: false, note: 'Questions in by then' },
    {
      label: 'Samples ship',
      day: f.samplesShip,
      milestone: false,
      note: f.sampleSizes ? `Sizes ${f.sampleSizes}` : '',
    },
    {
      label: 'Shoot',
      day: drop.shootDate,
      milestone: true,
      note: 'Three shots: hero, lifestyle, detail',
    },
    {
      label: 'Draft due',
      day: f.draftDue,
      milestone: false,
      note: 'Share drafts for a quick check',
    },
    { label: 'Final due', day: f.finalDue, milestone: false, note: 'Final files, full resolution' },
    { label: 'Publish', day: drop.publishDate, milestone: true, note: publishNote },
    { label: 'Launch', day: drop.dropDate, milestone: true, note: 'The drop goes live' },
  ]
    .filter((t) => t.day)
    .map((t) => ({ ...t, date: day(t.day) }));

  const reserveUnits = Math.round((drop.inventory * drop.reservePct) / 100);
  return {
    title: briefTitle(brief.brand, drop.title, opts.version),
    author: brief.brand,
    subject: briefSubject(drop.title, creator?.name ?? '', drop.dropDate ? day(drop.dropDate) : ''),
    fileName: briefFileName(brief.brand, drop.title, opts.version),
    pageSize: opts.pageSize ?? 'A4',
    header: {
      brand: brief.brand,
      dropTitle: drop.title,
      creator: creator?.name ?? null,
      handles,
      version: opts.version,
      issued: day(issued),
      launch: drop.dropDate ? day(drop.dropDate) : null,
    },
    narrative: drop.narrative,
    whyCreator: f.whyCreator,
    goal: f.goal,
    measures: METRICS.filter((m) => f.metrics[m].trim()).map((m) => ({
      label: METRIC_LABELS[m],
      value: f.metrics[m],
    })),
    timeline,
    shots: brief.deliverables.map((d) => ({
      shot: SHOT_LABELS[d.shot],
      channel: CHANNEL_LABELS[d.channel],
      format: ASSET_FORMAT_LABELS[d.format],
      length: d.length || '—',
      aspectRatio: d.aspectRatio,
      notes: d.notes,
    })),
    money: [
      { label: 'Fee', value: f.fee > 0 ? briefMoney(f.fee, f.currency) : 'No flat fee' },
      {
        label: 'Revenue share',
        value:
          f.revenueSharePct > 0 ? `${f.revenueSharePct} % of attributed sales` : 'No revenue share',
      },
      { label: 'Payout', value: f.payoutTiming },
    ].filter((r) => r.value),
    tracking: [
      { label: 'Discount code', value: f.discountCode },
      { label: 'Tracking link', value: f.trackingLink, href: webAddress(f.trackingLink) },
      {
        label: 'Attribution window',
        // As Results count them: orders from the launch until the window's last day.
        value: drop.dropDate
          ? `Orders from the launch until ${day(addDays(drop.dropDate, f.attributionWindowDays))} (${f.attributionWindowDays} days)`
          : `Orders in the ${f.attributionWindowDays} days from the launch`,
      },
    ].filter((r) => r.value),
    dos: listLines(f.mustMentions),
    donts: listLines(f.doNots),
    rights: [
      { label: 'Disclosure', value: f.disclosure },
      { label: 'Usage rights', value: f.usageRights },
      { label: 'Exclusivity', value: f.exclusivity },
    ].filter((r) => r.value),
    logistics: [
      { label: 'Sample sizes', value: f.sampleSizes },
      { label: 'Samples ship', value: f.samplesShip ? day(f.samplesShip) : '' },
      {
        label: 'After the shoot',
        value:
          f.samplesKeep === 'keep' ? 'Keep the samples' : 'Return the samples (label included)',
      },
      { label: 'Packaging & unboxing', value: f.packagingNotes },
      {
        label: 'Creator-fan reserve',
        value:
          drop.inventory > 0
            ? `${reserveUnits} of ${drop.inventory} units (${drop.reservePct} %) held for pop-ups and your fans`
            : `${drop.reservePct} % of the run held for pop-ups and your fans`,
      },
      { label: 'Pop-up appearance', value: f.popUp },
      {
        label: 'Channels',
        value: drop.channels.map((c) => CHANNEL_LABELS[c]).join(', '),
      },
    ].filter((r) => r.value),
    contacts: listLines(f.contacts),
    body,
  };
}
