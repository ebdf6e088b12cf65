// Which clicks in the card may act for the reader. A page cannot click the card itself (its shadow root
// is closed and every click must be trusted input), but it can lure a real click onto it: cover the card
// with its own content (an opaque top-layer popover with `pointer-events: none` lets the click through)
// or slide the card under the pointer. So a consequential action (Follow, Full record, Not this device,
// Not on this site, a link) counts only when the card has been visible, unobscured and in place for
// MIN_VISIBLE_MS, and the click landed on the control itself. Close and Retry only need trusted input.

/**
 * How long the card must have been seen, unobscured and unmoved, before a click on it acts. The same
 * idea and order of size as Chromium's input protection for its own permission prompts (clicks within
 * 500 ms of a prompt appearing are ignored), which guards against the same lure.
 */
export const MIN_VISIBLE_MS = 500;
/** IntersectionObserver v2 recomputes visibility at most this often (100 ms is its smallest delay). */
const VISIBILITY_DELAY_MS = 100;

export type ClickVerdict = 'allow' | 'untrusted' | 'too-soon' | 'not-on-control';

export interface ClickFacts {
  trusted: boolean;
  /** The control only closes or reloads the card (nothing is done for the reader). */
  harmless: boolean;
  /** How long the card has been visible, unobscured and in place at the moment of the click. */
  visibleForMs: number;
  /** A pointer click (not Enter or Space on a focused control, which has no point). */
  fromPointer: boolean;
  /** At the click's point, the topmost element of the page is the card and the card's is the control. */
  pointOnControl: boolean;
}

export function judgeClick(facts: ClickFacts): ClickVerdict {
  if (!facts.trusted) return 'untrusted';
  if (facts.harmless) return 'allow';
  if (facts.visibleForMs < MIN_VISIBLE_MS) return 'too-soon';
  if (facts.fromPointer && !facts.pointOnControl) return 'not-on-control';
  return 'allow';
}

/** Whether this engine computes IntersectionObserver v2's `isVisible` (Chromium does; Firefox does not yet). */
export function hasVisibilityTracking(): boolean {
  return typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

/**
 * Since when the card has been visible and unobscured where it is. With IntersectionObserver v2 the
 * browser says so (occlusion by any content drawn over it, opacity, filters and transforms included);
 * without it, since the card was last shown or moved, and the top layer keeps ordinary page content
 * under it.
 */
export class CardVisibility {
  private observer: IntersectionObserver | null = null;
  private visibleSince: number | null = null;
  private seenTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly tracked = hasVisibilityTracking();

  /**
   * `onSeen` is told when the card has been visible long enough for actions to count (true) and when
   * that stops (false); the card host marks the card with it, which is how the end-to-end tests know.
   */
  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly onSeen?: (seen: boolean) => void,
  ) {}

  /** Starts watching a freshly shown (or raised) card; it counts as unseen until the browser says otherwise. */
  watch(card: Element): void {
    this.stop();
    if (!this.tracked) {
      this.visibleFrom(this.now());
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => this.take(entries),
      // `trackVisibility` and `delay` are IntersectionObserver v2; TypeScript's DOM types do not have them yet.
      { trackVisibility: true, delay: VISIBILITY_DELAY_MS } as IntersectionObserverInit,
    );
    this.observer.observe(card);
  }

  /** The card moved (repositioned beside its mark): what the reader saw there before does not count. */
  moved(): void {
    if (this.visibleSince !== null) this.visibleFrom(this.now());
  }

  visibleForMs(): number {
    // Reports the browser computed but has not delivered yet count too (a cover that just went up).
    if (this.observer) this.take(this.observer.takeRecords());
    return this.visibleSince === null ? 0 : this.now() - this.visibleSince;
  }

  private take(entries: IntersectionObserverEntry[]): void {
    const last = entries[entries.length - 1];
    if (!last) return;
    const visible = last.isIntersecting && (last as IntersectionObserverEntry & { isVisible: boolean }).isVisible;
    if (!visible) this.visibleFrom(null);
    else if (this.visibleSince === null) this.visibleFrom(this.now());
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.visibleFrom(null);
  }

  private visibleFrom(since: number | null): void {
    this.visibleSince = since;
    if (!this.onSeen) return;
    if (this.seenTimer !== null) clearTimeout(this.seenTimer);
    this.seenTimer = null;
    this.onSeen(false);
    if (since !== null) this.seenTimer = setTimeout(() => this.onSeen?.(true), MIN_VISIBLE_MS);
  }
}

/** The control a click in the card is for: a button or a link, or null for a click on plain card content. */
export function controlOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest('button, a[href]') : null;
}

/**
 * True when, at the click's point, the page's topmost element is the card's host and the card's own
 * topmost element is inside the control (what the reader pointed at is what was clicked).
 * `elementsFromPoint` skips `pointer-events: none` content, which visibility tracking covers.
 */
export function pointIsOnControl(event: MouseEvent, host: Element, shadow: ShadowRoot, control: Element): boolean {
  const pageTop = document.elementsFromPoint(event.clientX, event.clientY)[0];
  if (pageTop !== host) return false;
  // An engine without ShadowRoot.elementsFromPoint: the control is where the click went (event.target).
  if (typeof shadow.elementsFromPoint !== 'function') return true;
  const ownTop = shadow.elementsFromPoint(event.clientX, event.clientY)[0];
  return ownTop !== undefined && control.contains(ownTop);
}
