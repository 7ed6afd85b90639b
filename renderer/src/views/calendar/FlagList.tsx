import { memo } from 'react';
import type { CadenceFlag } from '../../../../shared/cadence';

const HEADINGS: Record<CadenceFlag['kind'], string> = {
  gap: 'Gap in the rhythm',
  'too-close': 'Launches too close',
  'not-ready': 'Not ready',
  'slow-publish': 'Slow turnaround',
};

/**
 * The plan's cadence check, worded for the creative director. A plan of 1,000 drops has
 * hundreds of flags: each row is memoised on its flag, which keeps its identity while a change
 * does not touch it (`keepSameFlags`).
 */
export const FlagList = memo(function FlagList(props: {
  flags: CadenceFlag[];
  onShow: (day: string, dropId: string | null) => void;
}) {
  const { flags, onShow } = props;
  if (flags.length === 0) {
    return (
      <p className="cal-flags-ok" role="status">
        ✓ The plan keeps the cadence: no gaps, no clashes, briefs ready, shoots published within 7
        days.
      </p>
    );
  }
  return (
    <details className="cal-flags" aria-label="Cadence check" open>
      <summary className="cal-flags-title">
        Cadence check · {flags.length} {flags.length === 1 ? 'warning' : 'warnings'}
      </summary>
      <ul>
        {flagKeys(flags).map((key, i) => (
          <FlagRow key={key} flag={flags[i]!} onShow={onShow} />
        ))}
      </ul>
    </details>
  );
});

// Keys that stay with a flag when others come and go (the index only tells twins apart).
function flagKeys(flags: CadenceFlag[]): string[] {
  const seen = new Map<string, number>();
  return flags.map((f) => {
    const base = `${f.kind}-${f.day}-${f.dropIds.join('-')}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  });
}

const FlagRow = memo(function FlagRow(props: {
  flag: CadenceFlag;
  onShow: (day: string, dropId: string | null) => void;
}) {
  const { flag: f, onShow } = props;
  return (
    <li className={`cal-flag is-${f.kind}`}>
      <span className="cal-flag-kind">{HEADINGS[f.kind]}</span>
      <span className="cal-flag-msg">{f.message}</span>
      <button
        type="button"
        className="button-quiet cal-link"
        onClick={() => onShow(f.day, f.dropIds.at(-1) ?? null)}
      >
        Show
      </button>
    </li>
  );
});
