import { describe, expect, it } from 'vitest';
import { labelStep, rowStep } from '../../../renderer/src/results/labelStep';

// The charts label every (step + 1)th drop; neighbouring labels must leave room for the longest.
const shown = (n: number, step: number) => Math.ceil(n / (step + 1));

describe('chart label step', () => {
  it('labels every drop when all titles fit', () => {
    expect(labelStep(['A', 'B', 'C'], 512, 11)).toBe(0);
  });

  it('thins long titles on a half-width chart so that neighbours do not overlap', () => {
    // 16 titles of 14 characters on a 512 px axis: each label needs about 14 × 11 × 0.6 + 10
    // = 102 px, so at most five can stand side by side.
    const titles = Array.from({ length: 16 }, (_, i) => `Night Market K${i}`.slice(0, 14));
    const step = labelStep(titles, 512, 11);
    const spacing = (512 / 16) * (step + 1);
    expect(spacing).toBeGreaterThanOrEqual(14 * 11 * 0.6 + 10);
    expect(shown(16, step)).toBeGreaterThanOrEqual(4);
    expect(shown(16, step)).toBeLessThanOrEqual(5);
  });

  it('labels more drops when the titles are short', () => {
    const short = Array.from({ length: 16 }, (_, i) => `D${i}`);
    const long = Array.from({ length: 16 }, (_, i) => `Rooftop Slip ${i}`);
    expect(labelStep(short, 512, 11)).toBeLessThan(labelStep(long, 512, 11));
  });

  it('keeps 200 drops to a handful of labels', () => {
    const titles = Array.from({ length: 200 }, (_, i) => `Drop number ${i}`);
    expect(shown(200, labelStep(titles, 512, 11))).toBeLessThanOrEqual(5);
  });

  it('stacks row labels a line apart', () => {
    expect(rowStep(5, 162, 11)).toBe(0);
    const step = rowStep(40, 162, 11);
    expect((162 / 40) * (step + 1)).toBeGreaterThanOrEqual(11 * 1.4);
  });

  it('has nothing to thin on an empty chart', () => {
    expect(labelStep([], 512, 11)).toBe(0);
    expect(rowStep(0, 162, 11)).toBe(0);
  });
});
