// The card's one shadow root (WXT createShadowRootUi, host <specscout-card>): the only element
// SpecScout ever adds to a page. Renders the Preact card into it, keeps it beside its mark, in the top
// layer above the page, and lets a click in it act only when click-guard.ts says the reader meant it.
// The root is closed: page script gets null from `host.shadowRoot` and cannot read the card (what the
// reader follows) or click its buttons; the end-to-end tests reach it through the DevTools protocol
// (tests/e2e/card-probe.ts), which no page can use.
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Card } from '../../components/card/Card';
import type { CardTarget, RejectScope } from '../../components/card/CardBody';
import { CARD_CSS } from '../../components/card/styles';
import type { DeviceDetail } from '../../utils/protocol';
import { CardVisibility, controlOf, judgeClick, pointIsOnControl } from './click-guard';
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
  /** `data-seen` on the card says its actions count now (closed root: only the tests' probe reads it). */
  private readonly visibility = new CardVisibility(undefined, (seen) => this.element?.toggleAttribute('data-seen', seen));

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
    // Raised last: a card shown again (for another name) goes back on top of whatever the page put in
    // the top layer meanwhile, and counts as unseen until the browser says it is visible.
    this.raise();
  }

  hide(): void {
    const returnFocus = this.shown?.returnFocus;
    this.shown = null;
    this.element = null;
    this.visibility.stop();
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
      // Closed: the page's own script cannot reach the card's DOM (see the header).
      mode: 'closed',
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
    const ui = await this.creating;
    // Capture phase at the root: runs before any control's own handler, for every control the card has.
    ui.shadow.addEventListener('click', (event) => this.screenClick(event as MouseEvent, ui), { capture: true });
    this.ui = ui;
    return ui;
  }

  /** Stops a click the reader did not mean (untrusted, too soon, covered, or off the control) before it acts. */
  private screenClick(event: MouseEvent, ui: ShadowRootContentScriptUi<void>): void {
    const control = controlOf(event.target);
    if (!control) return;
    let verdict: ReturnType<typeof judgeClick> | 'error';
    try {
      verdict = judgeClick({
        trusted: event.isTrusted,
        harmless: control.hasAttribute('data-harmless'),
        visibleForMs: this.visibility.visibleForMs(),
        // Enter or Space on a focused control fires a click with detail 0 and no point.
        fromPointer: event.detail > 0,
        pointOnControl: pointIsOnControl(event, ui.shadowHost, ui.shadow, control),
      });
    } catch {
      // A check that cannot run must not let the click through (a throw here would not stop it).
      verdict = 'error';
    }
    if (verdict === 'allow') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    // Why, for whoever inspects the card (the end-to-end tests); the page cannot read it (closed root).
    this.element?.setAttribute('data-refused', verdict);
  }

  /** Puts the card on top of the top layer and restarts its visibility clock. */
  private raise(): void {
    const el = this.element;
    if (!el) return;
    if (el.matches(':popover-open')) el.hidePopover();
    el.showPopover();
    this.visibility.watch(el);
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
          const fresh = el !== null && el !== this.element;
          this.element = el;
          if (fresh) this.raise();
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
    // Moved under the pointer (a scroll, content arriving): a click there must wait for it to be seen.
    if (shown.position) this.visibility.moved();
    shown.position = next;
    this.draw();
  }
}
