import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Doc } from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import {
  ASPECT_RATIOS,
  ASSET_FORMAT_LABELS,
  ASSET_FORMATS,
  FIELD_LABELS,
  METRIC_LABELS,
  METRICS,
  PAGE_SIZES,
  SAMPLE_RETURN,
  SHOT_LABELS,
  SHOTS,
  STATUS_LABELS,
  type BriefPatch,
  type BriefState,
  type PageSize,
} from '../../../shared/brief';
import { CHANNEL_LABELS, CHANNELS, isReadOnlyFor, type DropId } from '../../../shared/model';
import { briefActions, type EditResult } from './actions';
import { BriefChangesView } from './BriefChangesView';
import { CreatorPicker } from './creators/CreatorPicker';
import { BriefBodyEditor, type PresenceUser } from './editor/BriefBodyEditor';
import { DateInput, NumberInput, SelectInput, TextInput } from './inputs';
import { exportBrief, type ExportOutcome } from './print/exportBrief';
import { useBriefState } from './useBriefState';
import './briefs.css';

/**
 * The brief editor: the structured brief as a form, the creative direction as shared rich
 * text, the status, and the PDF export.
 */
function BriefEditorView(props: {
  doc: Doc;
  workspaceId: string;
  dropId: DropId;
  onClose: () => void;
  onMessage: (message: string) => void;
  onOpenCreators?: () => void;
  onOpenTemplate?: () => void;
  awareness?: Awareness | null;
  user?: PresenceUser;
}) {
  const { doc, dropId, onClose } = props;
  const state = useBriefState(doc, dropId);
  useEffect(() => {
    if (!state) onClose();
  }, [state, onClose]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  if (!state) return null;
  return <BriefSheet {...props} state={state} />;
}

/**
 * Memoised: presence (carets moving) re-renders the app often, and a long brief should only
 * re-render when its own props or content change.
 */
export const BriefEditor = memo(BriefEditorView);

function BriefSheet(props: Parameters<typeof BriefEditorView>[0] & { state: BriefState }) {
  const { doc, workspaceId, dropId, state, onClose, onMessage, onOpenCreators, onOpenTemplate } =
    props;
  const { awareness, user } = props;
  const actions = useMemo(() => briefActions(doc), [doc]);
  const readOnly = isReadOnlyFor(doc);
  const { brief, issues, status, sent, changes } = state;
  const f = brief.fields;
  // Messages from refused edits, shown at the field until the next good edit of it.
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pageSize, setPageSize] = useState<PageSize>('A4');
  const [showChanges, setShowChanges] = useState(false);
  const changesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (showChanges) changesRef.current?.scrollIntoView({ block: 'start' });
  }, [showChanges]);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Extract<ExportOutcome, { kind: 'printed' }> | null>(null);

  const done = (r: EditResult<unknown>, keys: string[]) => {
    setErrors((e) => {
      const next = { ...e };
      for (const k of keys) delete next[k];
      return r.ok ? next : { ...next, ...r.errors };
    });
    if (!r.ok && Object.keys(r.errors).length === 0) onMessage(r.message);
    return r.ok;
  };
  const set = (patch: BriefPatch) => done(actions.update(dropId, patch), Object.keys(patch));
  const err = (k: string) => errors[k] ?? issues[k];
  const suggested = (k: 'briefLock' | 'samplesShip' | 'draftDue' | 'finalDue') =>
    brief.sources[k] === 'suggested' ? 'Suggested from the shoot date' : undefined;
  const fromCreator = (k: 'discountCode' | 'trackingLink' | 'revenueSharePct') =>
    brief.sources[k] === 'creator'
      ? `From ${brief.creator?.name ?? 'the creator'} in the directory`
      : undefined;

  const onExport = async () => {
    setBusy(true);
    try {
      const outcome = await exportBrief({ doc, workspaceId, dropId, pageSize });
      if (outcome.kind === 'saved') {
        actions.markSent(dropId, outcome.record);
        onMessage(`Saved ${outcome.path} and marked brief v${outcome.record.version} as sent.`);
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
          <h2 id="brief-title">{brief.drop.title}</h2>
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
          Printed brief v{pending.record.version}. Once the PDF is saved, mark it as sent so later
          changes are tracked.
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
            <TextInput
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
            <TextInput
              wide
              multiline
              rows={2}
              label={FIELD_LABELS.whyCreator}
              value={f.whyCreator}
              placeholder="What makes their audience right for this story"
              error={err('whyCreator')}
              disabled={readOnly}
              commit={(v) => set({ whyCreator: v })}
            />
          </div>
        </section>

        <section className="brief-section">
          <h3>Goal & success</h3>
          <div className="brief-grid">
            <TextInput
              wide
              multiline
              rows={2}
              label={FIELD_LABELS.goal}
              value={f.goal}
              error={err('goal')}
              disabled={readOnly}
              commit={(v) => set({ goal: v })}
            />
            {METRICS.map((m) => (
              <TextInput
                key={m}
                label={METRIC_LABELS[m]}
                value={f.metrics[m]}
                placeholder="Target (leave empty if not measured)"
                error={err(`metrics.${m}`)}
                disabled={readOnly}
                commit={(v) => set({ metrics: { ...f.metrics, [m]: v } })}
              />
            ))}
          </div>
        </section>

        <section className="brief-section">
          <h3>Timeline</h3>
          <p className="brief-help">
            Seven days from shoot to publish. Dates nobody set are suggested from the shoot.
          </p>
          <div className="brief-grid brief-grid-dates">
            <DateInput
              label={FIELD_LABELS.briefLock}
              value={f.briefLock}
              hint={suggested('briefLock')}
              error={err('briefLock')}
              disabled={readOnly}
              commit={(v) => set({ briefLock: v })}
            />
            <DateInput
              label={FIELD_LABELS.samplesShip}
              value={f.samplesShip}
              hint={suggested('samplesShip')}
              error={err('samplesShip')}
              disabled={readOnly}
              commit={(v) => set({ samplesShip: v })}
            />
            <DateInput
              label={FIELD_LABELS.shootDate}
              value={brief.drop.shootDate}
              error={err('shootDate')}
              disabled={readOnly}
              commit={(v) => set({ shootDate: v })}
            />
            <DateInput
              label={FIELD_LABELS.draftDue}
              value={f.draftDue}
              hint={suggested('draftDue')}
              error={err('draftDue')}
              disabled={readOnly}
              commit={(v) => set({ draftDue: v })}
            />
            <DateInput
              label={FIELD_LABELS.finalDue}
              value={f.finalDue}
              hint={suggested('finalDue')}
              error={err('finalDue')}
              disabled={readOnly}
              commit={(v) => set({ finalDue: v })}
            />
            <DateInput
              label={FIELD_LABELS.publishDate}
              value={brief.drop.publishDate}
              error={err('publishDate')}
              disabled={readOnly}
              commit={(v) => set({ publishDate: v })}
            />
            <DateInput
              label={FIELD_LABELS.dropDate}
              value={brief.drop.dropDate}
              error={err('dropDate')}
              disabled={readOnly}
              commit={(v) => set({ dropDate: v })}
            />
          </div>
        </section>

        <ShotList
          state={state}
          readOnly={readOnly}
          error={err('deliverables')}
          onResult={done}
          actions={actions}
          dropId={dropId}
        />

        <section className="brief-section">
          <h3>Dos & don’ts</h3>
          <div className="brief-grid">
            <TextInput
              multiline
              rows={4}
              label="Must-mentions (one per line)"
              value={f.mustMentions}
              error={err('mustMentions')}
              disabled={readOnly}
              commit={(v) => set({ mustMentions: v })}
            />
            <TextInput
              multiline
              rows={4}
              label="Do-nots (one per line)"
              value={f.doNots}
              error={err('doNots')}
              disabled={readOnly}
              commit={(v) => set({ doNots: v })}
            />
            <TextInput
              wide
              label={FIELD_LABELS.disclosure}
              value={f.disclosure}
              error={err('disclosure')}
              disabled={readOnly}
              commit={(v) => set({ disclosure: v })}
            />
            <TextInput
              multiline
              rows={2}
              label={FIELD_LABELS.usageRights}
              value={f.usageRights}
              error={err('usageRights')}
              disabled={readOnly}
              commit={(v) => set({ usageRights: v })}
            />
            <TextInput
              multiline
              rows={2}
              label={FIELD_LABELS.exclusivity}
              value={f.exclusivity}
              error={err('exclusivity')}
              disabled={readOnly}
              commit={(v) => set({ exclusivity: v })}
            />
          </div>
        </section>

        <section className="brief-section">
          <h3>Money & tracking</h3>
          <div className="brief-grid brief-grid-3">
            <NumberInput
              label={FIELD_LABELS.fee}
              value={f.fee}
              suffix={f.currency}
              error={err('fee')}
              disabled={readOnly}
              commit={(v) => set({ fee: v ?? Number.NaN })}
            />
            <TextInput
              label={FIELD_LABELS.currency}
              value={f.currency}
              error={err('currency')}
              disabled={readOnly}
              commit={(v) => set({ currency: v.trim().toUpperCase() })}
            />
            <NumberInput
              allowEmpty
              label={FIELD_LABELS.revenueSharePct}
              value={f.revenueSharePct}
              suffix="%"
              hint={fromCreator('revenueSharePct')}
              error={err('revenueSharePct')}
              disabled={readOnly}
              commit={(v) => set({ revenueSharePct: v })}
            />
            <TextInput
              wide
              label={FIELD_LABELS.payoutTiming}
              value={f.payoutTiming}
              error={err('payoutTiming')}
              disabled={readOnly}
              commit={(v) => set({ payoutTiming: v })}
            />
            <TextInput
              label={FIELD_LABELS.discountCode}
              value={f.discountCode}
              hint={fromCreator('discountCode')}
              error={err('discountCode')}
              disabled={readOnly}
              commit={(v) =>
                set({
                  discountCode:
                    v.trim() === '' && brief.sources.discountCode !== 'brief' ? null : v,
                })
              }
            />
            <TextInput
              type="url"
              label={FIELD_LABELS.trackingLink}
              value={f.trackingLink}
              hint={fromCreator('trackingLink')}
              error={err('trackingLink')}
              disabled={readOnly}
              commit={(v) =>
                set({
                  trackingLink:
                    v.trim() === '' && brief.sources.trackingLink !== 'brief' ? null : v,
                })
              }
            />
            <NumberInput
              label={FIELD_LABELS.attributionWindowDays}
              value={f.attributionWindowDays}
              suffix="days"
              error={err('attributionWindowDays')}
              disabled={readOnly}
              commit={(v) => set({ attributionWindowDays: v ?? Number.NaN })}
            />
          </div>
        </section>

        <section className="brief-section">
          <h3>Samples, packaging & pop-up</h3>
          <div className="brief-grid brief-grid-3">
            <TextInput
              label={FIELD_LABELS.sampleSizes}
              value={f.sampleSizes}
              placeholder="e.g. S and M"
              error={err('sampleSizes')}
              disabled={readOnly}
              commit={(v) => set({ sampleSizes: v })}
            />
            <SelectInput
              label="After the shoot"
              value={f.samplesKeep}
              options={SAMPLE_RETURN}
              labels={{ keep: 'Creator keeps the samples', return: 'Samples are returned' }}
              disabled={readOnly}
              commit={(v) => set({ samplesKeep: v })}
            />
            <NumberInput
              label={FIELD_LABELS.reservePct}
              value={brief.drop.reservePct}
              suffix="%"
              hint="Shared with the drop (playbook: 30 %)"
              error={err('reservePct')}
              disabled={readOnly}
              commit={(v) => set({ reservePct: v ?? Number.NaN })}
            />
            <TextInput
              wide
              multiline
              rows={2}
              label={FIELD_LABELS.packagingNotes}
              value={f.packagingNotes}
              error={err('packagingNotes')}
              disabled={readOnly}
              commit={(v) => set({ packagingNotes: v })}
            />
            <TextInput
              wide
              label={FIELD_LABELS.popUp}
              value={f.popUp}
              placeholder="Where and when, if the creator appears at the pop-up"
              error={err('popUp')}
              disabled={readOnly}
              commit={(v) => set({ popUp: v })}
            />
            <TextInput
              wide
              multiline
              rows={3}
              label="Contacts (one per line)"
              value={f.contacts}
              placeholder="Producer: Sam Ortiz, sam@label.com, +351 …"
              error={err('contacts')}
              disabled={readOnly}
              commit={(v) => set({ contacts: v })}
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

function ShotList(props: {
  state: BriefState;
  dropId: DropId;
  readOnly: boolean;
  error: string | undefined;
  actions: ReturnType<typeof briefActions>;
  onResult: (r: EditResult<unknown>, keys: string[]) => boolean;
}) {
  const { state, dropId, readOnly, error, actions, onResult } = props;
  const rows = state.brief.deliverables;
  return (
    <section className="brief-section">
      <h3>Shot list</h3>
      <p className="brief-help">
        The three-shot kit: hero product, lifestyle moment, close-up detail, per channel.
      </p>
      <table className="brief-shots">
        <thead>
          <tr>
            <th>Shot</th>
            <th>Channel</th>
            <th>Format</th>
            <th>Length</th>
            <th>Ratio</th>
            <th>Notes</th>
            <th aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const upd = (fields: Parameters<typeof actions.updateShot>[2]) =>
              onResult(actions.updateShot(dropId, r.id, fields), Object.keys(fields));
            return (
              <tr key={r.id} data-shot={r.shot}>
                <td>
                  <select
                    className="input input-compact"
                    aria-label="Shot"
                    value={r.shot}
                    disabled={readOnly}
                    onChange={(e) => upd({ shot: e.target.value as (typeof SHOTS)[number] })}
                  >
                    {SHOTS.map((s) => (
                      <option key={s} value={s}>
                        {SHOT_LABELS[s]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    className="input input-compact"
                    aria-label="Channel"
                    value={r.channel}
                    disabled={readOnly}
                    onChange={(e) => upd({ channel: e.target.value as (typeof CHANNELS)[number] })}
                  >
                    {CHANNELS.map((c) => (
                      <option key={c} value={c}>
                        {CHANNEL_LABELS[c]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    className="input input-compact"
                    aria-label="Format"
                    value={r.format}
                    disabled={readOnly}
                    onChange={(e) =>
                      upd({ format: e.target.value as (typeof ASSET_FORMATS)[number] })
                    }
                  >
                    {ASSET_FORMATS.map((x) => (
                      <option key={x} value={x}>
                        {ASSET_FORMAT_LABELS[x]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <CellText
                    label="Length"
                    value={r.length}
                    disabled={readOnly}
                    commit={(v) => upd({ length: v })}
                  />
                </td>
                <td>
                  <select
                    className="input input-compact"
                    aria-label="Aspect ratio"
                    value={r.aspectRatio}
                    disabled={readOnly}
                    onChange={(e) =>
                      upd({ aspectRatio: e.target.value as (typeof ASPECT_RATIOS)[number] })
                    }
                  >
                    {ASPECT_RATIOS.map((x) => (
                      <option key={x}>{x}</option>
                    ))}
                  </select>
                </td>
                <td className="brief-shot-notes">
                  <CellText
                    label="Notes"
                    value={r.notes}
                    disabled={readOnly}
                    commit={(v) => upd({ notes: v })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Remove ${SHOT_LABELS[r.shot]} (${CHANNEL_LABELS[r.channel]})`}
                    disabled={readOnly}
                    onClick={() => onResult(actions.removeShot(dropId, r.id), [])}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <p className="bf-error" role="alert">
          {error}
        </p>
      )}
      <div className="brief-row-actions">
        <button
          type="button"
          className="button"
          disabled={readOnly}
          onClick={() => onResult(actions.addShot(dropId, {}, rows.at(-1)?.id), [])}
        >
          Add a shot
        </button>
        {state.brief.deliverablesCustom && (
          <button
            type="button"
            className="button button-quiet"
            disabled={readOnly}
            onClick={() => onResult(actions.resetShots(dropId), ['deliverables'])}
          >
            Back to the template’s kit
          </button>
        )}
      </div>
    </section>
  );
}

function CellText(props: {
  label: string;
  value: string;
  disabled: boolean;
  commit: (v: string) => void;
}) {
  const [draft, setDraft] = useState(props.value);
  const [source, setSource] = useState(props.value);
  if (source !== props.value) {
    setSource(props.value);
    setDraft(props.value);
  }
  const save = () => draft !== props.value && props.commit(draft);
  return (
    <input
      className="input input-compact"
      aria-label={props.label}
      value={draft}
      disabled={props.disabled}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => e.key === 'Enter' && save()}
    />
  );
}
