import { describe, expect, it } from 'vitest';
import {
  addDeliverable,
  BriefValidationError,
  markBriefReady,
  briefIssues,
  readBriefState,
  removeDeliverable,
  resolveBrief,
  updateBrief,
  updateDeliverable,
  linkCreatorKeepingBrief,
  updateDropKeepingBrief,
  validateBriefPatch,
} from '../../../shared/brief';
import { createCreator, createUndoManager, readDrop, updateCreator } from '../../../shared/model';
import { briefWorkspace } from './fixtures';

function errorsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    if (e instanceof BriefValidationError) return e.errors as Record<string, string>;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('brief fields', () => {
  it('shows the drop, the creator and the directory facts without anyone typing them', () => {
    const { doc, dropId } = briefWorkspace();
    const b = resolveBrief(doc, dropId)!;
    expect(b.drop.narrative).toMatch(/harbour wind/);
    expect(b.creator?.name).toBe('Mara Lin');
    expect(b.fields.discountCode).toBe('MARA15');
    expect(b.fields.revenueSharePct).toBe(12);
    expect(b.sources.discountCode).toBe('creator');
  });

  it('follows the directory until the brief sets its own code, and goes back on reset', () => {
    const { doc, dropId, creatorId } = briefWorkspace();
    updateBrief(doc, dropId, { discountCode: 'HARBOUR20' });
    updateCreator(doc, creatorId, { discountCode: 'MARA20' });
    expect(resolveBrief(doc, dropId)!.fields.discountCode).toBe('HARBOUR20');
    updateBrief(doc, dropId, { discountCode: null });
    expect(resolveBrief(doc, dropId)!.fields.discountCode).toBe('MARA20');
  });

  it('writes the narrative and dates to the drop itself, in one undo step', () => {
    const { doc, dropId } = briefWorkspace();
    const undo = createUndoManager(doc, 0);
    updateBrief(doc, dropId, { narrative: 'Indigo, hand-dyed.', fee: 400 });
    expect(readDrop(doc, dropId)!.narrative).toBe('Indigo, hand-dyed.');
    expect(resolveBrief(doc, dropId)!.fields.fee).toBe(400);
    undo.undo();
    expect(readDrop(doc, dropId)!.narrative).toMatch(/harbour wind/);
    expect(resolveBrief(doc, dropId)!.fields.fee).toBe(0);
  });

  it('rejects bad input with a message at the field and changes nothing', () => {
    const { doc, dropId } = briefWorkspace();
    const errors = errorsOf(() =>
      updateBrief(doc, dropId, {
        fee: -5,
        currency: 'euro',
        trackingLink: 'harbour/mara',
        attributionWindowDays: 0,
        revenueSharePct: 120,
        samplesShip: '2026-02-30',
        disclosure: ' ',
      }),
    );
    expect(errors.fee).toMatch(/negative/);
    expect(errors.currency).toMatch(/three-letter/);
    expect(errors.trackingLink).toMatch(/https/);
    expect(errors.attributionWindowDays).toMatch(/one day/);
    expect(errors.revenueSharePct).toMatch(/0 and 100/);
    expect(errors.samplesShip).toMatch(/does not exist/);
    expect(errors.disclosure).toMatch(/disclosed/);
    const b = resolveBrief(doc, dropId)!;
    expect(b.fields.fee).toBe(0);
    expect(b.sources.trackingLink).toBe('creator');
    expect(
      validateBriefPatch({ metrics: { conversions: 'x'.repeat(200) } as never }),
    ).toHaveProperty(['metrics.conversions']);
  });

  it('refuses a fee with more than cents, a made-up currency and a link with a space', () => {
    const { doc, dropId } = briefWorkspace();
    const errors = errorsOf(() =>
      updateBrief(doc, dropId, {
        fee: 350.555,
        currency: 'ZZZ',
        trackingLink: 'https://a.example/x y',
      }),
    );
    expect(errors.fee).toBe('Use at most two decimals.');
    expect(errors.currency).toBe('That is not a currency code: use one like EUR, GBP or USD.');
    expect(errors.trackingLink).toMatch(/https/);
    // Positive control: the same with cents, a real code and no space are written.
    updateBrief(doc, dropId, { fee: 350.55, currency: 'CHF', trackingLink: 'https://a.example/x' });
    const b = resolveBrief(doc, dropId)!;
    expect([b.fields.fee, b.fields.currency, b.fields.trackingLink]).toEqual([
      350.55,
      'CHF',
      'https://a.example/x',
    ]);
  });

  it("forgets the brief's own code and link when the drop moves to another creator", () => {
    const { doc, dropId } = briefWorkspace();
    updateBrief(doc, dropId, { discountCode: 'MARA12', trackingLink: 'https://a.example/mara' });
    expect(resolveBrief(doc, dropId)!.sources.discountCode).toBe('brief');
    // Positive control: another edit of the drop keeps them.
    updateDropKeepingBrief(doc, dropId, { title: 'Renamed' });
    expect(resolveBrief(doc, dropId)!.fields.discountCode).toBe('MARA12');
    const other = createCreator(doc, { name: 'Jonah', discountCode: 'JONAH10' });
    linkCreatorKeepingBrief(doc, dropId, other);
    const b = resolveBrief(doc, dropId)!;
    expect(b.fields.discountCode).toBe('JONAH10');
    expect(b.sources.discountCode).toBe('creator');
    expect(b.sources.trackingLink).not.toBe('brief');
  });

  it('names each text limit in its message, thousands grouped as English writes them', () => {
    expect(validateBriefPatch({ goal: 'x'.repeat(2001) })).toEqual({
      goal: 'Keep the goal under 2,000 characters.',
    });
    expect(validateBriefPatch({ usageRights: 'x'.repeat(1001) })).toEqual({
      usageRights: 'Keep usage rights under 1,000 characters.',
    });
    expect(
      validateBriefPatch({ metrics: { conversions: 'x'.repeat(121) } as never }),
    ).toHaveProperty(['metrics.conversions'], 'Keep a target under 120 characters.');
    expect(validateBriefPatch({ goal: 'x'.repeat(2000) })).toBeNull();
  });

  it('flags a publish date more than seven days after the shoot', () => {
    const { doc, dropId } = briefWorkspace();
    updateBrief(doc, dropId, { publishDate: '2026-03-18' });
    const issues = briefIssues(resolveBrief(doc, dropId)!);
    expect(issues.publishDate).toMatch(/within 7 days of the shoot \(by Tue 17 Mar 2026\)/);
    updateBrief(doc, dropId, { publishDate: '2026-03-17' });
    expect(briefIssues(resolveBrief(doc, dropId)!).publishDate).toBeUndefined();
  });

  it('flags a timeline out of order at the earlier date', () => {
    const { doc, dropId } = briefWorkspace();
    updateBrief(doc, dropId, { samplesShip: '2026-03-12', draftDue: '2026-03-09' });
    const issues = briefIssues(resolveBrief(doc, dropId)!);
    expect(issues.samplesShip).toMatch(/on or before the shoot/);
    expect(issues.shootDate).toMatch(/on or before Draft/);
  });

  it('asks for the three-shot kit, a disclosure and a way to attribute sales', () => {
    const { doc, dropId, creatorId } = briefWorkspace();
    const rows = resolveBrief(doc, dropId)!.deliverables;
    removeDeliverable(doc, dropId, rows.find((r) => r.shot === 'detail')!.id);
    updateBrief(doc, dropId, { disclosure: 'Made with love' });
    updateCreator(doc, creatorId, { discountCode: '', trackingLink: '' });
    const issues = readBriefState(doc, dropId)!.issues;
    expect(issues.deliverables).toMatch(/missing: close-up detail/);
    expect(issues.disclosure).toMatch(/#ad/);
    expect(issues.discountCode).toMatch(/attributed/);
  });

  it("refuses a brief's code that the directory gives another creator, naming her", () => {
    const { doc, dropId } = briefWorkspace();
    createCreator(doc, { name: 'Ola Berg', platform: 'instagram', discountCode: 'OLA10' });
    // Positive control: Mara's own code (from the directory) is no issue.
    expect(readBriefState(doc, dropId)!.issues.discountCode).toBeUndefined();
    updateBrief(doc, dropId, { discountCode: 'ola10' });
    expect(readBriefState(doc, dropId)!.issues.discountCode).toBe(
      'ola10 is Ola Berg’s code in the creator directory: give this drop Mara Lin’s own code.',
    );
    expect(() => markBriefReady(doc, dropId)).toThrow(BriefValidationError);
    updateBrief(doc, dropId, { discountCode: 'HARBOUR-MARA' });
    expect(readBriefState(doc, dropId)!.issues.discountCode).toBeUndefined();
  });

  it('edits the shot list row by row', () => {
    const { doc, dropId } = briefWorkspace();
    const before = resolveBrief(doc, dropId)!.deliverables;
    expect(before.map((d) => d.shot)).toEqual(['hero', 'lifestyle', 'detail']);
    const added = addDeliverable(
      doc,
      dropId,
      { shot: 'lifestyle', channel: 'instagram', format: 'story' },
      before[1]!.id,
    );
    updateDeliverable(doc, dropId, before[0]!.id, { aspectRatio: '1:1', notes: 'On the quay' });
    const after = resolveBrief(doc, dropId)!.deliverables;
    expect(after.map((d) => d.id)).toEqual([before[0]!.id, before[1]!.id, added, before[2]!.id]);
    expect(after[0]).toMatchObject({ aspectRatio: '1:1', notes: 'On the quay' });
    expect(() => updateDeliverable(doc, dropId, added, { aspectRatio: '3:7' as never })).toThrow(
      /aspect ratio/,
    );
  });
});
