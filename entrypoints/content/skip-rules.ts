// What the content script never reads or marks. The shared rules (code, scripts, form fields,
// editable and hidden regions) come from core/text-rules.ts, so the detect CLI reads HTML the same
// way; the extras here are things only a live DOM has: embedded documents and media, and our own card.
import { SKIPPED_TAGS, skippedByAttributes } from '../../core/text-rules';

/** Elements that exist only as live DOM (or outside the body) and never hold article prose. */
const DOM_ONLY_SKIPPED: ReadonlySet<string> = new Set(['math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title', 'option']);

/** The custom element that hosts the card's shadow root (WXT createShadowRootUi `name`). */
export const OWN_HOST = 'specscout-card';

/** True when the element (and so its subtree) is never read: by tag, attributes, editability or being ours. */
export function isSkippedElement(el: Element): boolean {
  const name = el.localName;
  if (SKIPPED_TAGS.has(name) || DOM_ONLY_SKIPPED.has(name) || name === OWN_HOST) return true;
  // isContentEditable also covers regions made editable by an ancestor or by designMode.
  if ((el as HTMLElement).isContentEditable) return true;
  return skippedByAttributes((attr) => el.getAttribute(attr));
}

/** True when any ancestor of `node` (or the node itself, if an element) is skipped. */
export function isInsideSkipped(node: Node): boolean {
  for (let el: Element | null = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}
