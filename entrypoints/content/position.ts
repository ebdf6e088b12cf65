// Where the card goes: below the marked name if it fits, else above, else whichever side has more
// room; always clamped inside the viewport with a margin.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const EDGE_MARGIN = 8;
const GAP = 6;

export function placeCard(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): { left: number; top: number } {
  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - card.height;
  const roomBelow = viewport.height - EDGE_MARGIN - below;
  const roomAbove = anchor.top - GAP - EDGE_MARGIN;
  let top: number;
  if (card.height <= roomBelow) top = below;
  else if (card.height <= roomAbove) top = above;
  else top = roomBelow >= roomAbove ? below : above;
  top = Math.max(EDGE_MARGIN, Math.min(top, viewport.height - EDGE_MARGIN - card.height));
  let left = anchor.left;
  left = Math.min(left, viewport.width - EDGE_MARGIN - card.width);
  left = Math.max(EDGE_MARGIN, left);
  return { left: Math.round(left), top: Math.round(top) };
}
