import { memo } from 'react';
import type { Drop } from '../../../shared/model';
import { ChannelIcon } from '../ui/ChannelIcon';
import { Icon } from '../ui/Icon';
import { countdown, shortDate, shootToPublishDays, SHOOT_TO_PUBLISH_DAYS } from '../ui/dates';
import { UnsentMark } from '../sync/ui/UnsentMark';
import { ReviewCardResults } from '../results/ReviewCardResults';
import { QuietBoundary } from '../ui/QuietBoundary';

/** The shoot-to-publish warning, or null when the drop keeps the playbook's seven days. */
export function turnaroundWarning(drop: Drop): string | null {
  const days = shootToPublishDays(drop.shootDate, drop.publishDate);
  if (days === null || days <= SHOOT_TO_PUBLISH_DAYS) return null;
  return `Shoot to publish is ${days} days — the playbook says ${SHOOT_TO_PUBLISH_DAYS}`;
}

/**
 * What a card shows. Memoised on the drop object: the store keeps identity for drops that
 * did not change, so a move re-renders only the moved card.
 */
export const DropCardBody = memo(function DropCardBody(props: {
  drop: Drop;
  creatorName: string | null;
  today: string;
}) {
  const { drop, creatorName, today } = props;
  const warning = turnaroundWarning(drop);
  const gap = shootToPublishDays(drop.shootDate, drop.publishDate);
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
      </span>
      <span className="card-row card-footer">
        {drop.dropDate ? (
          <span className="card-date" title={`Drop date ${drop.dropDate}`}>
            <span className="sr-only">Drops </span>
            {shortDate(drop.dropDate, today)}
            <span className="card-countdown"> · {countdown(drop.dropDate, today)}</span>
          </span>
        ) : (
          <span className="card-date is-empty">No drop date</span>
        )}
        <span className="card-channels">
          {drop.channels.map((c) => (
            <ChannelIcon key={c} channel={c} />
          ))}
        </span>
      </span>
      {/* Results read the workspace's time zone; a runtime that can't use it must not stop the board. */}
      <QuietBoundary name="A card's results">
        <ReviewCardResults drop={drop} />
      </QuietBoundary>
    </>
  );
});
