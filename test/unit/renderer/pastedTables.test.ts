import { describe, expect, it } from 'vitest';
import { tabsAsSeparators } from '../../../renderer/src/briefs/editor/pastedTables';

describe('a table pasted into a brief as plain text', () => {
  it('reads each line as a row, its cells side by side', () => {
    expect(tabsAsSeparators('Size\tChest\tLength\r\nS\t96 cm\t68 cm')).toBe(
      'Size · Chest · Length\nS · 96 cm · 68 cm',
    );
  });

  it('drops empty cells and the spaces around a cell', () => {
    expect(tabsAsSeparators('Colour\t\tStock \nSlate\t 40\t')).toBe('Colour · Stock\nSlate · 40');
  });

  it('leaves text without tabs, and lines without tabs, as they were', () => {
    expect(tabsAsSeparators('One narrative,\n  one creator')).toBe('One narrative,\n  one creator');
    expect(tabsAsSeparators('Sizes:\nS\t96')).toBe('Sizes:\nS · 96');
  });
});
