import type { Doc } from 'yjs';
import { addDays, format } from 'date-fns';
import { z } from 'zod';
import { lazySchema } from '../../../shared/model/lazySchema';
import {
  CHANNELS,
  CREATOR_PLATFORMS,
  HANDLE_PLATFORMS,
  cadenceSchema,
  createCreator,
  createDrop,
  initWorkspace,
  readStages,
  setCadence,
  type CreatorId,
} from '../../../shared/model';
import { launchOnCadence } from '../../../shared/cadence';
import sampleJson from '../../../resources/sample-workspace.json';

// Dates in the sample are relative to today, so the sample always looks current: shoot and
// publish are day offsets, the launch is a beat of the sample's cadence (0 launches today), so
// the launches sit on the rhythm whatever the month lengths.
const sampleDropSchema = lazySchema(() =>
  z.object({
    title: z.string(),
    narrative: z.string(),
    stage: z.string(),
    creator: z.string().optional(),
    shoot: z.number().int(),
    publish: z.number().int(),
    launch: z.number().int(),
    channels: z.array(z.enum(CHANNELS)),
    inventory: z.number(),
    reservePct: z.number(),
    adBudget: z.number(),
    color: z.string(),
  }),
);

export const sampleSchema = lazySchema(() =>
  z.object({
    format: z.literal('cadence-sample/2'),
    name: z.string(),
    cadence: cadenceSchema(),
    creators: z.array(
      z.object({
        name: z.string(),
        handle: z.string(),
        platform: z.enum(CREATOR_PLATFORMS),
        region: z.string().optional(),
        email: z.string().optional(),
        revenueSharePct: z.number().optional(),
        discountCode: z.string().optional(),
        trackingLink: z.string().optional(),
      }),
    ),
    drops: z.array(sampleDropSchema()),
  }),
);

export type SampleWorkspace = z.infer<ReturnType<typeof sampleSchema>>;

/** The bundled sample: "a small label's year of monthly drops". */
export function bundledSample(): SampleWorkspace {
  return sampleSchema().parse(sampleJson);
}

/** Fills an empty document with the sample (creators, then drops) through shared/model. */
export function importSample(
  doc: Doc,
  sample: SampleWorkspace,
  today = new Date(),
  timezone = 'UTC',
): void {
  initWorkspace(doc, { name: sample.name, timezone });
  setCadence(doc, sample.cadence);
  const stages = readStages(doc);
  const creatorIds = new Map<string, CreatorId>();
  for (const c of sample.creators) {
    const handlePlatform = HANDLE_PLATFORMS.find((p) => p === c.platform);
    creatorIds.set(
      c.name,
      createCreator(doc, {
        name: c.name,
        platform: c.platform,
        region: c.region ?? '',
        email: c.email ?? '',
        revenueSharePct: c.revenueSharePct ?? 0,
        discountCode: c.discountCode ?? '',
        trackingLink: c.trackingLink ?? '',
        ...(handlePlatform ? { handles: { [handlePlatform]: c.handle } } : {}),
      }),
    );
  }
  const day = (offset: number) => format(addDays(today, offset), 'yyyy-MM-dd');
  const launch = (beat: number) => launchOnCadence(day(0), sample.cadence, beat);
  for (const d of sample.drops) {
    const stage = stages.find((s) => s.name === d.stage) ?? stages[0];
    if (!stage) break;
    createDrop(doc, {
      stageId: stage.id,
      title: d.title,
      narrative: d.narrative,
      shootDate: day(d.shoot),
      publishDate: day(d.publish),
      dropDate: launch(d.launch),
      creatorId: (d.creator && creatorIds.get(d.creator)) || null,
      channels: d.channels,
      inventory: d.inventory,
      reservePct: d.reservePct,
      adBudget: d.adBudget,
      color: d.color,
    });
  }
}
