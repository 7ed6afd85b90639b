import type { Doc } from 'yjs';
import {
  CHANNELS,
  DROP_COLORS,
  readStages,
  type Channel,
  type DropFields,
} from '../../../shared/model';
import { createDropsInStage } from '../../../shared/model/bulk';

/**
 * Adds `n` generated drops spread evenly over the stages (benchmarks and tests seed large
 * workspaces with it, without the UI). One undoable step per stage.
 */
export function seedGeneratedDrops(doc: Doc, n: number): void {
  const stages = readStages(doc);
  stages.forEach((stage, s) => {
    const list: Partial<DropFields>[] = [];
    for (let i = s; i < n; i += stages.length) {
      const channels: Channel[] = CHANNELS.filter((_, c) => (i + c) % 3 === 0);
      list.push({
        title: `Drop ${i + 1}`,
        narrative: 'One narrative, one creator, three shots, seven days from shoot to publish.',
        channels,
        inventory: 100 + (i % 50),
        color: DROP_COLORS[i % DROP_COLORS.length],
      });
    }
    if (list.length > 0) createDropsInStage(doc, stage.id, list);
  });
}
