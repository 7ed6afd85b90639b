import type { TextBinding } from '../fieldBinders';
import { TextInput } from '../inputs';

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
        <TextInput
          multiline
          rows={4}
          {...text('mustMentions')}
          label="Must-mentions (one per line)"
        />
        <TextInput multiline rows={4} {...text('doNots')} label="Do-nots (one per line)" />
        <TextInput wide {...disclosure} label={disclosureLabel ?? disclosure.label} />
        <TextInput multiline rows={2} {...text('usageRights')} />
        <TextInput multiline rows={2} {...text('exclusivity')} />
      </div>
    </section>
  );
}
