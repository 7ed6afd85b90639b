import { recordedByName, type Recorder } from '../../../shared/results';
import { useOptionalSync } from '../state/SyncContext';
import { localPersonId } from '../workspace';

/**
 * Who records facts and imports here: the name the person gave in the sync panel (none until
 * then, never the "Teammate" teammates see meanwhile) and this computer's id for them.
 */
export function useRecorder(): Recorder {
  const name = useOptionalSync()?.user?.name ?? '';
  return { by: name, byId: localPersonId() };
}

/** How by-lines here name who recorded something: "you", a teammate's name, or "a teammate". */
export function useByName(): (r: Recorder) => string {
  const own = localPersonId();
  return (r) => recordedByName(r, own);
}
