import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelBox } from '../../src/components/graph-labels.ts';

const overlap = (a: LabelBox, b: LabelBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placeLabels', () => {
  it('keeps the first of two overlapping labels and drops the second', () => {
    expect(placeLabels([{ x: 0, y: 0, width: 50, height: 12 }, { x: 40, y: 5, width: 50, height: 12 }, { x: 100, y: 0, width: 20, height: 12 }])).toEqual([true, false, true]);
  });

  it('keeps labels off the obstacles', () => {
    expect(placeLabels([{ x: 0, y: 0, width: 50, height: 12 }, { x: 100, y: 0, width: 20, height: 12 }], [{ x: 90, y: 0, width: 40, height: 40 }])).toEqual([true, false]);
  });

  it('skips hidden nodes', () => {
    expect(placeLabels([undefined, { x: 0, y: 0, width: 10, height: 10 }])).toEqual([false, true]);
  });

  it('never shows two labels that overlap, and shows the first candidate', () => {
    const box = fc.record({ x: fc.integer({ min: 0, max: 300 }), y: fc.integer({ min: 0, max: 300 }), width: fc.integer({ min: 1, max: 120 }), height: fc.integer({ min: 1, max: 20 }) });
    fc.assert(
      fc.property(fc.array(box, { minLength: 1, maxLength: 60 }), (boxes) => {
        const shown = placeLabels(boxes);
        expect(shown[0]).toBe(true);
        const visible = boxes.filter((_, i) => shown[i]);
        for (const [i, a] of visible.entries()) for (const b of visible.slice(i + 1)) expect(overlap(a, b)).toBe(false);
      }),
    );
  });
});
