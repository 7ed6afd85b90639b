import { describe, expect, it } from 'vitest';
import {
  BriefValidationError,
  markBriefDraft,
  markBriefReady,
  markBriefSent,
  readBriefState,
  readDropCurrency,
  snapshotForExport,
  updateBrief,
  updateBriefTemplate,
} from '../../../shared/brief';
import { updateCreator } from '../../../shared/model';
import { briefWorkspace, p, writeBody } from './fixtures';

describe('brief status', () => {
  it('goes draft → ready → sent, recording when and which version', () => {
    const { doc, dropId } = briefWorkspace();
    expect(readBriefState(doc, dropId)!.status).toBe('draft');
    markBriefReady(doc, dropId);
    expect(readBriefState(doc, dropId)!.status).toBe('ready');
    const v = markBriefSent(doc, dropId, { now: 1_773_000_000_000, fileName: 'a-v1.pdf' });
    const s = readBriefState(doc, dropId)!;
    expect(v).toBe(1);
    expect(s.status).toBe('sent');
    expect(s.sent).toMatchObject({ at: 1_773_000_000_000, version: 1, fileName: 'a-v1.pdf' });
    expect(s.sent!.snapshot.fields.discountCode).toBe('MARA15');
    expect(s.nextVersion).toBe(2);
  });

  it('will not be ready while the brief has issues, and says why', () => {
    const { doc, dropId } = briefWorkspace();
    updateBrief(doc, dropId, { publishDate: '2026-03-25' });
    let error: unknown;
    try {
      markBriefReady(doc, dropId);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BriefValidationError);
    expect((error as BriefValidationError).errors.publishDate).toMatch(/7 days/);
    expect(readBriefState(doc, dropId)!.status).toBe('draft');
  });

  it('is a draft again when a problem appears after it was marked ready, and is not sent with it', () => {
    const { doc, dropId } = briefWorkspace();
    markBriefReady(doc, dropId);
    expect(readBriefState(doc, dropId)!.status).toBe('ready');
    const publishDate = readBriefState(doc, dropId)!.brief.drop.publishDate;
    // A problem found since: the publish date too far from the shoot.
    updateBrief(doc, dropId, { publishDate: '2026-03-25' });
    expect(readBriefState(doc, dropId)!.status).toBe('draft');
    expect(() => markBriefSent(doc, dropId)).toThrow(BriefValidationError);
    expect(readBriefState(doc, dropId)!.sent).toBeNull();
    // Positive control: fixed, it is ready again and can be sent.
    updateBrief(doc, dropId, { publishDate });
    expect(readBriefState(doc, dropId)!.issues).toEqual({});
    expect(readBriefState(doc, dropId)!.status).toBe('ready');
    expect(markBriefSent(doc, dropId)).toBe(1);
  });

  it("keeps the currency it was sent in when the workspace's changes", () => {
    const { doc, dropId } = briefWorkspace();
    const before = readDropCurrency(doc, dropId);
    markBriefSent(doc, dropId);
    updateBriefTemplate(doc, { fields: { currency: before === 'GBP' ? 'USD' : 'GBP' } });
    expect(readDropCurrency(doc, dropId)).toBe(before);
    expect(readBriefState(doc, dropId)!.status).toBe('sent');
    // Positive control: a brief never sent follows the workspace's currency.
    const other = briefWorkspace();
    updateBriefTemplate(other.doc, { fields: { currency: 'GBP' } });
    expect(readDropCurrency(other.doc, other.dropId)).toBe('GBP');
  });

  it('is "changed since sent" after an edit, with what changed field by field and line by line', () => {
    const { doc, dropId, creatorId } = briefWorkspace();
    writeBody(doc, dropId, [p('Golden hour on the quay.'), p('Wind in the sleeves.')]);
    markBriefSent(doc, dropId);
    updateBrief(doc, dropId, { fee: 450 });
    updateCreator(doc, creatorId, { discountCode: 'MARA20' });
    writeBody(doc, dropId, [p('Golden hour on the quay.'), p('Rope, salt, linen.')]);
    const s = readBriefState(doc, dropId)!;
    expect(s.status).toBe('changed');
    const byKey = Object.fromEntries(s.changes!.fields.map((c) => [c.key, c]));
    expect(byKey.discountCode).toMatchObject({
      label: 'Discount code',
      before: 'MARA15',
      after: 'MARA20',
    });
    expect(byKey.fee!.after).toMatch(/450/);
    expect(s.changes!.body).toEqual([
      { kind: 'added', text: 'Rope, salt, linen.', line: 2 },
      { kind: 'removed', text: 'Wind in the sleeves.', line: 2 },
    ]);
  });

  it('is "sent" again when the content goes back to what was sent', () => {
    const { doc, dropId } = briefWorkspace();
    markBriefSent(doc, dropId);
    updateBrief(doc, dropId, { fee: 450 });
    expect(readBriefState(doc, dropId)!.status).toBe('changed');
    updateBrief(doc, dropId, { fee: 0 });
    expect(readBriefState(doc, dropId)!.status).toBe('sent');
  });

  it('numbers each export and records the snapshot taken before printing', () => {
    const { doc, dropId } = briefWorkspace();
    markBriefSent(doc, dropId);
    const snapshot = snapshotForExport(doc, dropId)!;
    updateBrief(doc, dropId, { fee: 300 });
    expect(markBriefSent(doc, dropId, { snapshot })).toBe(2);
    // The fee changed after the snapshot was taken: that edit is not in v2.
    expect(readBriefState(doc, dropId)!.status).toBe('changed');
    markBriefDraft(doc, dropId);
    expect(readBriefState(doc, dropId)!.status).toBe('draft');
    expect(readBriefState(doc, dropId)!.sent!.version).toBe(2);
  });
});
