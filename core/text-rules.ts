// Which parts of a page are not article text: the content script skips these elements, and
// core/html-text.ts applies the same rules to HTML source for the detect CLI and tests.

/** Elements whose text is never prose a reader sees as the article. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'code', 'pre', 'textarea', 'input', 'select', 'svg', 'noscript', 'template',
]);

/** Attributes that hide an element or mark it as editable; either way it is not scanned. */
export function skippedByAttributes(get: (name: string) => string | null): boolean {
  if (get('hidden') !== null) return true;
  if (get('aria-hidden') === 'true') return true;
  const editable = get('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return false;
}

/** Separator between text nodes when a page's text is joined for detection. */
export const TEXT_NODE_SEPARATOR = '\n';
