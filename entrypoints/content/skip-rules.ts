// What the content script never reads or marks: code, scripts, form fields, editable regions, SVG and
// MathML, embedded documents, and our own card. Kept in this one place until core/text-rules.ts (the
// detection helper's shared list) exists; then this list should be read from there.

/** Elements whose whole subtree is skipped (local names, lower case). */
export const SKIP_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

/** The custom element that hosts the card's shadow root (WXT createShadowRootUi `name`). */
export const OWN_HOST = 'specscout-card';

/** True when the element (and so its subtree) is never read: by tag, editability or being our own UI. */
export function isSkippedElement(el: Element): boolean {
  const name = el.localName;
  if (SKIP_ELEMENTS.has(name) || name === OWN_HOST) return true;
  if ((el as HTMLElement).isContentEditable) return true;
  if (el.getAttribute('contenteditable') === 'plaintext-only') return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  return false;
}

/** True when any ancestor of `node` (or the node itself, if an element) is skipped. */
export function isInsideSkipped(node: Node): boolean {
  for (let el: Element | null = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}
