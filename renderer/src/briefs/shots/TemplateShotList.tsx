import { SHOT_LABELS, type BriefTemplate } from '../../../../shared/brief';
import { randomId } from '../../../../shared/model';
import { ShotTable } from './ShotTable';

type Rows = BriefTemplate['deliverables'];

/** The template's kit: the rows every new brief starts with, saved as one list. */
export function TemplateShotList(props: {
  rows: Rows;
  readOnly: boolean;
  error: string | undefined;
  save: (rows: Rows) => boolean;
}) {
  const { rows, readOnly, error, save } = props;
  return (
    <section className="brief-section">
      <h3>Shot list</h3>
      <ShotTable
        rows={rows}
        readOnly={readOnly}
        error={error}
        edit={(_r, i, patch) => save(rows.map((x, j) => (j === i ? { ...x, ...patch } : x)))}
        remove={(_r, i) => save(rows.filter((_, j) => j !== i))}
        removeLabel={(r) => `Remove ${SHOT_LABELS[r.shot]}`}
      />
      <div className="brief-row-actions">
        <button
          type="button"
          className="button"
          disabled={readOnly}
          onClick={() =>
            save([
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
  );
}
