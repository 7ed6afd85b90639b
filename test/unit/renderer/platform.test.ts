import { describe, expect, it } from 'vitest';
import { extensionOf } from '../../../renderer/src/platform/platform';

describe('save dialog filter extension', () => {
  it("uses the file name's own extension", () => {
    expect(extensionOf('saltmarsh-plan.ics')).toBe('ics');
    expect(extensionOf('Saltmarsh.Studio.cadence')).toBe('cadence');
  });

  it("falls back to txt when the name has no usable extension, so the dialog's filter stays valid", () => {
    expect(extensionOf('plan')).toBe('txt');
    expect(extensionOf('.hidden')).toBe('txt');
    expect(extensionOf('notes.')).toBe('txt');
    expect(extensionOf('odd.ex t')).toBe('txt');
  });
});
