import type { ImportDiff, InterestDiff, SkippedEvents } from '../../../shared/results';

const n = (count: number, one: string, many: string) =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

/**
 * What an import would do, in the preview: how many rows were read into how many orders or
 * events, then new, changed and already imported ones (and, for events, the same event written
 * twice in the file), and what is kept of each.
 */
export function ImportSummary(props: {
  kind: 'orders' | 'events';
  rows: number;
  records: number;
  testSkipped: number;
  skipped: SkippedEvents | null;
  diff: ImportDiff | InterestDiff;
}) {
  const { kind, rows, records, testSkipped, skipped, diff } = props;
  const repeated = 'repeated' in diff ? diff.repeated : 0;
  return (
    <>
      <p>
        {n(rows, 'row', 'rows')} read:{' '}
        <strong>
          {kind === 'orders' ? n(records, 'order', 'orders') : n(records, 'event', 'events')}
        </strong>
        {testSkipped > 0 && <>, {n(testSkipped, 'test order', 'test orders')} skipped</>}.
      </p>
      {skipped && (skipped.kinds.length > 0 || skipped.noEmail > 0) && (
        <p data-testid="import-skipped">
          Not counted:{' '}
          {[
            ...skipped.kinds.map(([name, count]) => `${n(count, 'row', 'rows')} of “${name}”`),
            ...(skipped.noEmail ? [`${n(skipped.noEmail, 'row', 'rows')} without an email`] : []),
          ].join(', ')}
          . Only clicks and wishlist adds by a known customer show repurchase interest.
        </p>
      )}
      <ul>
        <li>
          <strong>{diff.added.toLocaleString()}</strong> new
        </li>
        {kind === 'orders' && (
          <li>
            <strong>{diff.changed.toLocaleString()}</strong> changed since the last import (a
            refund, a cancellation, a new status or the local postcodes)
          </li>
        )}
        <li>
          <strong>{diff.unchanged.toLocaleString()}</strong> already imported, unchanged
        </li>
        {repeated > 0 && (
          <li>
            <strong>{repeated.toLocaleString()}</strong> written again in this file (the same
            customer, time and kind), counted once
          </li>
        )}
      </ul>
      <p className="results-hint">
        {kind === 'orders'
          ? 'Kept per order: id, time, amounts, units per SKU, codes, link traces, POS location, a local flag and a salted hash of the customer. Emails, names, addresses and phones stay on this computer and are not kept.'
          : 'Kept per event: its kind (click or wishlist add), time, product SKU and a salted hash of the customer. Emails stay on this computer and are not kept.'}
      </p>
    </>
  );
}
