import { FIELD_LABELS } from '../../../shared/brief';

type Labelled = keyof typeof FIELD_LABELS;
/** The keys of `F` whose values are `V` and that have a label. */
type KeysOf<F, V> = { [K in keyof F]: F[K] extends V ? K : never }[keyof F] & Labelled;

/** The props a text field takes from its binding. */
export interface TextBinding {
  label: string;
  value: string;
  error: string | undefined;
  disabled: boolean;
  commit: (v: string) => boolean;
}

/**
 * What every plain field of a brief form shares (the brief's or the template's): its label,
 * stored value, message and save. Spread the result into a field; override what differs.
 */
export function fieldBinders<F extends object>(o: {
  values: F;
  error: (key: string) => string | undefined;
  disabled: boolean;
  save: (patch: Partial<F>) => boolean;
}) {
  const { values, error, disabled, save } = o;
  const read = (k: keyof F) => values[k] as unknown;
  return {
    /** A text field saved as typed. */
    text: (k: KeysOf<F, string>): TextBinding => ({
      label: FIELD_LABELS[k],
      value: read(k) as string,
      error: error(k),
      disabled,
      commit: (v: string) => save({ [k]: v } as Partial<F>),
    }),
    /** A number; an empty field is sent as NaN so validation can say why. */
    amount: (k: KeysOf<F, number>) => ({
      label: FIELD_LABELS[k],
      value: read(k) as number,
      error: error(k),
      disabled,
      commit: (v: number | null) => save({ [k]: v ?? Number.NaN } as Partial<F>),
    }),
  };
}
