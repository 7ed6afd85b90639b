import { SHOT_LABELS, type BriefState } from '../../../../shared/brief';
import { CHANNEL_LABELS, type DropId } from '../../../../shared/model';
import type { briefActions, EditResult } from '../actions';
import { ShotTable } from './ShotTable';

/** A brief's shot list: the template's kit until someone changes a row of it. */
export function BriefShotList(props: {
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
      <ShotTable
        rows={rows}
        readOnly={readOnly}
        error={error}
        edit={(r, _i, fields) =>
          onResult(actions.updateShot(dropId, r.id, fields), Object.keys(fields))
        }
        remove={(r) => onResult(actions.removeShot(dropId, r.id), [])}
        removeLabel={(r) => `Remove ${SHOT_LABELS[r.shot]} (${CHANNEL_LABELS[r.channel]})`}
      />
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
