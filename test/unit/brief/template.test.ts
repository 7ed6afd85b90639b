import { describe, expect, it } from 'vitest';
import {
  PLAYBOOK_TEMPLATE,
  readBriefTemplate,
  resetBriefTemplate,
  resolveBrief,
  TemplateValidationError,
  updateBrief,
  updateBriefTemplate,
} from '../../../shared/brief';
import { createDrop, root } from '../../../shared/model';
import { briefWorkspace } from './fixtures';

describe('brief template', () => {
  it('starts every brief from the playbook: three shots, seven days, one narrative', () => {
    const { doc, dropId } = briefWorkspace();
    const b = resolveBrief(doc, dropId)!;
    expect(b.deliverables.map((d) => d.shot)).toEqual(['hero', 'lifestyle', 'detail']);
    expect(b.fields.goal).toMatch(/one story with one creator/);
    expect(b.fields.disclosure).toBe('#ad · Paid partnership with Harbour & Thread');
    // Dates nobody typed are suggested from the shoot (10 Mar) with the template's offsets.
    expect(b.fields.briefLock).toBe('2026-02-28');
    expect(b.fields.samplesShip).toBe('2026-03-03');
    expect(b.fields.draftDue).toBe('2026-03-13');
    expect(b.fields.finalDue).toBe('2026-03-15');
    expect(b.sources.finalDue).toBe('suggested');
    expect(b.status).toBe('draft');
  });

  it('a workspace edits its template and new briefs start from it', () => {
    const { doc, stageId } = briefWorkspace();
    updateBriefTemplate(doc, {
      fields: { usageRights: 'Organic use only.', currency: 'GBP' },
      offsets: { draftDue: 2 },
    });
    const id = createDrop(doc, { stageId, title: 'Indigo stitch', shootDate: '2026-04-01' });
    const b = resolveBrief(doc, id)!;
    expect(b.fields.usageRights).toBe('Organic use only.');
    expect(b.fields.currency).toBe('GBP');
    expect(b.fields.draftDue).toBe('2026-04-03');
    expect(readBriefTemplate(doc).fields.goal).toBe(PLAYBOOK_TEMPLATE.fields.goal);
  });

  it("keeps a brief's own values when the template changes", () => {
    const { doc, dropId } = briefWorkspace();
    updateBrief(doc, dropId, { usageRights: 'Six months, all channels.' });
    updateBriefTemplate(doc, { fields: { usageRights: 'Organic only.' } });
    expect(resolveBrief(doc, dropId)!.fields.usageRights).toBe('Six months, all channels.');
  });

  it('refuses a bad template edit with a message and keeps the old one', () => {
    const { doc } = briefWorkspace();
    expect(() => updateBriefTemplate(doc, { offsets: { finalDue: 12 } })).toThrow(
      TemplateValidationError,
    );
    try {
      updateBriefTemplate(doc, { fields: { currency: 'pounds' } });
    } catch (e) {
      expect((e as TemplateValidationError).errors['fields.currency']).toMatch(/three-letter/);
    }
    expect(readBriefTemplate(doc)).toEqual(PLAYBOOK_TEMPLATE);
  });

  it('falls back to the playbook for a malformed template value and resets cleanly', () => {
    const { doc } = briefWorkspace();
    updateBriefTemplate(doc, { fields: { doNots: 'No logos' } });
    doc.transact(() => root.meta(doc).set('briefTemplate:offsets', { briefLock: 'soon' }));
    const t = readBriefTemplate(doc);
    expect(t.offsets).toEqual(PLAYBOOK_TEMPLATE.offsets);
    expect(t.fields.doNots).toBe('No logos');
    resetBriefTemplate(doc);
    expect(readBriefTemplate(doc)).toEqual(PLAYBOOK_TEMPLATE);
  });

  it("goes back to the playbook but keeps the workspace's currency", () => {
    const { doc } = briefWorkspace();
    updateBriefTemplate(doc, { fields: { doNots: 'No logos', currency: 'GBP' } });
    resetBriefTemplate(doc);
    const t = readBriefTemplate(doc);
    expect(t.fields.doNots).toBe(PLAYBOOK_TEMPLATE.fields.doNots);
    expect(t.fields.currency).toBe('GBP');
  });

  it('stores nothing in the rich text: the outline is guidance, not content', () => {
    const { doc, dropId } = briefWorkspace();
    resolveBrief(doc, dropId);
    updateBrief(doc, dropId, { goal: 'Sell out in 72 h' });
    expect(root.briefBody(doc, dropId).length).toBe(0);
    expect(readBriefTemplate(doc).outline).toMatch(/Hero product/);
  });
});
