import { describe, expect, it } from 'vitest';
import { parsePrintRoute, printHash } from '../../../renderer/src/briefs/print/route';

describe('print view address', () => {
  it('round-trips workspace, drop, paper size and version', () => {
    const hash = printHash({ workspaceId: 'w_abc', dropId: 'd_123', size: 'Letter', version: 3 });
    expect(hash).toBe('#/print/brief/w_abc/d_123?size=Letter&v=3');
    expect(parsePrintRoute(hash)).toEqual({
      workspaceId: 'w_abc',
      dropId: 'd_123',
      size: 'Letter',
      version: 3,
      autoprint: false,
    });
  });

  it('defaults to A4 and no fixed version, and ignores other addresses', () => {
    expect(parsePrintRoute('#/print/brief/w_a/d_b')).toMatchObject({ size: 'A4', version: null });
    expect(parsePrintRoute('#/print/brief/w_a/d_b?size=Tabloid&v=-1')).toMatchObject({
      size: 'A4',
      version: null,
    });
    expect(parsePrintRoute('#/board')).toBeNull();
    expect(parsePrintRoute('#/print/brief/../d_b')).toBeNull();
    expect(parsePrintRoute('#/print/brief/w%3Cx%3E/d_b')).toBeNull();
  });
});
