import { useMemo, useState } from 'react';
import { describeCadence, isValidTimeZone } from '../../../../shared/cadence';
import type { Cadence } from '../../../../shared/model';
import { Dialog } from '../../ui/Dialog';

type Kind = 'weeks' | 'monthly' | 'bimonthly';

function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

/** Workspace settings for the calendar: the release rhythm and the time zone dates live in. */
export function CadenceSettings(props: {
  cadence: Cadence;
  timezone: string;
  onSave: (cadence: Cadence, timezone: string) => boolean;
  onClose: () => void;
}) {
  const [kind, setKind] = useState<Kind>(props.cadence.kind);
  const [every, setEvery] = useState(
    String(props.cadence.kind === 'weeks' ? props.cadence.every : 2),
  );
  const [tz, setTz] = useState(props.timezone);
  const [errors, setErrors] = useState<{ every?: string; tz?: string }>({});
  const zones = useMemo(timeZones, []);
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const submit = () => {
    const next: typeof errors = {};
    const n = Number(every);
    if (kind === 'weeks' && (!Number.isInteger(n) || n < 1 || n > 26)) {
      next.every = 'Choose between 1 and 26 weeks.';
    }
    if (!isValidTimeZone(tz.trim())) {
      next.tz = 'Pick a time zone from the list, like Europe/Berlin.';
    }
    setErrors(next);
    if (next.every || next.tz) return;
    const cadence: Cadence = kind === 'weeks' ? { kind, every: n } : { kind };
    if (props.onSave(cadence, tz.trim())) props.onClose();
  };

  return (
    <Dialog
      title="Cadence and time zone"
      onClose={props.onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Save
          </button>
        </>
      }
    >
      <p className="cal-settings-note">
        The calendar checks launches against this rhythm and proposes the next slots on it. Dates
        are calendar days in the workspace’s time zone.
      </p>
      <div className="field">
        <label className="field-label" htmlFor="cadence-kind">
          Rhythm
        </label>
        <select
          id="cadence-kind"
          className="input"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          <option value="monthly">{describeCadence({ kind: 'monthly' })}</option>
          <option value="bimonthly">{describeCadence({ kind: 'bimonthly' })}</option>
          <option value="weeks">Every N weeks</option>
        </select>
      </div>
      {kind === 'weeks' && (
        <div className="field">
          <label className="field-label" htmlFor="cadence-every">
            Weeks between launches
          </label>
          <input
            id="cadence-every"
            className="input"
            type="number"
            min={1}
            max={26}
            value={every}
            aria-invalid={!!errors.every}
            aria-describedby={errors.every ? 'cadence-every-error' : undefined}
            onChange={(e) => setEvery(e.target.value)}
          />
          {errors.every && (
            <p id="cadence-every-error" className="field-error">
              {errors.every}
            </p>
          )}
        </div>
      )}
      <div className="field">
        <label className="field-label" htmlFor="cadence-tz">
          Time zone
        </label>
        <input
          id="cadence-tz"
          className="input"
          list="cadence-tz-list"
          value={tz}
          spellCheck={false}
          aria-invalid={!!errors.tz}
          aria-describedby={errors.tz ? 'cadence-tz-error' : undefined}
          onChange={(e) => setTz(e.target.value)}
        />
        <datalist id="cadence-tz-list">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {errors.tz && (
          <p id="cadence-tz-error" className="field-error">
            {errors.tz}
          </p>
        )}
        {localZone && localZone !== tz && (
          <button type="button" className="button-quiet cal-link" onClick={() => setTz(localZone)}>
            Use this computer’s zone ({localZone})
          </button>
        )}
      </div>
    </Dialog>
  );
}
