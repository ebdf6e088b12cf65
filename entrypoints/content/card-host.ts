// The card's one shadow root (WXT createShadowRootUi, host <specscout-card>): the only element
// SpecScout ever adds to a page. Renders the Preact card into it and keeps it beside its mark.
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Card } from '../../components/card/Card';
import type { CardTarget, RejectScope } from '../../components/card/CardBody';
import { CARD_CSS } from '../../components/card/styles';
import type { DeviceDetail } from '../../utils/protocol';
import { anchorBox } from './hit-test';
import { OWN_HOST } from './skip-rules';
import { placeCard } from './position';

export interface CardHostDeps {
  load(id: string): Promise<DeviceDetail | null>;
  onReject(target: CardTarget, scope: RejectScope): void;
  onOpenRecord(id: string, section?: 'report'): void;
  /** The card asked to close (its × button or Escape inside it). */
  onCloseRequest(): void;
}

interface Shown {
  target: CardTarget;
  range: Range;
  pointerY: number | undefined;
  focus: boolean;
  position: { left: number; top: number } | null;
  /** Where focus was before the keyboard opened the card, to return it on close. */
  returnFocus: Element | null;
}

export class CardHost {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private creating: Promise<ShadowRootContentScriptUi<void>> | null = null;
  private shown: Shown | null = null;
  private mounted = false;
  private element: HTMLElement | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly deps: CardHostDeps,
  ) {}

  get isOpen(): boolean {
    return this.shown !== null;
  }

  /** True when an event happened inside the card (events from a shadow root are retargeted to the host). */
  containsEvent(event: Event): boolean {
    return this.ui !== null && this.mounted && event.composedPath().includes(this.ui.shadowHost);
  }

  async show(target: CardTarget, range: Range, options: { focus: boolean; pointerY?: number }): Promise<void> {
    const ui = await this.ensureUi();
    if (this.ctx.isInvalid) return;
    this.shown = {
      target,
      range,
      pointerY: options.pointerY,
      focus: options.focus,
      position: null,
      returnFocus: options.focus ? document.activeElement : null,
    };
    if (!this.mounted) {
      ui.mount();
      this.mounted = true;
    }
    this.draw();
  }

  hide(): void {
    const returnFocus = this.shown?.returnFocus;
    this.shown = null;
    this.element = null;
    if (this.ui && this.mounted) {
      render(null, this.ui.uiContainer);
      this.ui.remove();
      this.mounted = false;
    }
    if (returnFocus instanceof HTMLElement) returnFocus.focus({ preventScroll: true });
  }

  /** Keeps the card beside its mark after scroll or resize; false when the mark left the viewport. */
  reposition(): boolean {
    if (!this.shown) return true;
    const box = anchorBox(this.shown.range, this.shown.pointerY);
    if (!box || box.bottom < 0 || box.top > window.innerHeight) return false;
    this.place(box);
    return true;
  }

  dispose(): void {
    this.hide();
    this.ui = null;
  }

  private async ensureUi(): Promise<ShadowRootContentScriptUi<void>> {
    if (this.ui) return this.ui;
    this.creating ??= createShadowRootUi<void>(this.ctx, {
      name: OWN_HOST,
      mode: 'open',
      position: 'inline',
      anchor: () => document.body ?? document.documentElement,
      append: 'last',
      css: CARD_CSS,
      // Keys typed in the card (Space on a button, Escape) must not trigger the page's own shortcuts.
      isolateEvents: true,
      onMount: (_container, _shadow, host) => {
        // The host is a zero-size box; the card inside is position: fixed. !important so page CSS
        // aimed at unknown elements (display: none for custom tags) cannot hide or move it.
        for (const [prop, value] of [
          ['display', 'block'],
          ['position', 'static'],
          ['width', '0'],
          ['height', '0'],
          ['margin', '0'],
          ['padding', '0'],
          ['border', '0'],
        ] as const) {
          host.style.setProperty(prop, value, 'important');
        }
      },
    });
    this.ui = await this.creating;
    return this.ui;
  }

  private draw(): void {
    const shown = this.shown;
    const ui = this.ui;
    if (!shown || !ui) return;
    render(
      h(Card, {
        target: shown.target,
        load: this.deps.load,
        focus: shown.focus,
        position: shown.position,
        onElement: (el: HTMLElement | null) => {
          this.element = el;
          // Measure after every render (content height changes when the record arrives).
          const box = anchorBox(shown.range, shown.pointerY);
          if (box) this.place(box);
        },
        onClose: () => this.deps.onCloseRequest(),
        onOpenRecord: (id: string, section?: 'report') => this.deps.onOpenRecord(id, section),
        onReject: (scope: RejectScope) => this.deps.onReject(shown.target, scope),
      }),
      ui.uiContainer,
    );
  }

  private place(anchor: DOMRect): void {
    const shown = this.shown;
    const el = this.element;
    if (!shown || !el) return;
    const next = placeCard(
      { left: anchor.left, top: anchor.top, width: anchor.width, height: anchor.height },
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight },
    );
    if (shown.position && shown.position.left === next.left && shown.position.top === next.top) return;
    shown.position = next;
    this.draw();
  }
}
