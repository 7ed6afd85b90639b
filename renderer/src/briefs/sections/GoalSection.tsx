import { METRIC_LABELS, METRICS, type MetricTargets } from '../../../../shared/brief';
import type { TextBinding } from '../fieldBinders';
import { TextField } from '../../ui/form';

/** Goal & success: the one goal, and a target for each of the playbook's four measures. */
export function GoalSection(props: {
  goal: TextBinding;
  metrics: MetricTargets;
  placeholder: string;
  error: (key: string) => string | undefined;
  disabled: boolean;
  saveMetrics: (metrics: MetricTargets) => boolean;
}) {
  const { goal, metrics, placeholder, error, disabled, saveMetrics } = props;
  return (
    <section className="brief-section">
      <h3>Goal & success</h3>
      <div className="brief-grid">
        <TextField wide multiline rows={2} {...goal} />
        {METRICS.map((m) => (
          <TextField
            key={m}
            label={METRIC_LABELS[m]}
            value={metrics[m]}
            placeholder={placeholder}
            error={error(`metrics.${m}`)}
            disabled={disabled}
            commit={(v) => saveMetrics({ ...metrics, [m]: v })}
          />
        ))}
      </div>
    </section>
  );
}
