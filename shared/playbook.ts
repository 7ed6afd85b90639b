// The micro-drop playbook's numbers, in one place. Rules, flags, windows, validation and every
// label that names a number read them from here, so a change to the playbook is one edit.
// (Imports nothing: model, cadence, brief and the renderer all depend on it.)

/** Days from shoot to publish: a drop's assets are live within a week of the shoot. */
export const SHOOT_TO_PUBLISH_DAYS = 7;

/** The three-shot kit every creator delivers, in the order briefs list it. */
export const SHOTS = ['hero', 'lifestyle', 'detail'] as const;

/** Share of a drop's run held back for creator-fan pop-ups (percent). */
export const RESERVE_PCT = 30;

/** Hours of micro-ad retargeting after a launch. */
export const RETARGETING_HOURS = 72;

/** Hours over which local sell-through is measured after a launch. */
export const SELL_THROUGH_HOURS = 72;

/** Days over which repurchase interest is measured after a launch. */
export const REPURCHASE_DAYS = 30;

/** Days before a launch by which a drop needs its creator and narrative. */
export const BRIEF_READY_DAYS = 14;

/** The launch rhythm a new workspace starts with. */
export const DEFAULT_CADENCE = { kind: 'monthly' } as const;

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/** A small count in words ("seven"), larger ones in digits. */
export function inWords(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** How labels name the playbook's numbers. */
export const PLAYBOOK_LABELS = {
  /** "7 days" */
  shootToPublish: `${SHOOT_TO_PUBLISH_DAYS} days`,
  /** "seven days from shoot to publish" */
  shootToPublishWords: `${inWords(SHOOT_TO_PUBLISH_DAYS)} days from shoot to publish`,
  /** "168 h" (shoot to publish, in hours) */
  turnaroundTarget: `${SHOOT_TO_PUBLISH_DAYS * 24} h`,
  /** "30 %" */
  reserve: `${RESERVE_PCT} %`,
  /** "three shots" */
  shots: `${inWords(SHOTS.length)} shots`,
  /** "72 h" */
  retargeting: `${RETARGETING_HOURS} h`,
  /** "72 h" */
  sellThrough: `${SELL_THROUGH_HOURS} h`,
  /** "30 days" */
  repurchase: `${REPURCHASE_DAYS} days`,
  /** "30-day" */
  repurchaseAdjective: `${REPURCHASE_DAYS}-day`,
} as const;

/** The playbook in one line, for empty states: one narrative, one creator, three shots, … */
export const PLAYBOOK_SUMMARY = `one narrative, one creator, ${PLAYBOOK_LABELS.shots}, ${PLAYBOOK_LABELS.shootToPublishWords}`;
