// The look of the marks, as a `::highlight(specscout)` rule in a constructed stylesheet adopted by the
// document: a <style> element would change the page's DOM, adoptedStyleSheets does not.
import type { MarkStyle } from '../../utils/protocol';
import { HIGHLIGHT_NAME } from './marks';

/**
 * Colours chosen to read on white and on near-black pages alike: a mid blue underline, and a
 * translucent amber background that tints rather than replaces the page's own background.
 */
export function highlightCss(style: MarkStyle): string {
  switch (style) {
    case 'underline':
      return `::highlight(${HIGHLIGHT_NAME}) { text-decoration: underline dotted 2px rgb(59, 130, 246); text-decoration-skip-ink: none; }`;
    case 'background':
      return `::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(255, 184, 0, 0.32); }`;
    case 'off':
      return '';
  }
}

export class HighlightStyle {
  private readonly sheet = new CSSStyleSheet();
  private active = false;

  constructor(private readonly doc: Document = document) {}

  apply(style: MarkStyle): void {
    this.sheet.replaceSync(highlightCss(style));
    this.active = true;
    this.ensureAdopted();
  }

  /** Re-adopts the sheet if the page replaced its adoptedStyleSheets array (frameworks do) and dropped ours. */
  ensureAdopted(): void {
    if (this.active && !this.doc.adoptedStyleSheets.includes(this.sheet)) {
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
    }
  }

  dispose(): void {
    this.active = false;
    this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }
}
