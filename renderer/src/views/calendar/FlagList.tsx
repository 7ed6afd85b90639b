import { memo, useState } from 'react';
import type { CadenceFlag, IsoDay } from '../../../../shared/cadence';

const HEADINGS: Record<CadenceFlag['kind'], string> = {
  gap: 'Gap in the rhythm',
  'too-close': 'Launches too close',
  'not-ready': 'Not ready',
  'slow-publish': 'Slow turnaround',
  'launch-before-shoot': 'Launch before the shoot',
};

/**
 * Up to this many warnings the check lists them all; past it, at most this many of the days
 * on screen, until asked for all.
 */
export const FLAGS_LISTED_AT_ONCE = 30;

/**
 * The plan's cadence check, worded for the creative director. A long check (a plan of 1,000
 * drops has hundreds of flags) lists the first warnings of the days on screen, with a button for
 * all: hundreds of rows under the month cost every reschedule their layout. Each row is
 * memoised on its flag, which keeps its identity while a change does not touch it
 * (`keepSameFlags`).
 */
export const FlagList = memo(function FlagList(props: {
  flags: CadenceFlag[];
  /** The first and last day the month grid shows. */
  shown: { first: IsoDay; last: IsoDay };
  onShow: (day: string, dropId: string | null) => void;
}) {
  const { flags, shown, onShow } = props;
  const [all, setAll] = useState(false);
  if (flags.length === 0) {
    return (
      <p className="cal-flags-ok" role="status">
        ✓ The plan keeps the cadence: no gaps, no clashes, briefs ready, shoots published within 7
        days.
      </p>
    );
  }
  const long = flags.length > FLAGS_LISTED_AT_ONCE;
  const onScreen =
    long && !all ? flags.filter((f) => f.day >= shown.first && f.day <= shown.last) : [];
  const listed = long && !all ? onScreen.slice(0, FLAGS_LISTED_AT_ONCE) : flags;
  const keys = flagKeys(listed);
  const scope =
    listed.length < onScreen.length
      ? ` · the first ${listed.length} of ${onScreen.length} on the days shown`
      : ` · ${onScreen.length} on the days shown`;
  return (
    <details className="cal-flags" aria-label="Cadence check" open>
      <summary className="cal-flags-title">
        Cadence check · {flags.length} {flags.length === 1 ? 'warning' : 'warnings'}
        {long && !all && scope}
      </summary>
      <ul>
        {listed.map((f, i) => (
          <FlagRow key={keys[i]} flag={f} onShow={onShow} />
        ))}
      </ul>
      {long && (
        <button type="button" className="button-quiet cal-link" onClick={() => setAll(!all)}>
          {all ? 'List only the days shown' : `List all ${flags.length} warnings`}
        </button>
      )}
    </details>
  );
});

// A flag's key without the index, worked out once per flag (flags keep their identity).
const baseKeys = new WeakMap<CadenceFlag, string>();
const baseKey = (f: CadenceFlag) => {
  let key = baseKeys.get(f);
  if (key === undefined) {
    key = `${f.kind}-${f.day}-${f.dropIds.join('-')}`;
    baseKeys.set(f, key);
  }
  return key;
};

// Keys that stay with a flag when others come and go (the index only tells twins apart).
function flagKeys(flags: CadenceFlag[]): string[] {
  const seen = new Map<string, number>();
  return flags.map((f) => {
    const base = baseKey(f);
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
