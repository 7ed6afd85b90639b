import { inWords, SHOOT_TO_PUBLISH_DAYS, SHOTS } from '../../../shared/playbook';
import { useMemo, useRef, useState } from 'react';
import {
  FIELD_LABELS,
  SAMPLE_RETURN,
  type BriefTemplate,
  type TemplatePatch,
} from '../../../shared/brief';
import { useOpenWorkspace, useWorkspace } from '../state';
import { briefActions } from './actions';
import { fieldBinders } from './fieldBinders';
import { NumberField, SelectField, TextField } from '../ui/form';
import { GoalSection } from './sections/GoalSection';
import { RightsSection } from './sections/RightsSection';
import { TemplateShotList } from './shots/TemplateShotList';
import { useModalSheet } from './useModalSheet';
import { useEscapeToClose } from './useEscapeToClose';
import { Dialog } from '../ui/Dialog';
import { useFieldErrors } from './useFieldErrors';
import './briefs.css';

// The template is a derived value of the workspace store (the same object until it changes).
const useTemplate = (): BriefTemplate => useWorkspace((s) => s.template);

/** The workspace's brief template: what every new brief starts from (the playbook by default). */
export function TemplateEditor(props: { onClose: () => void; onMessage: (m: string) => void }) {
  const { onClose, onMessage } = props;
  const t = useTemplate();
  const ws = useOpenWorkspace();
  const { doc } = ws.store;
  const actions = useMemo(() => briefActions(doc, ws.undoManager), [doc, ws.undoManager]);
  const readOnly = useWorkspace((s) => s.readOnly);
  const [errors, settle] = useFieldErrors(onMessage);
  const [confirmReset, setConfirmReset] = useState(false);
  useEscapeToClose(onClose);
  const sheetRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useModalSheet(sheetRef, headingRef);

  const save = (patch: TemplatePatch, keys: string[]) =>
    settle(actions.updateTemplate(patch), keys);
  const field = <K extends keyof BriefTemplate['fields']>(k: K, v: BriefTemplate['fields'][K]) =>
    save({ fields: { [k]: v } as Partial<BriefTemplate['fields']> }, [`fields.${k}`]);
  const f = t.fields;
  const e = (k: string) => errors[k];
  const { text, code, amount } = fieldBinders({
    values: f,
    error: (k) => e(`fields.${k}`),
    disabled: readOnly,
    save: (fields) =>
      save(
        { fields },
        Object.keys(fields).map((k) => `fields.${k}`),
      ),
  });

  return (
    <div
      ref={sheetRef}
      className="brief-sheet"
      role="dialog"
      aria-modal="true"
      aria-labelledby="template-title"
    >
      <header className="brief-top">
        <div className="brief-top-title">
          <p className="brief-eyebrow">Workspace</p>
          <h2 id="template-title" ref={headingRef} tabIndex={-1}>
            Brief template
          </h2>
        </div>
        <div className="brief-top-actions">
          <button
            type="button"
            className="button"
            disabled={readOnly}
            onClick={() => setConfirmReset(true)}
          >
            Back to the playbook…
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={onClose}
            aria-label="Close template"
          >
            Close
          </button>
        </div>
      </header>
      <div className="brief-scroll">
        <p className="brief-help brief-template-help">
          Every brief starts from this: one narrative, one creator, {inWords(SHOTS.length)} assets,{' '}
          {inWords(SHOOT_TO_PUBLISH_DAYS)} days to publish. A brief follows the template until
          someone changes a field in that brief.
        </p>
        <GoalSection
          goal={text('goal')}
          metrics={f.metrics}
          placeholder="Target (empty: not measured)"
          error={(k) => e(`fields.${k}`)}
          disabled={readOnly}
          saveMetrics={(metrics) => field('metrics', metrics)}
        />
        <section className="brief-section">
          <h3>Timeline, in days from the shoot</h3>
          <div className="brief-grid brief-grid-dates">
            {(['briefLock', 'samplesShip', 'draftDue', 'finalDue'] as const).map((k) => (
              <NumberField
                key={k}
                label={FIELD_LABELS[k]}
                value={t.offsets[k]}
                suffix="days"
                error={e(`offsets.${k}`)}
                disabled={readOnly}
                commit={(v) => save({ offsets: { [k]: v ?? Number.NaN } }, [`offsets.${k}`])}
              />
            ))}
          </div>
        </section>
        <TemplateShotList
          rows={t.deliverables}
          readOnly={readOnly}
          error={e('deliverables')}
          save={(rows) => save({ deliverables: rows }, ['deliverables'])}
        />
        <RightsSection
          title="Dos, don’ts and rights"
          text={text}
          disclosureLabel={`${FIELD_LABELS.disclosure} ({brand} becomes the workspace name)`}
        />
        <section className="brief-section">
          <h3>Money, samples & packaging</h3>
          <div className="brief-grid brief-grid-3">
            <NumberField {...amount('fee')} suffix={f.currency} />
            <TextField
              {...code('currency')}
              label="Workspace currency"
              hint="Budgets, spend and results use it everywhere; a brief may name its own"
            />
            <NumberField {...amount('attributionWindowDays')} suffix="days" />
            <TextField wide {...text('payoutTiming')} />
            <SelectField
              label="After the shoot"
              value={f.samplesKeep}
              options={SAMPLE_RETURN}
              labels={{ keep: 'Creator keeps the samples', return: 'Samples are returned' }}
              disabled={readOnly}
              commit={(v) => field('samplesKeep', v)}
            />
            <TextField wide multiline rows={2} {...text('packagingNotes')} />
          </div>
        </section>
        <section className="brief-section">
          <h3>Creative-direction outline</h3>
          <TextField
            wide
            multiline
            rows={6}
            label="Shown as guidance in an empty brief (one line each); never copied into the text"
            value={t.outline}
            error={e('outline')}
            disabled={readOnly}
            commit={(v) => save({ outline: v }, ['outline'])}
          />
        </section>
      </div>
      {confirmReset && (
        <Dialog
          title="Put the playbook's template back?"
          onClose={() => setConfirmReset(false)}
          onSubmit={() => {
            setConfirmReset(false);
            const r = actions.resetTemplate();
            if (!r.ok) onMessage(r.message);
          }}
          actions={
            <>
              <button type="button" className="button" onClick={() => setConfirmReset(false)}>
                Cancel
              </button>
              <button type="submit" className="button button-primary">
                Back to the playbook
              </button>
            </>
          }
        >
          <p>
            Every field, date offset, the shot list and the outline go back to the playbook&apos;s.
            Briefs that follow the template change with it; what a brief sets itself stays, and the
            workspace&apos;s currency stays. Ctrl/⌘+Z brings this template back.
          </p>
        </Dialog>
      )}
    </div>
  );
}
