import type { ImportRecord } from '../../../shared/results';

const some = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the Results view's import history says of one import after its time and who made it:
 * "orders.csv: 3 new, 1 changed, 0 unchanged orders, 1 test order skipped".
 */
export function importLine(
  i: Pick<ImportRecord, 'file' | 'added' | 'changed' | 'unchanged' | 'kind' | 'testSkipped'>,
): string {
  const what = i.kind === 'orders' ? 'orders' : 'events';
  const skipped =
    i.testSkipped > 0 ? `, ${some(i.testSkipped, 'test order', 'test orders')} skipped` : '';
  return `${i.file}: ${i.added} new, ${i.changed} changed, ${i.unchanged} unchanged ${what}${skipped}`;
}
