import { memo, useEffect, useMemo, useRef, useState } from 'react';
import {
  FIELD_LABELS,
  PAGE_SIZES,
  SAMPLE_RETURN,
  STATUS_LABELS,
  type BriefPatch,
  type BriefState,
  type PageSize,
} from '../../../shared/brief';
import { printableFileName, type DropId } from '../../../shared/model';
import { useBriefState, useOpenWorkspace, useWorkspace } from '../state';
import { useToday } from '../state/usePlan';
import { briefActions } from './actions';
import { BriefChangesView } from './BriefChangesView';
import { CreatorPicker } from './creators/CreatorPicker';
import {
  BriefBodyEditor,
  type PresenceAwareness,
  type PresenceUser,
} from './editor/BriefBodyEditor';
import { fieldBinders } from './fieldBinders';
import { DateField, NumberField, SelectField, TextField } from '../ui/form';
import { exportBrief, type ExportOutcome } from './print/exportBrief';
import { GoalSection } from './sections/GoalSection';
import { RightsSection } from './sections/RightsSection';
import { BriefShotList } from './shots/BriefShotList';
import { useEscapeToClose } from './useEscapeToClose';
import { useModalSheet } from './useModalSheet';
import { useFieldErrors } from './useFieldErrors';
import './briefs.css';

// The seven days from shoot to publish, in order: the brief's own dates and the drop's.
const TIMELINE = [
  'briefLock',
  'samplesShip',
  'shootDate',
  'draftDue',
  'finalDue',
  'publishDate',
  'dropDate',
] as const;
type TimelineKey = (typeof TIMELINE)[number];
type DropDateKey = Extract<TimelineKey, 'shootDate' | 'publishDate' | 'dropDate'>;
const isDropDate = (k: TimelineKey): k is DropDateKey =>
  k === 'shootDate' || k === 'publishDate' || k === 'dropDate';

/**
 * The brief editor: the structured brief as a form, the creative direction as shared rich
 * text, the status, and the PDF export.
 */
function BriefEditorView(props: {
  workspaceId: string;
  dropId: DropId;
  onClose: () => void;
  onMessage: (message: string) => void;
  onOpenCreators?: () => void;
  onOpenTemplate?: () => void;
  awareness?: PresenceAwareness | null;
  user?: PresenceUser;
}) {
  const { dropId, onClose } = props;
  const state = useBriefState(dropId);
  useEffect(() => {
    if (!state) onClose();
  }, [state, onClose]);
  useEscapeToClose(onClose);
  if (!state) return null;
  return <BriefSheet {...props} state={state} />;
}

/**
 * Memoised: presence (carets moving) re-renders the app often, and a long brief should only
 * re-render when its own props or content change.
 */
export const BriefEditor = memo(BriefEditorView);

function BriefSheet(props: Parameters<typeof BriefEditorView>[0] & { state: BriefState }) {
  const { workspaceId, dropId, state, onClose, onMessage, onOpenCreators, onOpenTemplate } = props;
  const { awareness, user } = props;
  const ws = useOpenWorkspace();
  const { doc } = ws.store;
  const actions = useMemo(() => briefActions(doc, ws.undoManager), [doc, ws.undoManager]);
  const readOnly = useWorkspace((s) => s.readOnly);
  const today = useToday(useWorkspace((s) => s.meta.timezone));
  const { brief, issues, status, sent, changes } = state;
  const f = brief.fields;
  // Messages from refused edits, shown at the field until the next good edit of it.
  const [errors, done] = useFieldErrors(onMessage);
  const [pageSize, setPageSize] = useState<PageSize>('A4');
  const [showChanges, setShowChanges] = useState(false);
  const changesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (showChanges) changesRef.current?.scrollIntoView({ block: 'start' });
  }, [showChanges]);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Extract<ExportOutcome, { kind: 'printed' }> | null>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useModalSheet(sheetRef, headingRef);

  const set = (patch: BriefPatch) => done(actions.update(dropId, patch), Object.keys(patch));
  const err = (k: string) => errors[k] ?? issues[k];
  const { text, code, amount } = fieldBinders({
    values: f,
    error: err,
    disabled: readOnly,
    save: set,
  });
  // The drop's own dates are shown as they are; the brief's may be suggested from the shoot.
  const timelineDate = (k: TimelineKey) =>
    isDropDate(k)
      ? { value: brief.drop[k] }
      : {
          value: f[k],
          hint: brief.sources[k] === 'suggested' ? suggestedHint(f[k], today) : undefined,
        };
  const fromCreator = (k: 'discountCode' | 'trackingLink' | 'revenueSharePct') =>
    brief.sources[k] === 'creator'
      ? `From ${brief.creator?.name ?? 'the creator'} in the directory`
      : undefined;
  // The creator's code or link: emptied, it falls back to the directory's (unless typed here).
  const fromDirectory = (k: 'discountCode' | 'trackingLink') => ({
    label: FIELD_LABELS[k],
    value: f[k],
    hint: fromCreator(k),
    error: err(k),
    disabled: readOnly,
    commit: (v: string) => set({ [k]: v.trim() === '' && brief.sources[k] !== 'brief' ? null : v }),
  });

  const onExport = async () => {
    setBusy(true);
    try {
      const outcome = await exportBrief({ doc, workspaceId, dropId, pageSize });
      if (outcome.kind === 'saved') {
        actions.markSent(dropId, outcome.record);
        onMessage(
          `Saved ${printableFileName(outcome.path)} and marked brief v${outcome.record.version} as sent.`,
        );
      } else if (outcome.kind === 'printed') {
        setPending(outcome);
      } else if (outcome.kind === 'error') {
        onMessage(outcome.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const issueList = Object.entries(issues);
  return (
    <div
      ref={sheetRef}
      className="brief-sheet"
      role="dialog"
      aria-modal="true"
      aria-labelledby="brief-title"
      data-workspace-id={workspaceId}
      data-drop-id={dropId}
    >
      <header className="brief-top">
        <div className="brief-top-title">
          <p className="brief-eyebrow">Creator brief</p>
          <h2 id="brief-title" ref={headingRef} tabIndex={-1}>
            {brief.drop.title}
          </h2>
        </div>
        <span className={`brief-status brief-status-${status}`} data-testid="brief-status">
          {STATUS_LABELS[status]}
          {sent && (status === 'sent' || status === 'changed') ? ` · v${sent.version}` : ''}
        </span>
        <div className="brief-top-actions">
          {changes && (changes.fields.length > 0 || changes.body.length > 0) && (
            <button
              type="button"
              className="button"
              onClick={() => setShowChanges((v) => !v)}
              aria-expanded={showChanges}
            >
              {showChanges ? 'Hide changes' : `What changed since v${sent?.version}`}
            </button>
          )}
          {brief.status === 'draft' ? (
            <button
              type="button"
              className="button"
              disabled={readOnly}
              onClick={() => {
                const r = actions.markReady(dropId);
                if (!r.ok) onMessage(`Not ready yet: ${r.message}`);
              }}
            >
              Mark ready
            </button>
          ) : (
            <button
              type="button"
              className="button"
              disabled={readOnly}
              onClick={() => actions.markDraft(dropId)}
            >
              Back to draft
            </button>
          )}
          {onOpenTemplate && (
            <button type="button" className="button button-quiet" onClick={onOpenTemplate}>
              Template…
            </button>
          )}
          <select
            className="input input-compact"
            aria-label="Paper size"
            value={pageSize}
            onChange={(e) => setPageSize(e.target.value as PageSize)}
          >
            {PAGE_SIZES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void onExport()}
          >
            {busy ? 'Exporting…' : `Export PDF v${state.nextVersion}`}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={onClose}
            aria-label="Close brief"
          >
            Close
          </button>
        </div>
      </header>

      {pending && (
        <div className="brief-banner" role="status">
          {issueList.length > 0 ? (
            <>
              Printed brief v{pending.record.version} as a draft: fix what is listed under
              &ldquo;Before it is ready&rdquo; before it goes to the creator.
            </>
          ) : (
            <>
              Printed brief v{pending.record.version}. Once the PDF is saved, mark it as sent so
              later changes are tracked.
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  actions.markSent(dropId, pending.record);
                  setPending(null);
                }}
              >
                Mark v{pending.record.version} as sent
              </button>
            </>
          )}
          <button type="button" className="button button-quiet" onClick={() => setPending(null)}>
            Not sent
          </button>
        </div>
      )}

      <div className="brief-scroll">
        {showChanges && changes && (
          <div ref={changesRef}>
            <BriefChangesView changes={changes} version={sent?.version ?? 0} />
          </div>
        )}

        {issueList.length > 0 && (
          <div className="brief-issues" role="note">
            <strong>Before it is ready</strong>
            <ul>
              {issueList.map(([k, m]) => (
                <li key={k}>{m}</li>
              ))}
            </ul>
          </div>
        )}

        <section className="brief-section">
          <h3>Drop & creator</h3>
          <div className="brief-grid">
            <TextField
              wide
              multiline
              rows={2}
              label="Narrative (one story; shared with the drop)"
              value={brief.drop.narrative}
              error={err('narrative')}
              disabled={readOnly}
              commit={(v) => set({ narrative: v })}
            />
            <CreatorPicker
              value={brief.drop.creatorId}
              error={err('creator')}
              disabled={readOnly}
              onPick={(id) => done(actions.linkCreator(dropId, id), ['creator'])}
              onOpenDirectory={onOpenCreators}
            />
            <TextField
              wide
              multiline
              rows={2}
              {...text('whyCreator')}
              placeholder="What makes their audience right for this story"
            />
          </div>
        </section>

        <GoalSection
          goal={text('goal')}
          metrics={f.metrics}
          placeholder="Target (leave empty if not measured)"
          error={err}
          disabled={readOnly}
          saveMetrics={(metrics) => set({ metrics })}
        />

        <section className="brief-section">
          <h3>Timeline</h3>
          <p className="brief-help">
            Seven days from shoot to publish. Dates nobody set are suggested from the shoot.
          </p>
          <div className="brief-grid brief-grid-dates">
            {TIMELINE.map((k) => (
              <DateField
                key={k}
                label={FIELD_LABELS[k]}
                {...timelineDate(k)}
                error={err(k)}
                disabled={readOnly}
                commit={(v) => set({ [k]: v })}
              />
            ))}
          </div>
        </section>

        <BriefShotList
          state={state}
          readOnly={readOnly}
          error={err('deliverables')}
          onResult={done}
          actions={actions}
          dropId={dropId}
        />

        <RightsSection title="Dos & don’ts" text={text} />

        <section className="brief-section">
          <h3>Money & tracking</h3>
          <div className="brief-grid brief-grid-3">
            <NumberField {...amount('fee')} suffix={f.currency} />
            <TextField
              {...code('currency')}
              hint={
                brief.sources.currency === 'brief' && f.currency !== brief.template.fields.currency
                  ? `This drop's money is in ${f.currency}, not the workspace's ${brief.template.fields.currency}`
                  : "The workspace's currency (set in the brief template)"
              }
            />
            <NumberField
              allowEmpty
              label={FIELD_LABELS.revenueSharePct}
              value={f.revenueSharePct}
              suffix="%"
              hint={fromCreator('revenueSharePct')}
              error={err('revenueSharePct')}
              disabled={readOnly}
              commit={(v) => set({ revenueSharePct: v })}
            />
            <TextField wide {...text('payoutTiming')} />
            <TextField {...fromDirectory('discountCode')} />
            <TextField type="url" {...fromDirectory('trackingLink')} />
            <NumberField {...amount('attributionWindowDays')} suffix="days" />
          </div>
        </section>

        <section className="brief-section">
          <h3>Samples, packaging & pop-up</h3>
          <div className="brief-grid brief-grid-3">
            <TextField {...text('sampleSizes')} placeholder="e.g. S and M" />
            <SelectField
              label="After the shoot"
              value={f.samplesKeep}
              options={SAMPLE_RETURN}
              labels={{ keep: 'Creator keeps the samples', return: 'Samples are returned' }}
              disabled={readOnly}
              commit={(v) => set({ samplesKeep: v })}
            />
            <NumberField
              label={FIELD_LABELS.reservePct}
              value={brief.drop.reservePct}
              suffix="%"
              hint="Shared with the drop (playbook: 30 %)"
              error={err('reservePct')}
              disabled={readOnly}
              commit={(v) => set({ reservePct: v ?? Number.NaN })}
            />
            <TextField wide multiline rows={2} {...text('packagingNotes')} />
            <TextField
              wide
              {...text('popUp')}
              placeholder="Where and when, if the creator appears at the pop-up"
            />
            <TextField
              wide
              multiline
              rows={3}
              {...text('contacts')}
              label="Contacts (one per line)"
              placeholder="Producer: Sam Ortiz, sam@label.com, +351 …"
            />
          </div>
        </section>

        <section className="brief-section">
          <h3>Creative direction</h3>
          <BriefBodyEditor
            doc={doc}
            dropId={dropId}
            outline={brief.template.outline}
            readOnly={readOnly}
            awareness={awareness ?? null}
            {...(user ? { user } : {})}
            onMessage={onMessage}
          />
        </section>
      </div>
    </div>
  );
}

/**
 * The hint under a brief date nobody set. A suggestion the template's offset puts before today
 * (a shoot only days away) would go to the creator as a day already gone: it says so.
 */
function suggestedHint(day: string | null, today: string): string {
  return day !== null && day < today
    ? 'Suggested from the shoot date, but that day has passed: set the day it will happen.'
    : 'Suggested from the shoot date';
}
