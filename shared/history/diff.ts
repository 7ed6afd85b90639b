import type * as Y from 'yjs';
import { readDropCurrency } from '../brief/brief';
import { FIELD_LABELS } from '../brief/fields';
import { readWorkspaceCurrency } from '../brief/template';
import { CHANNEL_LABELS } from '../model/channels';
import { readCreatorRecord, type Creator } from '../model/creator';
import { readDropRecord, type Drop } from '../model/drop';
import type { DropId } from '../model/ids';
import { recordAt, root, type YRecord } from '../model/schema';
import { readStages } from '../model/stage';
import { formatMoney } from '../model/money';
import { readMeta } from '../model/workspace';
import { readFactsByDrop } from '../results/dropFacts';
import { actualsLines } from './actualsDiff';
import { resultsLines } from './resultsDiff';
import { plain } from './plain';
import { dayWords, quoted } from './words';

/** How one thing differs between a snapshot and now. */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** What happened to one drop (and its brief) since the snapshot. */
export interface DropChange {
  id: DropId;
  kind: ChangeKind;
  /** The title now, or the snapshot's when the drop was deleted since. */
  title: string;
  /** One line per change, in the product's words. */
  lines: string[];
}

/** What happened to a creator or a stage since the snapshot. */
export interface NamedChange {
  id: string;
  kind: ChangeKind;
  name: string;
  lines: string[];
}

/** Everything that differs between a snapshot (`then`) and the workspace now. */
export interface WorkspaceDiff {
  drops: DropChange[];
  creators: NamedChange[];
  stages: NamedChange[];
  /** The workspace's own settings (name, cadence, time zone). */
  workspace: string[];
  /**
   * The workspace's results data: imports of orders and interest events, and the counting
   * rules (a drop's recorded facts are listed with the drop).
   */
  results: string[];
  /** Drops in the snapshot and now (archived included). */
  dropCount: { then: number; now: number };
}

/** True when nothing a person would see differs. */
export function isUnchanged(diff: WorkspaceDiff): boolean {
  return (
    diff.drops.length === 0 &&
    diff.creators.length === 0 &&
    diff.stages.length === 0 &&
    diff.workspace.length === 0 &&
    diff.results.length === 0
  );
}

/** Lists what changed between a snapshot's document and the current one, in the product's words. */
export function diffWorkspaces(then: Y.Doc, now: Y.Doc): WorkspaceDiff {
  const stageNames = new Map<string, string>();
  // Names from the snapshot first, so a stage removed since still has its old name.
  for (const s of readStages(then)) stageNames.set(s.id, s.name);
  for (const s of readStages(now)) stageNames.set(s.id, s.name);
  const stageName = (id: string) => stageNames.get(id) ?? 'a removed stage';
  const creatorsThen = creatorMap(then);
  const creatorsNow = creatorMap(now);
  const creatorName = (id: string | null) =>
    id === null
      ? 'none'
      : quoted((creatorsNow.get(id) ?? creatorsThen.get(id))?.name ?? 'a removed creator');

  const dropsThen = dropMap(then);
  const dropsNow = dropMap(now);
  // What was recorded for each drop (Results), compared in the workspace's time zone.
  const factsThen = readFactsByDrop(then);
  const factsNow = readFactsByDrop(now);
  const none: ReadonlyMap<string, unknown> = new Map();
  const tz = readMeta(now).timezone;
  const drops: DropChange[] = [];
  for (const [id, was] of dropsThen) {
    const is = dropsNow.get(id);
    if (!is) {
      drops.push({
        id,
        kind: 'removed',
        title: was.title,
        lines: [`Deleted since the snapshot (it was in ${stageName(was.pos.stageId)})`],
      });
      continue;
    }
    // Each amount in the currency it was in then and is in now (a currency change shows).
    const money = { was: readDropCurrency(then, id), is: readDropCurrency(now, id) };
    const lines = [
      ...dropLines(was, is, stageName, creatorName, money),
      ...briefLines(then, now, id),
      ...actualsLines(
        { facts: factsThen.get(id) ?? none, currency: money.was },
        { facts: factsNow.get(id) ?? none, currency: money.is },
        tz,
      ),
    ];
    if (lines.length > 0) drops.push({ id, kind: 'changed', title: is.title, lines });
  }
  for (const [id, is] of dropsNow) {
    if (dropsThen.has(id)) continue;
    drops.push({
      id,
      kind: 'added',
      title: is.title,
      lines: [`Added since the snapshot, in ${stageName(is.pos.stageId)}`],
    });
  }
  drops.sort(byKindThenName((d) => d.title));

  return {
    drops,
    creators: creatorChanges(creatorsThen, creatorsNow),
    stages: stageChanges(then, now),
    workspace: workspaceLines(then, now),
    results: resultsLines(then, now),
    dropCount: { then: dropsThen.size, now: dropsNow.size },
  };
}

const KIND_ORDER: Record<ChangeKind, number> = { removed: 0, changed: 1, added: 2 };

function byKindThenName<T extends { kind: ChangeKind; id: string }>(name: (t: T) => string) {
  return (a: T, b: T) =>
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    name(a).localeCompare(name(b)) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function dropMap(doc: Y.Doc): Map<DropId, Drop> {
  const out = new Map<DropId, Drop>();
  root.drops(doc).forEach((rec, id) => {
    const drop = readDropRecord(id, rec);
    if (drop) out.set(drop.id, drop);
  });
  return out;
}

function creatorMap(doc: Y.Doc): Map<string, Creator> {
  const out = new Map<string, Creator>();
  root.creators(doc).forEach((rec, id) => {
    const c = readCreatorRecord(id, rec);
    if (c) out.set(id, c);
  });
  return out;
}

function dropLines(
  was: Drop,
  is: Drop,
  stageName: (id: string) => string,
  creatorName: (id: string | null) => string,
  currency: { was: string; is: string },
): string[] {
  const lines: string[] = [];
  if (was.title !== is.title)
    lines.push(`Renamed from ${quoted(was.title)} to ${quoted(is.title)}`);
  if (was.pos.stageId !== is.pos.stageId) {
    lines.push(`Moved from ${stageName(was.pos.stageId)} to ${stageName(is.pos.stageId)}`);
  } else if (was.pos.rank !== is.pos.rank) {
    lines.push(`Moved within ${stageName(is.pos.stageId)}`);
  }
  const dates = [
    ['shootDate', 'Shoot'],
    ['publishDate', 'Publish'],
    ['dropDate', 'Drop'],
  ] as const;
  for (const [key, label] of dates) {
    if (was[key] !== is[key])
      lines.push(`Rescheduled: ${label} ${dayWords(was[key])} → ${dayWords(is[key])}`);
  }
  if ((was.launchTime ?? null) !== (is.launchTime ?? null))
    lines.push(`Launch time ${was.launchTime ?? 'not set'} → ${is.launchTime ?? 'not set'}`);
  if (was.creatorId !== is.creatorId)
    lines.push(`Creator ${creatorName(was.creatorId)} → ${creatorName(is.creatorId)}`);
  if (was.narrative !== is.narrative) lines.push('Narrative changed');
  if (was.channels.join() !== is.channels.join()) {
    const words = (d: Drop) => d.channels.map((c) => CHANNEL_LABELS[c]).join(', ') || 'none';
    lines.push(`Channels ${words(was)} → ${words(is)}`);
  }
  if (was.inventory !== is.inventory) lines.push(`Inventory ${was.inventory} → ${is.inventory}`);
  if (was.reservePct !== is.reservePct)
    lines.push(`Reserve ${was.reservePct} % → ${is.reservePct} %`);
  const budget = (d: Drop, cur: string) => formatMoney(d.adBudget, cur);
  if (was.adBudget !== is.adBudget)
    lines.push(`Retargeting ad budget ${budget(was, currency.was)} → ${budget(is, currency.is)}`);
  if (was.color !== is.color) lines.push('Colour changed');
  if (was.archived !== is.archived)
    lines.push(is.archived ? 'Archived' : 'Brought back from the archive');
  return lines;
}

/** The keys of a brief record whose values differ. */
function changedBriefKeys(was: YRecord | undefined, is: YRecord | undefined): string[] {
  const keys = new Set<string>([...(was?.keys() ?? []), ...(is?.keys() ?? [])]);
  return [...keys].filter((k) => plain(was?.get(k)) !== plain(is?.get(k))).sort();
}

function briefLines(then: Y.Doc, now: Y.Doc, id: DropId): string[] {
  const changed = changedBriefKeys(recordAt(root.briefs(then), id), recordAt(root.briefs(now), id));
  const labels = new Set<string>();
  let status = false;
  for (const key of changed) {
    if (key.startsWith('deliverable:')) labels.add(FIELD_LABELS.deliverables);
    else if (key === 'status' || key === 'sent') status = true;
    else labels.add((FIELD_LABELS as Record<string, string>)[key] ?? key);
  }
  const lines: string[] = [];
  if (labels.size > 0) lines.push(`Brief changed: ${[...labels].join(', ')}`);
  if (root.briefBody(then, id).toString() !== root.briefBody(now, id).toString())
    lines.push('Brief text changed');
  if (status) lines.push('Brief status changed');
  return lines;
}

const CREATOR_FIELDS: [keyof Creator, string][] = [
  ['platform', 'platform'],
  ['email', 'email'],
  ['region', 'region'],
  ['revenueSharePct', 'revenue share'],
  ['discountCode', 'discount code'],
  ['trackingLink', 'tracking link'],
  ['notes', 'notes'],
  ['handles', 'handles'],
];

function creatorChanges(then: Map<string, Creator>, now: Map<string, Creator>): NamedChange[] {
  const out: NamedChange[] = [];
  for (const [id, was] of then) {
    const is = now.get(id);
    if (!is) {
      out.push({ id, kind: 'removed', name: was.name, lines: ['Removed from the directory'] });
      continue;
    }
    const lines: string[] = [];
    if (was.name !== is.name) lines.push(`Renamed from ${quoted(was.name)} to ${quoted(is.name)}`);
    const fields = CREATOR_FIELDS.filter(([k]) => plain(was[k]) !== plain(is[k])).map(([, w]) => w);
    if (fields.length > 0) lines.push(`Changed: ${fields.join(', ')}`);
    if (lines.length > 0) out.push({ id, kind: 'changed', name: is.name, lines });
  }
  for (const [id, is] of now)
    if (!then.has(id))
      out.push({ id, kind: 'added', name: is.name, lines: ['Added to the directory'] });
  return out.sort(byKindThenName((c) => c.name));
}

function stageChanges(then: Y.Doc, now: Y.Doc): NamedChange[] {
  const was = new Map(readStages(then).map((s, i) => [s.id as string, { ...s, index: i }]));
  const is = new Map(readStages(now).map((s, i) => [s.id as string, { ...s, index: i }]));
  const out: NamedChange[] = [];
  for (const [id, s] of was) {
    const n = is.get(id);
    if (!n) out.push({ id, kind: 'removed', name: s.name, lines: ['Stage removed'] });
    else if (s.name !== n.name)
      out.push({
        id,
        kind: 'changed',
        name: n.name,
        lines: [`Renamed from ${quoted(s.name)} to ${quoted(n.name)}`],
      });
  }
  for (const [id, s] of is)
    if (!was.has(id)) out.push({ id, kind: 'added', name: s.name, lines: ['Stage added'] });
  const orderThen = [...was.keys()].filter((id) => is.has(id));
  const orderNow = [...is.keys()].filter((id) => was.has(id));
  if (orderThen.join() !== orderNow.join())
    out.push({ id: '', kind: 'changed', name: 'Stage order', lines: ['Stages reordered'] });
  return out.sort(byKindThenName((c) => c.name));
}

function workspaceLines(then: Y.Doc, now: Y.Doc): string[] {
  const was = readMeta(then);
  const is = readMeta(now);
  const lines: string[] = [];
  if (was.name !== is.name)
    lines.push(`Workspace renamed from ${quoted(was.name)} to ${quoted(is.name)}`);
  if (plain(was.cadence) !== plain(is.cadence)) lines.push('Cadence changed');
  if (was.timezone !== is.timezone) lines.push(`Time zone ${was.timezone} → ${is.timezone}`);
  const [curWas, curIs] = [readWorkspaceCurrency(then), readWorkspaceCurrency(now)];
  if (curWas !== curIs) lines.push(`Currency ${curWas} → ${curIs}`);
  return lines;
}
