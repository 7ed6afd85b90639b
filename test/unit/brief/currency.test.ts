import { describe, expect, it } from 'vitest';
import {
  buildBriefPrintModel,
  readDropCurrency,
  readWorkspaceCurrency,
  resolveBrief,
  snapshotBrief,
  updateBrief,
  updateBriefTemplate,
} from '../../../shared/brief';
import { createCreator, createDrop, linkCreator, root } from '../../../shared/model';
import { creatorLeaderboard, dropPoints, readResults } from '../../../shared/results';
import { briefWorkspace } from './fixtures';

// The workspace's currency lives in one place (the template's `currency`); every drop's money
// is in it unless the drop's brief names its own (docs/results.md, "Currency").
describe("the workspace's currency", () => {
  it('is the playbook’s EUR until the workspace chooses one, then the chosen one', () => {
    const { doc, dropId } = briefWorkspace();
    expect(readWorkspaceCurrency(doc)).toBe('EUR');
    updateBriefTemplate(doc, { fields: { currency: 'GBP' } });
    expect(readWorkspaceCurrency(doc)).toBe('GBP');
    expect(readDropCurrency(doc, dropId)).toBe('GBP');
    expect(resolveBrief(doc, dropId)!.fields.currency).toBe('GBP');
  });

  it('reads a malformed value from a peer as the playbook’s', () => {
    const { doc } = briefWorkspace();
    root.meta(doc).set('briefTemplate:currency', 'pounds');
    expect(readWorkspaceCurrency(doc)).toBe('EUR');
  });

  it('does not re-label a drop whose brief names its own currency', () => {
    const { doc, dropId, stageId } = briefWorkspace();
    updateBrief(doc, dropId, { currency: 'USD' });
    updateBriefTemplate(doc, { fields: { currency: 'JPY' } });
    const other = createDrop(doc, { stageId, title: 'Indigo stitch', dropDate: '2026-03-20' });
    expect(readDropCurrency(doc, dropId)).toBe('USD');
    expect(readDropCurrency(doc, other)).toBe('JPY');
    const results = readResults(doc);
    expect(results.get(dropId)!.currency).toBe('USD');
    expect(results.get(other)!.currency).toBe('JPY');
  });

  it('labels the results, their chart points and the leaderboard, and says when a sum mixes currencies', () => {
    const { doc, dropId, stageId, creatorId } = briefWorkspace();
    updateBriefTemplate(doc, { fields: { currency: 'GBP' } });
    const second = createDrop(doc, { stageId, title: 'Indigo stitch', dropDate: '2026-03-20' });
    linkCreator(doc, second, creatorId);
    const solo = createCreator(doc, { name: 'Ola Berg' });
    const third = createDrop(doc, { stageId, title: 'Sea salt tee', dropDate: '2026-03-25' });
    linkCreator(doc, third, solo);
    const day = (id: string) => (id === dropId ? '2026-03-17' : '2026-03-20');
    let results = readResults(doc);
    expect(dropPoints(results.values(), day).map((p) => p.currency)).toEqual(['GBP', 'GBP', 'GBP']);
    expect(creatorLeaderboard(results.values()).map((r) => r.currency)).toEqual(['GBP', 'GBP']);

    updateBrief(doc, second, { currency: 'USD' });
    results = readResults(doc);
    const rows = new Map(creatorLeaderboard(results.values()).map((r) => [r.name, r.currency]));
    expect(rows.get('Mara Lin')).toBeNull();
    expect(rows.get('Ola Berg')).toBe('GBP');
  });

  it('is the currency of the brief and its PDF (the fee), written the same for every reader', () => {
    const { doc, dropId } = briefWorkspace();
    updateBriefTemplate(doc, { fields: { currency: 'GBP', fee: 350 } });
    const brief = resolveBrief(doc, dropId)!;
    expect(snapshotBrief(brief, []).fields.fee).toBe('£350.00');
    const m = buildBriefPrintModel(brief, [], { version: 1, issuedAt: Date.UTC(2026, 1, 20) });
    expect(m.money[0]).toEqual({ label: 'Fee', value: '£350.00' });
    expect(m.money[1]).toEqual({ label: 'Revenue share', value: '12 % of attributed sales' });
    updateBriefTemplate(doc, { fields: { currency: 'JPY', fee: 50_000 } });
    expect(snapshotBrief(resolveBrief(doc, dropId)!, []).fields.fee).toBe('JP¥50,000');
  });

  it('says "No revenue share" on the PDF of a brief without one, as it says "No flat fee"', () => {
    const { doc, dropId } = briefWorkspace();
    updateBriefTemplate(doc, { fields: { fee: 0 } });
    updateBrief(doc, dropId, { revenueSharePct: 0 });
    const m = buildBriefPrintModel(resolveBrief(doc, dropId)!, [], {
      version: 1,
      issuedAt: Date.UTC(2026, 1, 20),
    });
    expect(m.money.slice(0, 2)).toEqual([
      { label: 'Fee', value: 'No flat fee' },
      { label: 'Revenue share', value: 'No revenue share' },
    ]);
  });

  it('promises the creator the attribution window Results count: from the launch, to its day', () => {
    const { doc, dropId } = briefWorkspace();
    const m = buildBriefPrintModel(resolveBrief(doc, dropId)!, [], {
      version: 1,
      issuedAt: Date.UTC(2026, 1, 20),
    });
    // The launch is Tue 17 Mar 2026; Results count its orders for 30 days from then.
    expect(m.tracking.find((r) => r.label === 'Attribution window')?.value).toBe(
      'Orders from the launch until Thu 16 Apr 2026 (30 days)',
    );
  });
});
