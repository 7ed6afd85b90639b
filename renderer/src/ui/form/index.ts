// The form kit: every editable field of the drop panel, brief, template and creator forms.
export { Field, messageId, type FieldProps } from './Field';
export { TextField } from './TextField';
export { NumberField } from './NumberField';
export { DateField } from './DateField';
export { TimeField } from './TimeField';
export { SelectField } from './SelectField';
export { useDraft } from './useDraft';
export { readNumber } from './readNumber';
import './form.css';
