import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import type { WorkspaceSnapshot } from './workspaceStore';

/** Cards kept per stage: enough to fill a tall window before the document has loaded. */
export const PREVIEW_CARDS_PER_STAGE = 16;

const previewCardSchema = lazySchema(() =>
  z.object({
    id: z.string().min(1),
    title: z.string(),
    creatorName: z.string().nullable(),
    dropDate: z.string().nullable(),
    color: z.string(),
    archived: z.boolean(),
  }),
);

const boardPreviewSchema = lazySchema(() =>
  z.object({
    version: z.literal(1),
    name: z.string(),
    stages: z.array(
      z.object({
        id: z.string().min(1),
        name: z.string(),
        /** Live drops in the stage (the preview keeps only the first few). */
        count: z.number().int().nonnegative(),
        cards: z.array(previewCardSchema()),
      }),
    ),
  }),
);

/** A compact, read-only picture of a board: what the first paint shows before the document loads. */
export type BoardPreview = z.infer<ReturnType<typeof boardPreviewSchema>>;
export type PreviewCard = z.infer<ReturnType<typeof previewCardSchema>>;

/** The board preview of a workspace snapshot: its stages, counts and first cards of each. */
export function encodeBoardPreview(snapshot: WorkspaceSnapshot): BoardPreview {
  const names = snapshot.creatorNames;
  return {
    version: 1,
    name: snapshot.meta.name,
    stages: snapshot.board.map((col) => ({
      id: col.stage.id,
      name: col.stage.name,
      count: col.drops.length,
      cards: col.drops.slice(0, PREVIEW_CARDS_PER_STAGE).map((d) => ({
        id: d.id,
        title: d.title,
        creatorName: d.creatorId ? (names.get(d.creatorId) ?? null) : null,
        dropDate: d.dropDate,
        color: d.color,
        archived: d.archived,
      })),
    })),
  };
}

/** A stored preview, checked; null when it is missing or not a preview this version reads. */
export function parseBoardPreview(value: unknown): BoardPreview | null {
  const parsed = boardPreviewSchema().safeParse(value);
  return parsed.success ? parsed.data : null;
}
