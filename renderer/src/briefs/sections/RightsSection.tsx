import type { TextBinding } from '../fieldBinders';
import { TextField } from '../../ui/form';

type RightsField = 'mustMentions' | 'doNots' | 'disclosure' | 'usageRights' | 'exclusivity';

/** What the creator must say and must not do, the disclosure, and the rights to the assets. */
export function RightsSection(props: {
  title: string;
  text: (k: RightsField) => TextBinding;
  disclosureLabel?: string;
}) {
  const { title, text, disclosureLabel } = props;
  const disclosure = text('disclosure');
  return (
    <section className="brief-section">
      <h3>{title}</h3>
      <div className="brief-grid">
        <TextField
          multiline
          rows={4}
          {...text('mustMentions')}
          label="Must-mentions (one per line)"
        />
        <TextField multiline rows={4} {...text('doNots')} label="Do-nots (one per line)" />
        <TextField wide {...disclosure} label={disclosureLabel ?? disclosure.label} />
        <TextField multiline rows={2} {...text('usageRights')} />
        <TextField multiline rows={2} {...text('exclusivity')} />
      </div>
    </section>
  );
}
