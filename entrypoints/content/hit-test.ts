// Which mark is under a point, or overlaps the selection: caret-from-point gives the text node and
// offset under the pointer, then only that node's marks are checked (and their boxes, because the
// caret snaps to the nearest character even when the pointer is past the end of a line).
import type { Mark, MarkStore } from './marks';

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(doc: CaretDocument, x: number, y: number): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function boxesContain(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

export function markAtPoint(store: MarkStore, x: number, y: number, doc: Document = document): Mark | null {
  const caret = caretAt(doc as CaretDocument, x, y);
  if (!caret) return null;
  for (const mark of store.onNode(caret.node)) {
    try {
      if (mark.range.isPointInRange(caret.node, caret.offset) && boxesContain(mark.range, x, y)) return mark;
    } catch {
      // A range whose nodes left the document; pruned on the next idle pass.
    }
  }
  return null;
}

/** The first mark (in document order) that the selection or caret touches. */
export function markAtSelection(store: MarkStore, selection: Selection | null): Mark | null {
  if (!selection || selection.rangeCount === 0) return null;
  const sel = selection.getRangeAt(0);
  for (const mark of store.ordered()) {
    try {
      const endBefore = mark.range.comparePoint(sel.endContainer, sel.endOffset) === -1;
      const startAfter = mark.range.comparePoint(sel.startContainer, sel.startOffset) === 1;
      if (!endBefore && !startAfter) return mark;
    } catch {
      // Selection in another tree (a form field's shadow, an iframe): no mark there.
    }
  }
  return null;
}

/** The box of the mark's line nearest to y (a name can wrap across lines). */
export function anchorBox(range: Range, y?: number): DOMRect | null {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  if (rects.length === 0) return null;
  if (y === undefined) return rects[0]!;
  return rects.reduce((best, r) => (Math.abs(r.top + r.height / 2 - y) < Math.abs(best.top + best.height / 2 - y) ? r : best));
}
