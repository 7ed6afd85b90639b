import { describe, expect, it } from 'vitest';
import {
  blocksToLines,
  briefFileName,
  buildBriefPrintModel,
  diffLines,
  fragmentToBlocks,
  isBodyEmpty,
  resolveBrief,
  updateBrief,
} from '../../../shared/brief';
import type * as Y from 'yjs';
import { linkCreator, root, updateDrop } from '../../../shared/model';
import { briefWorkspace, p, writeBody } from './fixtures';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('rich text to blocks', () => {
  it('keeps headings, marks, links, lists, checklists, quotes and stored pictures', () => {
    const { doc, dropId } = briefWorkspace();
    writeBody(doc, dropId, [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Mood' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Salt ' },
          { type: 'text', text: 'and', marks: [{ type: 'bold' }] },
          {
            type: 'text',
            text: ' rope',
            marks: [{ type: 'link', attrs: { href: 'https://ref.example.com' } }],
          },
        ],
      },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p('Quay at dawn')] }] },
      {
        type: 'taskList',
        content: [
          { type: 'taskItem', attrs: { checked: true }, content: [p('Steam the shirt')] },
          { type: 'taskItem', attrs: { checked: false }, content: [p('Charge the phone')] },
        ],
      },
      { type: 'blockquote', content: [p('Wear it like weather.', [{ type: 'italic' }])] },
      { type: 'image', attrs: { src: PNG, alt: 'Moodboard' } },
      { type: 'image', attrs: { src: 'https://tracker.example.com/x.png', alt: 'remote' } },
    ]);
    const blocks = fragmentToBlocks(root.briefBody(doc, dropId));
    expect(blocks[0]).toEqual({ kind: 'heading', level: 2, inlines: [{ text: 'Mood' }] });
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      inlines: [
        { text: 'Salt ' },
        { text: 'and', bold: true },
        { text: ' rope', href: 'https://ref.example.com' },
      ],
    });
    expect(blocks[3]).toMatchObject({
      kind: 'tasks',
      items: [{ checked: true }, { checked: false }],
    });
    expect(blocks[4]).toMatchObject({ kind: 'quote', blocks: [{ inlines: [{ italic: true }] }] });
    expect(blocks[5]).toEqual({ kind: 'image', src: PNG, alt: 'Moodboard' });
    // Remote pictures never reach the PDF.
    expect(blocks).toHaveLength(6);
    const lines = blocksToLines(blocks);
    expect(lines.slice(0, 5)).toEqual([
      '## Mood',
      'Salt and rope',
      '• Quay at dawn',
      '[x] Steam the shirt',
      '[ ] Charge the phone',
    ]);
    expect(lines[5]).toBe('> Wear it like weather.');
    expect(lines[6]).toMatch(/^\[image: Moodboard · [0-9a-f]{8}\]$/);
  });

  it('an untouched brief has an empty body', () => {
    const { doc, dropId } = briefWorkspace();
    expect(isBodyEmpty(fragmentToBlocks(root.briefBody(doc, dropId)))).toBe(true);
    writeBody(doc, dropId, [p('')]);
    expect(isBodyEmpty(fragmentToBlocks(root.briefBody(doc, dropId)))).toBe(true);
  });

  it('line diff finds an insertion in the middle of a long text', () => {
    const a = Array.from({ length: 500 }, (_, i) => `line ${i}`);
    const b = [...a.slice(0, 250), 'new line', ...a.slice(250)];
    expect(diffLines(a, b)).toEqual([{ kind: 'added', text: 'new line', line: 251 }]);
  });
});

describe('print model', () => {
  it('has the brand header, narrative, timeline, shot list, money, tracking and dos and don’ts', () => {
    const { doc, dropId } = briefWorkspace();
    updateBrief(doc, dropId, {
      fee: 350,
      sampleSizes: 'S, M',
      contacts: 'Producer: Sam Ortiz, sam@harbour.example.com',
    });
    writeBody(doc, dropId, [p('Golden hour on the quay.')]);
    const m = buildBriefPrintModel(
      resolveBrief(doc, dropId)!,
      fragmentToBlocks(root.briefBody(doc, dropId)),
      { version: 2, pageSize: 'Letter', issuedAt: Date.UTC(2026, 1, 20) },
    );
    expect(m.title).toBe('Harbour linen — creator brief v2 · Harbour & Thread');
    expect(m.author).toBe('Harbour & Thread');
    expect(m.subject).toBe('Creator brief for Harbour linen · Mara Lin · launch Tue 17 Mar 2026');
    expect(m.fileName).toBe('harbour-and-thread-harbour-linen-brief-v2.pdf');
    expect(m.pageSize).toBe('Letter');
    expect(m.header).toMatchObject({
      brand: 'Harbour & Thread',
      creator: 'Mara Lin',
      handles: ['TikTok @maralin', 'Instagram @mara.lin'],
      issued: 'Fri 20 Feb 2026',
      launch: 'Tue 17 Mar 2026',
    });
    expect(m.narrative).toMatch(/harbour wind/);
    expect(m.timeline.map((t) => t.label)).toEqual([
      'Brief lock',
      'Samples ship',
      'Shoot',
      'Draft due',
      'Final due',
      'Publish',
      'Launch',
    ]);
    expect(m.timeline.find((t) => t.label === 'Publish')!.note).toBe('6 days after the shoot');
    expect(m.shots.map((s) => s.shot)).toEqual([
      'Hero product',
      'Lifestyle moment',
      'Close-up detail',
    ]);
    expect(m.shots[1]).toMatchObject({
      channel: 'TikTok',
      format: 'Video',
      length: '15–30 s',
      aspectRatio: '9:16',
    });
    expect(m.money[0]).toEqual({ label: 'Fee', value: '€350.00' });
    expect(m.tracking.map((r) => r.value)).toContain('MARA15');
    expect(m.dos).toContain('Your discount code');
    expect(m.donts[0]).toMatch(/No other fashion brands/);
    expect(m.logistics.find((r) => r.label === 'Creator-fan reserve')!.value).toBe(
      '36 of 120 units (30 %) held for pop-ups and your fans',
    );
    expect(m.contacts).toEqual(['Producer: Sam Ortiz, sam@harbour.example.com']);
    expect(m.body).toHaveLength(1);
  });

  it('prints an https tracking link as a link, and any other scheme as plain text', () => {
    const { doc, dropId } = briefWorkspace();
    // Written as a teammate's app could, past the form's validation.
    const link = (value: string) => {
      (doc.getMap('briefs').get(dropId) as Y.Map<unknown>).set('trackingLink', value);
      const m = buildBriefPrintModel(resolveBrief(doc, dropId)!, [], { version: 1 });
      return m.tracking.find((r) => r.label === 'Tracking link');
    };
    expect(link('https://harbour.example/r/mara?utm_source=brief')).toEqual({
      label: 'Tracking link',
      value: 'https://harbour.example/r/mara?utm_source=brief',
      href: 'https://harbour.example/r/mara?utm_source=brief',
    });
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'harbour.example/r/mara'])
      expect(link(bad)?.href ?? '').toMatch(/^(https:\/\/harbour\.example\.com\/|$)/);
  });

  it('leaves the creator and the launch empty in the header until the drop has them', () => {
    const { doc, dropId } = briefWorkspace();
    const header = () =>
      buildBriefPrintModel(resolveBrief(doc, dropId)!, [], { version: 1 }).header;
    expect(header()).toMatchObject({ creator: 'Mara Lin', launch: 'Tue 17 Mar 2026' });
    linkCreator(doc, dropId, null);
    updateDrop(doc, dropId, { dropDate: null });
    expect(header()).toMatchObject({ creator: null, launch: null });
  });

  it('makes safe file names', () => {
    expect(briefFileName('Maison Éte / Paris', '  ', 3)).toBe(
      'maison-ete-paris-untitled-brief-v3.pdf',
    );
  });

  it('keeps every letter of a name in the file name', () => {
    // Letters that are not a base letter plus an accent used to be dropped ("odz-nights").
    expect(briefFileName('Łukasz & Zoë Atelier', 'Łódź Nights — Velvet Capsule', 1)).toBe(
      'lukasz-and-zoe-atelier-lodz-nights-velvet-capsule-brief-v1.pdf',
    );
    expect(briefFileName('Søren Ærø', 'Straße der Œuvres', 2)).toBe(
      'soren-aero-strasse-der-oeuvres-brief-v2.pdf',
    );
    // Other scripts are kept, not turned into "untitled".
    expect(briefFileName('Atelier', 'Лето в Москве', 1)).toBe('atelier-лето-в-москве-brief-v1.pdf');
    expect(briefFileName('夏の風', 'ソウル 한여름', 1)).toBe('夏の風-ソウル-한여름-brief-v1.pdf');
    // Cut at 40 characters, never inside a letter nor after a dash.
    const cut = briefFileName('𠀀'.repeat(45), `${'a'.repeat(39)} b`, 1);
    expect(cut).toBe(`${'𠀀'.repeat(40)}-${'a'.repeat(39)}-brief-v1.pdf`);
  });
});
