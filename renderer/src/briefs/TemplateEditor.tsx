import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Doc } from 'yjs';
import {
  ASPECT_RATIOS,
  ASSET_FORMAT_LABELS,
  ASSET_FORMATS,
  FIELD_LABELS,
  METRIC_LABELS,
  METRICS,
  readBriefTemplate,
  SAMPLE_RETURN,
  SHOT_LABELS,
  SHOTS,
  type BriefTemplate,
  type TemplatePatch,
} from '../../../shared/brief';
import { CHANNEL_LABELS, CHANNELS, isReadOnlyFor, randomId } from '../../../shared/model';
import { briefActions } from './actions';
import { NumberInput, SelectInput, TextInput } from './inputs';
import './briefs.css';

// Re-reads the template after each transaction that touched `meta` (where it lives).
function useTemplate(doc: Doc): BriefTemplate {
  const store = useMemo(() => {
    let value = readBriefTemplate(doc);
    return {
      subscribe(listener: () => void) {
        const on = (tr: { changed: Map<unknown, unknown> }) => {
          if (![...tr.changed.keys()].some((t) => t === doc.getMap('meta'))) return;
          value = readBriefTemplate(doc);
          listener();
        };
        doc.on('afterTransaction', on);
        return () => doc.off('afterTransaction', on);
      },
      get: () => value,
    };
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.get);
}

/** The workspace's brief template: what every new brief starts from (the playbook by default). */
export function TemplateEditor(props: {
  doc: Doc;
  onClose: () => void;
  onMessage: (m: string) => void;
}) {
  const { doc, onClose, onMessage } = props;
  const t = useTemplate(doc);
  const actions = useMemo(() => briefActions(doc), [doc]);
  const readOnly = isReadOnlyFor(doc);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const save = (patch: TemplatePatch, keys: string[]) => {
    const r = actions.updateTemplate(patch);
    setErrors((e) => {
      const next = { ...e };
      for (const k of keys) delete next[k];
      return r.ok ? next : { ...next, ...r.errors };
    });
    if (!r.ok && Object.keys(r.errors).length === 0) onMessage(r.message);
    return r.ok;
  };
  const field = <K extends keyof BriefTemplate['fields']>(k: K, v: BriefTemplate['fields'][K]) =>
    save({ fields: { [k]: v } as Partial<BriefTemplate['fields']> }, [`fields.${k}`]);
  const f = t.fields;
  const e = (k: string) => errors[k];
  const rows = t.deliverables;
  const setRows = (next: BriefTemplate['deliverables']) =>
    save({ deliverables: next }, ['deliverables']);

  return (
    <div className="brief-sheet" role="dialog" aria-modal="true" aria-labelledby="template-title">
      <header className="brief-top">
        <div className="brief-top-title">
          <p className="brief-eyebrow">Workspace</p>
          <h2 id="template-title">Brief template</h2>
        </div>
        <div className="brief-top-actions">
          <button
            type="button"
            className="button"
            disabled={readOnly}
            onClick={() => {
              const r = actions.resetTemplate();
              if (!r.ok) onMessage(r.message);
            }}
          >
            Back to the playbook
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
          Every brief starts from this: one narrative, one creator, three assets, seven days to
          publish. A brief follows the template until someone changes a field in that brief.
        </p>
        <section className="brief-section">
          <h3>Goal & success</h3>
          <div className="brief-grid">
            <TextInput
              wide
              multiline
              rows={2}
              label={FIELD_LABELS.goal}
              value={f.goal}
              error={e('fields.goal')}
              disabled={readOnly}
              commit={(v) => field('goal', v)}
            />
            {METRICS.map((m) => (
              <TextInput
                key={m}
                label={METRIC_LABELS[m]}
                value={f.metrics[m]}
                placeholder="Target (empty: not measured)"
                error={e(`fields.metrics.${m}`)}
                disabled={readOnly}
                commit={(v) => field('metrics', { ...f.metrics, [m]: v })}
              />
            ))}
          </div>
        </section>
        <section className="brief-section">
          <h3>Timeline, in days from the shoot</h3>
          <div className="brief-grid brief-grid-dates">
            {(['briefLock', 'samplesShip', 'draftDue', 'finalDue'] as const).map((k) => (
              <NumberInput
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
        <section className="brief-section">
          <h3>Shot list</h3>
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
              {rows.map((r, i) => {
                const upd = (patch: Partial<(typeof rows)[number]>) =>
                  setRows(rows.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                return (
                  <tr key={r.id}>
                    <td>
                      <select
                        className="input input-compact"
                        aria-label="Shot"
                        value={r.shot}
                        disabled={readOnly}
                        onChange={(ev) => upd({ shot: ev.target.value as (typeof SHOTS)[number] })}
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
                        onChange={(ev) =>
                          upd({ channel: ev.target.value as (typeof CHANNELS)[number] })
                        }
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
                        onChange={(ev) =>
                          upd({ format: ev.target.value as (typeof ASSET_FORMATS)[number] })
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
                      <input
                        className="input input-compact"
                        aria-label="Length"
                        defaultValue={r.length}
                        disabled={readOnly}
                        onBlur={(ev) =>
                          ev.target.value !== r.length && upd({ length: ev.target.value })
                        }
                      />
                    </td>
                    <td>
                      <select
                        className="input input-compact"
                        aria-label="Aspect ratio"
                        value={r.aspectRatio}
                        disabled={readOnly}
                        onChange={(ev) =>
                          upd({ aspectRatio: ev.target.value as (typeof ASPECT_RATIOS)[number] })
                        }
                      >
                        {ASPECT_RATIOS.map((x) => (
                          <option key={x}>{x}</option>
                        ))}
                      </select>
                    </td>
                    <td className="brief-shot-notes">
                      <input
                        className="input input-compact"
                        aria-label="Notes"
                        defaultValue={r.notes}
                        disabled={readOnly}
                        onBlur={(ev) =>
                          ev.target.value !== r.notes && upd({ notes: ev.target.value })
                        }
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-label={`Remove ${SHOT_LABELS[r.shot]}`}
                        disabled={readOnly}
                        onClick={() => setRows(rows.filter((_, j) => j !== i))}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {e('deliverables') && (
            <p className="bf-error" role="alert">
              {e('deliverables')}
            </p>
          )}
          <div className="brief-row-actions">
            <button
              type="button"
              className="button"
              disabled={readOnly}
              onClick={() =>
                setRows([
                  ...rows,
                  {
                    id: `tpl-${randomId(8)}`,
                    shot: 'hero',
                    channel: 'instagram',
                    format: 'photo',
                    length: '',
                    aspectRatio: '4:5',
                    notes: '',
                  },
                ])
              }
            >
              Add a shot
            </button>
          </div>
        </section>
        <section className="brief-section">
          <h3>Dos, don’ts and rights</h3>
          <div className="brief-grid">
            <TextInput
              multiline
              rows={4}
              label="Must-mentions (one per line)"
              value={f.mustMentions}
              error={e('fields.mustMentions')}
              disabled={readOnly}
              commit={(v) => field('mustMentions', v)}
            />
            <TextInput
              multiline
              rows={4}
              label="Do-nots (one per line)"
              value={f.doNots}
              error={e('fields.doNots')}
              disabled={readOnly}
              commit={(v) => field('doNots', v)}
            />
            <TextInput
              wide
              label={`${FIELD_LABELS.disclosure} ({brand} becomes the workspace name)`}
              value={f.disclosure}
              error={e('fields.disclosure')}
              disabled={readOnly}
              commit={(v) => field('disclosure', v)}
            />
            <TextInput
              multiline
              rows={2}
              label={FIELD_LABELS.usageRights}
              value={f.usageRights}
              error={e('fields.usageRights')}
              disabled={readOnly}
              commit={(v) => field('usageRights', v)}
            />
            <TextInput
              multiline
              rows={2}
              label={FIELD_LABELS.exclusivity}
              value={f.exclusivity}
              error={e('fields.exclusivity')}
              disabled={readOnly}
              commit={(v) => field('exclusivity', v)}
            />
          </div>
        </section>
        <section className="brief-section">
          <h3>Money, samples & packaging</h3>
          <div className="brief-grid brief-grid-3">
            <NumberInput
              label={FIELD_LABELS.fee}
              value={f.fee}
              suffix={f.currency}
              error={e('fields.fee')}
              disabled={readOnly}
              commit={(v) => field('fee', v ?? Number.NaN)}
            />
            <TextInput
              label={FIELD_LABELS.currency}
              value={f.currency}
              error={e('fields.currency')}
              disabled={readOnly}
              commit={(v) => field('currency', v.trim().toUpperCase())}
            />
            <NumberInput
              label={FIELD_LABELS.attributionWindowDays}
              value={f.attributionWindowDays}
              suffix="days"
              error={e('fields.attributionWindowDays')}
              disabled={readOnly}
              commit={(v) => field('attributionWindowDays', v ?? Number.NaN)}
            />
            <TextInput
              wide
              label={FIELD_LABELS.payoutTiming}
              value={f.payoutTiming}
              error={e('fields.payoutTiming')}
              disabled={readOnly}
              commit={(v) => field('payoutTiming', v)}
            />
            <SelectInput
              label="After the shoot"
              value={f.samplesKeep}
              options={SAMPLE_RETURN}
              labels={{ keep: 'Creator keeps the samples', return: 'Samples are returned' }}
              disabled={readOnly}
              commit={(v) => field('samplesKeep', v)}
            />
            <TextInput
              wide
              multiline
              rows={2}
              label={FIELD_LABELS.packagingNotes}
              value={f.packagingNotes}
              error={e('fields.packagingNotes')}
              disabled={readOnly}
              commit={(v) => field('packagingNotes', v)}
            />
          </div>
        </section>
        <section className="brief-section">
          <h3>Creative-direction outline</h3>
          <TextInput
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
    </div>
  );
}
