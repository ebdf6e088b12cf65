// Reads the visible text under some roots with a TreeWalker, skipping what skip-rules.ts says, in
// time slices so a megabyte of article never blocks the page for a long task.
import { isInsideSkipped, isSkippedElement } from './skip-rules';
import { createSlice, type Slice } from './slicer';
import { TextMap } from './text-map';

/** Whether an element is rendered; elements without checkVisibility (old engines) count as visible. */
function isRendered(el: Element): boolean {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Appends every visible, non-skipped text node under `roots` (document order per root) to `map`.
 * Roots may be elements or text nodes; roots inside a skipped subtree are ignored. `seen` guards
 * against reading a node twice when roots overlap.
 */
export async function collectText(
  roots: Node[],
  map: TextMap<Text> = new TextMap<Text>(),
  slice: Slice = createSlice('read'),
  seen: WeakSet<Text> = new WeakSet(),
): Promise<TextMap<Text>> {
  for (const root of roots) {
    if (!root.isConnected) continue;
    const start = root instanceof Element ? root : root.parentElement;
    if (!start || isInsideSkipped(root) || !isRendered(start)) continue;
    if (root.nodeType === Node.TEXT_NODE) {
      addText(root as Text, map, seen);
      continue;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const el = node as Element;
        // Rejecting an element skips its whole subtree. Elements are accepted too (and passed over below) so
        // that every element is a point where the walk can yield: a page nested thousands of levels deep
        // with no text between them would otherwise be walked, and checked for visibility, in one long task.
        return isSkippedElement(el) || !isRendered(el) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) addText(node as Text, map, seen);
      // Checking the clock every node costs more than the nodes; every 32 is fine-grained enough.
      if (++count % 32 === 0 && slice.due()) await slice.next();
    }
    if (slice.due()) await slice.next();
  }
  return map;
}

function addText(node: Text, map: TextMap<Text>, seen: WeakSet<Text>): void {
  if (seen.has(node)) return;
  seen.add(node);
  const text = node.data;
  if (!HAS_WORD.test(text)) return;
  map.add(node, text);
}
