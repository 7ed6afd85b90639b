import { memo } from 'react';
import type { Drop } from '../../../shared/model';
import { ChannelIcon } from '../ui/ChannelIcon';
import { Icon } from '../ui/Icon';
import { slowTurnaround } from '../../../shared/cadence/flags';
import { countdown, isFarDate, shortDate, turnaroundWarning } from '../ui/dates';
import { UnsentMark } from './UnsentMark';
import { CardResults } from './ReviewCardResults';
import type { DropResults } from '../../../shared/results';

/**
 * What a card shows. Memoised on the drop object: the store keeps identity for drops that
 * did not change, so a move re-renders only the moved card.
 */
export const DropCardBody = memo(function DropCardBody(props: {
  drop: Drop;
  creatorName: string | null;
  today: string;
  /** Its results, for a card in the Review stage (read once for the board, not per card). */
  results?: DropResults | null;
}) {
  const { drop, creatorName, today, results } = props;
  const warning = turnaroundWarning(drop);
  const gap = slowTurnaround(drop);
  const date = drop.dropDate ? (
    <span className="card-date" title={`Drop date ${drop.dropDate}`}>
      <span className="sr-only">Drops </span>
      {shortDate(drop.dropDate, today)}
      {/* A Review card's row is shared with the creator: the day alone. A date with its year
          is far enough off that the year says it; "in 304 days" beside it would not fit. */}
      {!results && !isFarDate(drop.dropDate, today) && (
        <span className="card-countdown"> · {countdown(drop.dropDate, today)}</span>
      )}
    </span>
  ) : (
    <span className="card-date is-empty">No drop date</span>
  );
  return (
    <>
      <span className="card-stripe" style={{ background: drop.color }} aria-hidden="true" />
      <span className="card-title">{drop.title}</span>
      <span className="card-row">
        <span className={creatorName ? 'card-creator' : 'card-creator is-empty'}>
          {creatorName ?? 'No creator yet'}
        </span>
        {warning && (
          <span className="badge badge-warning" title={warning}>
            <Icon name="warning" size={12} />
            <span>{gap}-day turnaround</span>
            <span className="sr-only">{warning}</span>
          </span>
        )}
        {drop.archived && <span className="badge">Archived</span>}
        <UnsentMark dropId={drop.id} />
        {/* A card has three rows: on a Review card its results take the footer's, and the
            creator whose results they are keeps hers, with the day. */}
        {results && date}
      </span>
      {results ? (
        <CardResults results={results} />
      ) : (
        <span className="card-row card-footer">
          {date}
          <span className="card-channels">
            {drop.channels.map((c) => (
              <ChannelIcon key={c} channel={c} />
            ))}
          </span>
        </span>
      )}
    </>
  );
});
