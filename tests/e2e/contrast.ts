// Colour contrast measured from what Chromium computed, not from a rule list: axe skips text whose
// background it cannot tell (it missed the primary "Compare side by side" link, accent on accent), so
// this probe resolves every colour itself. For each visible text node, the text colour is
// alpha-composited over the stack of backgrounds beneath it (the element's and its ancestors', across
// shadow roots, up to the first opaque one, over the white canvas); for each control whose boundary is
// what identifies it (inputs, selects, switches, styled buttons), the edge (border, else fill) is
// measured against what surrounds it. WCAG 2.x AA: 4.5:1 text, 3:1 large text (24px, or 18.66px bold)
// and 3:1 user interface boundaries. Disabled controls are exempt (WCAG 1.4.3, "inactive UI").
import type { Page } from 'playwright-core';
import type { CardProbe } from './card-probe';

export interface ContrastFailure {
  /** What failed: "text" or "boundary". */
  kind: 'text' | 'boundary';
  /** A short description of the element: tag, classes and its text. */
  where: string;
  ratio: number;
  needed: number;
  foreground: string;
  background: string;
}

/**
 * The probe, run inside the page. It must be self-contained (Playwright sends its source), so every
 * helper is a local arrow function.
 */
function probe(root?: Element): ContrastFailure[] {
  type RGBA = [number, number, number, number];
  const parse = (value: string): RGBA => {
    const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value.trim());
    if (!m) throw new Error(`contrast probe: cannot read the colour "${value}"`);
    return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  };
  /** `top` over `bottom` (source-over); `bottom` is opaque. */
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const luminance = (c: RGBA): number => {
    const lin = (v: number) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  };
  const ratio = (a: RGBA, b: RGBA): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
  };
  const show = (c: RGBA) => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
  const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
  /** An element's own opacity times its ancestors'. */
  const opacityOf = (el: Element): number => {
    let product = 1;
    for (let node: Element | null = el; node; node = parentOf(node)) product *= Number(getComputedStyle(node).opacity);
    return product;
  };
  /** The opaque colour behind `el`'s content, starting with its own background or its parent's. */
  const backdrop = (el: Element | null): RGBA => {
    const layers: RGBA[] = [];
    for (let node = el; node; node = parentOf(node)) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none') throw new Error(`contrast probe: ${node.localName}.${node.className} has a background image`);
      const colour = parse(style.backgroundColor);
      if (colour[3] > 0) layers.push([colour[0], colour[1], colour[2], colour[3] * Number(style.opacity)]);
      if (colour[3] === 1 && Number(style.opacity) === 1) break;
    }
    return layers.reduceRight<RGBA>((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const visible = (el: Element): boolean => {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) return false;
    // Text for screen readers only: inside a 1px box that clips what overflows it.
    for (let node: Element | null = el; node; node = parentOf(node)) {
      const b = node.getBoundingClientRect();
      if (b.width <= 1 && b.height <= 1 && getComputedStyle(node).overflow === 'hidden') return false;
    }
    const style = getComputedStyle(el);
    return style.visibility === 'visible' && style.display !== 'none';
  };
  const isDisabled = (el: Element): boolean => el.closest(':disabled, [aria-disabled="true"]') !== null;
  const describe = (el: Element) =>
    `${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;

  const failures: ContrastFailure[] = [];
  const scope = root ?? document.documentElement;
  const elements: Element[] = [scope];
  const collect = (node: Element | ShadowRoot) => {
    for (const child of node.querySelectorAll('*')) {
      elements.push(child);
      if (child.shadowRoot) collect(child.shadowRoot);
    }
  };
  collect(scope);

  for (const el of elements) {
    if (['script', 'style', 'head', 'title', 'template', 'noscript'].includes(el.localName)) continue;
    const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (hasText && visible(el) && !isDisabled(el)) {
      const style = getComputedStyle(el);
      const bg = backdrop(el);
      const own = parse(style.color);
      const fg = over([own[0], own[1], own[2], own[3] * opacityOf(el)], bg);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      const measured = ratio(fg, bg);
      if (measured < needed) failures.push({ kind: 'text', where: describe(el), ratio: measured, needed, foreground: show(fg), background: show(bg) });
    }
    // A placeholder is text the reader must read to know what the field is for.
    if (el.matches('input[placeholder]:placeholder-shown, textarea[placeholder]:placeholder-shown') && visible(el) && !isDisabled(el)) {
      const bg = backdrop(el);
      const fg = over(parse(getComputedStyle(el, '::placeholder').color), bg);
      const measured = ratio(fg, bg);
      if (measured < 4.5) failures.push({ kind: 'text', where: `${el.localName} placeholder "${el.getAttribute('placeholder') ?? ''}"`, ratio: measured, needed: 4.5, foreground: show(fg), background: show(bg) });
    }
    // Controls whose edge is what a reader sees of them. A plain link or a link-styled button (no
    // border, no fill of its own) is identified by its text, measured above.
    const isControl = el.matches('input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), select, textarea, [role="switch"], button, a.ss-button');
    if (isControl && visible(el) && !isDisabled(el)) {
      const style = getComputedStyle(el);
      const around = backdrop(parentOf(el));
      const fill = over(parse(style.backgroundColor), around);
      const borderWidth = parseFloat(style.borderTopWidth);
      const border = parse(style.borderTopColor);
      const hasBorder = borderWidth > 0 && style.borderTopStyle !== 'none' && border[3] > 0;
      const hasFill = parse(style.backgroundColor)[3] > 0;
      if (!hasBorder && !hasFill) continue;
      const edge = hasBorder ? over(border, around) : fill;
      const measured = Math.max(ratio(edge, around), ratio(fill, around));
      if (measured < 3) failures.push({ kind: 'boundary', where: describe(el), ratio: measured, needed: 3, foreground: show(edge), background: show(around) });
    }
  }
  return failures;
}

/** Contrast failures in the whole page (open shadow roots included). */
export function contrastFailures(page: Page): Promise<ContrastFailure[]> {
  return page.evaluate(probe, undefined);
}

/** Contrast failures inside the open hover card (its shadow root is closed: read through the card probe). */
export async function cardContrastFailures(card: CardProbe): Promise<ContrastFailure[]> {
  const failures = await card.read(probe);
  if (failures === null) throw new Error('no card open to measure');
  return failures;
}
