/** A label's box on screen: top-left corner, width and height in CSS pixels. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Which labels to show so that no two overlap: candidates come in priority order (the selected node, its
 * neighbours, then the most connected nodes), and each is shown only if it clears every label already
 * shown by `gap` pixels, and every obstacle (such as the zoom buttons drawn over the picture). `undefined`
 * marks a node that is hidden or off screen. The build uses it to pick the labels of the static picture,
 * and the explorer's script after every zoom, pan or selection.
 */
export function placeLabels(candidates: readonly (LabelBox | undefined)[], obstacles: readonly LabelBox[] = [], gap = 3): boolean[] {
  const placed: LabelBox[] = [...obstacles];
  return candidates.map((box) => {
    if (!box) return false;
    const clear = placed.every(
      (other) => box.x + box.width + gap <= other.x || other.x + other.width + gap <= box.x || box.y + box.height + gap <= other.y || other.y + other.height + gap <= box.y,
    );
    if (clear) placed.push(box);
    return clear;
  });
}
