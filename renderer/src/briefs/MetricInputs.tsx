import { METRIC_LABELS, METRICS, type MetricTargets } from '../../../shared/brief';
import { TextInput } from './inputs';

/** The playbook's four success measures, each with its target; saved as one set. */
export function MetricInputs(props: {
  metrics: MetricTargets;
  placeholder: string;
  error: (key: string) => string | undefined;
  disabled: boolean;
  save: (metrics: MetricTargets) => boolean;
}) {
  const { metrics, placeholder, error, disabled, save } = props;
  return METRICS.map((m) => (
    <TextInput
      key={m}
      label={METRIC_LABELS[m]}
      value={metrics[m]}
      placeholder={placeholder}
      error={error(`metrics.${m}`)}
      disabled={disabled}
      commit={(v) => save({ ...metrics, [m]: v })}
    />
  ));
}
