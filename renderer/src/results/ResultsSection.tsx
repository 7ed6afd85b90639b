import { useState } from 'react';
import type { DropId } from '../../../shared/model';
import { useResults } from '../state';
import { ActualsForm } from './ActualsForm';
import { requestImport } from './importRequests';
import { MetricList } from './MetricList';
import './results.css';
import { HowCounted } from './HowCounted';

/** The drop panel's Results section: the drop's numbers, and what actually happened. */
export function ResultsSection(props: { dropId: string; readOnly: boolean }) {
  const { dropId, readOnly } = props;
  const snap = useResults();
  const r = snap.results.get(dropId);
  const [open, setOpen] = useState(false);
  if (!r) return null;
  return (
    <section className="panel-section results-section" aria-label="Results">
      <h3 className="panel-section-title">Results</h3>
      {snap.orderCount === 0 && (
        <p className="results-hint">
          No orders imported yet.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => requestImport({ kind: 'orders', file: null })}
          >
            Import the shop&apos;s orders
          </button>{' '}
          (or drop a CSV on the window).
        </p>
      )}
      <MetricList r={r} tz={snap.timeZone} />
      <HowCounted settings={snap.settings} />
      <button
        type="button"
        className="button results-record-toggle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide what happened' : 'Record what happened'}
      </button>
      {open && (
        <ActualsForm
          dropId={dropId as DropId}
          readOnly={readOnly}
          tz={snap.timeZone}
          currency={r.currency}
        />
      )}
    </section>
  );
}
