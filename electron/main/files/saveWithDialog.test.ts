import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { saveWithDialog } from './saveWithDialog';

function deps(chosen: string | undefined) {
  return {
    chooseSavePath: vi.fn(async () => chosen),
    writeFile: vi.fn(async () => undefined),
    defaultDir: '/home/ana/Documents',
  };
}

const request = {
  defaultName: 'summer/calendar.ics',
  filters: [{ name: 'Calendar', extensions: ['ics'] }],
  data: 'BEGIN:VCALENDAR',
};

describe('saveWithDialog', () => {
  it('offers a safe default name in Documents, then writes where the user chose', async () => {
    const d = deps('/home/ana/Desktop/cal.ics');
    const result = await saveWithDialog(request, d);
    expect(d.chooseSavePath).toHaveBeenCalledWith({
      defaultPath: path.join('/home/ana/Documents', 'summer-calendar.ics'),
      filters: request.filters,
    });
    expect(d.writeFile).toHaveBeenCalledWith('/home/ana/Desktop/cal.ics', 'BEGIN:VCALENDAR');
    expect(result).toEqual({ ok: true, path: '/home/ana/Desktop/cal.ics' });
  });

  it('writes nothing when the user cancels', async () => {
    const d = deps(undefined);
    expect(await saveWithDialog(request, d)).toEqual({ ok: false, reason: 'cancelled' });
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('reports a write failure as a message, not a crash', async () => {
    const d = deps('/readonly/cal.ics');
    d.writeFile.mockRejectedValueOnce(new Error('EACCES: permission denied'));
    expect(await saveWithDialog(request, d)).toEqual({
      ok: false,
      reason: 'error',
      message: 'Could not write /readonly/cal.ics: EACCES: permission denied',
    });
  });
});
