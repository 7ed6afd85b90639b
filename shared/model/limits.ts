/**
 * Hard ceilings on what one stored value may hold, enforced on every incoming update
 * (`shared/sync/validateUpdate.ts`) and on every local write. They sit well above the form
 * limits (what a person can type, e.g. 120 characters for a drop title): no real brand comes
 * near them, and anything a person commits passes every teammate's check. A value above its
 * ceiling is damage or abuse, refused before it reaches the document. Lengths are in
 * characters (UTF-16 code units, as JavaScript counts them); values that are not text are
 * held to the same number in bytes of their encoding.
 */
export interface FieldCeilings {
  /** Ceilings by field name. */
  fields: Record<string, number>;
  /** Every other field of the record. */
  other: number;
}

/** Ceilings per top-level map of the document (record fields, or the map's own entries). */
export const FIELD_CEILINGS: Record<string, FieldCeilings> = {
  drops: {
    fields: { title: 1_000, narrative: 20_000, color: 40, launchTime: 20, creatorId: 200 },
    other: 2_000,
  },
  creators: {
    fields: { name: 500, notes: 20_000, region: 500, email: 500, trackingLink: 2_000 },
    other: 2_000,
  },
  // Brief text fields (form limits 120–2,000) and shot-list rows.
  briefs: { fields: {}, other: 20_000 },
  stages: { fields: { name: 500 }, other: 2_000 },
  // Workspace settings and the brief template (its outline and text fields).
  meta: { fields: { name: 500, timezone: 100 }, other: 50_000 },
  // One recorded fact (the SKU list holds up to 200 SKUs of 64 characters).
  dropActuals: { fields: {}, other: 20_000 },
  // Results: one order, interest event, import summary or setting per entry.
  orders: { fields: {}, other: 100_000 },
  interest: { fields: {}, other: 100_000 },
  resultImports: { fields: {}, other: 100_000 },
  resultSettings: { fields: {}, other: 100_000 },
};

/** Text of one brief body (the rich text), and so of any run of it. */
export const BRIEF_TEXT_CEILING = 100_000;

/**
 * The local rule for a brief's text: adding `added` characters to a body of `current` (each
 * break between blocks counted as one) is refused when it would pass `BRIEF_TEXT_CEILING`.
 * Returns the message to show, or null when it fits. A refused paste or keystroke adds
 * nothing, so nothing already there is lost.
 */
export function briefTextOverLimit(current: number, added: number): string | null {
  if (added <= 0) return null;
  const size = current + added;
  if (size <= BRIEF_TEXT_CEILING) return null;
  return `A brief's text is at most ${BRIEF_TEXT_CEILING.toLocaleString('en')} characters; this would make it ${size.toLocaleString('en')}. Nothing was added.`;
}

/** A picture in a brief: a `data:image/…` URL of at most this many characters (≈ 2.2 MB). */
export const IMAGE_SRC_CEILING = 3_000_000;

/** Any other attribute of the brief's rich text (alt text, a link, a heading level). */
export const ATTRIBUTE_CEILING = 4_000;

/** Bytes of the largest value any field may hold: longer text is refused without being read. */
export const LARGEST_VALUE_BYTES = IMAGE_SRC_CEILING * 3;

/** The ceiling of `field` in the top-level map `rootName` (undefined: not a known map). */
export function fieldCeiling(rootName: string, field: string): number | undefined {
  const table = FIELD_CEILINGS[rootName];
  if (!table) return undefined;
  return table.fields[field] ?? table.other;
}

/** Picture formats a brief may hold (what the PDF and every browser draw). */
export const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,/;

/** True when `src` is a picture stored in the document itself (never a remote address). */
export function isStoredImageSrc(src: unknown): src is string {
  return typeof src === 'string' && src.length <= IMAGE_SRC_CEILING && IMAGE_DATA_URL.test(src);
}
