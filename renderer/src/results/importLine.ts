import type { ImportRecord } from '../../../shared/results';
import { counted } from '../ui/format';

/**
 * What the Results view's import history says of one import after its time and who made it:
 * "orders.csv: 3 new, 1 changed, 0 unchanged orders, 1 test order skipped".
 */
export function importLine(
  i: Pick<ImportRecord, 'file' | 'added' | 'changed' | 'unchanged' | 'kind' | 'testSkipped'>,
): string {
  const what = i.kind === 'orders' ? 'orders' : 'events';
  const skipped =
    i.testSkipped > 0 ? `, ${counted(i.testSkipped, 'test order', 'test orders')} skipped` : '';
  // Figures as everywhere else in the view: "15,000 new".
  const n = (x: number) => x.toLocaleString();
  return `${i.file}: ${n(i.added)} new, ${n(i.changed)} changed, ${n(i.unchanged)} unchanged ${what}${skipped}`;
}
