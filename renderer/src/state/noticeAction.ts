/** A button on a message, for what can be done about it at once ("Restore it"). */
export interface NoticeAction {
  label: string;
  run: () => void;
}
