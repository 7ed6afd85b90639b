import {
  ASPECT_RATIOS,
  ASSET_FORMAT_LABELS,
  ASSET_FORMATS,
  SHOT_LABELS,
  SHOTS,
  type DeliverableFields,
} from '../../../../shared/brief';
import { CHANNEL_LABELS, CHANNELS } from '../../../../shared/model';
import { CellSelect, CellText } from './cells';
import { SHOT_COLUMNS } from './columns';

type ShotRow = DeliverableFields & { id: string };

/**
 * The editable shot list (a brief's or the template's): one row per shot, each cell saved on
 * its own, and the list's message under the table.
 */
export function ShotTable<R extends ShotRow>(props: {
  rows: readonly R[];
  readOnly: boolean;
  error: string | undefined;
  edit: (row: R, index: number, fields: Partial<DeliverableFields>) => void;
  remove: (row: R, index: number) => void;
  removeLabel: (row: R) => string;
}) {
  const { rows, readOnly, error, edit, remove, removeLabel } = props;
  return (
    <>
      <table className="brief-shots">
        <thead>
          <tr>
            {SHOT_COLUMNS.map((c) => (
              <th key={c}>{c}</th>
            ))}
            <th aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const upd = (fields: Partial<DeliverableFields>) => edit(r, i, fields);
            return (
              <tr key={r.id} data-shot={r.shot}>
                <td>
                  <CellSelect
                    label="Shot"
                    value={r.shot}
                    options={SHOTS}
                    labels={SHOT_LABELS}
                    disabled={readOnly}
                    pick={(shot) => upd({ shot })}
                  />
                </td>
                <td>
                  <CellSelect
                    label="Channel"
                    value={r.channel}
                    options={CHANNELS}
                    labels={CHANNEL_LABELS}
                    disabled={readOnly}
                    pick={(channel) => upd({ channel })}
                  />
                </td>
                <td>
                  <CellSelect
                    label="Format"
                    value={r.format}
                    options={ASSET_FORMATS}
                    labels={ASSET_FORMAT_LABELS}
                    disabled={readOnly}
                    pick={(format) => upd({ format })}
                  />
                </td>
                <td>
                  <CellText
                    label="Length"
                    value={r.length}
                    disabled={readOnly}
                    commit={(length) => upd({ length })}
                  />
                </td>
                <td>
                  <CellSelect
                    label="Aspect ratio"
                    value={r.aspectRatio}
                    options={ASPECT_RATIOS}
                    disabled={readOnly}
                    pick={(aspectRatio) => upd({ aspectRatio })}
                  />
                </td>
                <td className="brief-shot-notes">
                  <CellText
                    label="Notes"
                    value={r.notes}
                    disabled={readOnly}
                    commit={(notes) => upd({ notes })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={removeLabel(r)}
                    disabled={readOnly}
                    onClick={() => remove(r, i)}
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
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
