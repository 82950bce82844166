import type { LabelBox } from './graph-labels.ts';

/**
 * How the site graph is drawn on screen, shared by the build (the static picture) and the explorer's
 * script: labels are a constant size on screen whatever the zoom, and sit just above their node.
 */
export const GRAPH_LABEL_PX = 12;
/** The column width the static picture's labels are placed for, before the script measures the screen. */
export const GRAPH_STATIC_WIDTH_PX = 720;
/** The gap between a node and the baseline of its label, and the label's height above and below it. */
const BASELINE_GAP_PX = 3;
const ASCENT_PX = 10;
const DESCENT_PX = 3;

/** The screen box of a node's label, from the node's centre and radius on screen and the label's width. */
export function labelBox(node: { x: number; y: number; radius: number; labelWidth: number }): LabelBox {
  const baseline = node.y - node.radius - BASELINE_GAP_PX;
  return { x: node.x - node.labelWidth / 2, y: baseline - ASCENT_PX, width: node.labelWidth, height: ASCENT_PX + DESCENT_PX };
}

/** Whether a label's box lies wholly on screen, so that no label is cut at the picture's edge. */
export function insideView(box: LabelBox, screen: { width: number; height: number }): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= screen.width && box.y + box.height <= screen.height;
}
