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
  const bind = <Shown, Typed>(k: keyof F & Labelled, toStored: (v: Typed) => unknown) => ({
    label: FIELD_LABELS[k],
    value: values[k] as Shown,
    error: error(k),
    disabled,
    commit: (v: Typed) => save({ [k]: toStored(v) } as Partial<F>),
  });
  return {
    /** A text field saved as typed. */
    text: (k: KeysOf<F, string>): TextBinding => bind<string, string>(k, (v) => v),
    /** A code (a currency): saved trimmed and in capitals. */
    code: (k: KeysOf<F, string>): TextBinding =>
      bind<string, string>(k, (v) => v.trim().toUpperCase()),
    /** A number; an empty field is sent as NaN so validation can say why. */
    amount: (k: KeysOf<F, number>) => bind<number, number | null>(k, (v) => v ?? Number.NaN),
  };
}
