import type { CadenceFlag } from '../../../../shared/cadence';

const HEADINGS: Record<CadenceFlag['kind'], string> = {
  gap: 'Gap in the rhythm',
  'too-close': 'Launches too close',
  'not-ready': 'Not ready',
  'slow-publish': 'Slow turnaround',
};

/** The plan's cadence check, worded for the creative director. */
export function FlagList(props: {
  flags: CadenceFlag[];
  onShow: (day: string, dropId: string | null) => void;
}) {
  const { flags } = props;
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
        {flags.map((f, i) => (
          <li key={`${f.kind}-${f.dropIds.join('-')}-${i}`} className={`cal-flag is-${f.kind}`}>
            <span className="cal-flag-kind">{HEADINGS[f.kind]}</span>
            <span className="cal-flag-msg">{f.message}</span>
            <button
              type="button"
              className="button-quiet cal-link"
              onClick={() => props.onShow(f.day, f.dropIds.at(-1) ?? null)}
            >
              Show
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
