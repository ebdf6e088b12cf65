// The card's click guard: which clicks act for the reader, and how long the card counts as seen. The
// real attacks (synthetic clicks, a covering popover) run in real Chromium in tests/e2e/hostile-card.e2e.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardVisibility, judgeClick, MIN_VISIBLE_MS, type ClickFacts } from '../../entrypoints/content/click-guard';

const seen: ClickFacts = { trusted: true, harmless: false, visibleForMs: MIN_VISIBLE_MS, fromPointer: true, pointOnControl: true };

describe('judging a click in the card', () => {
  it('lets a trusted click on a control act once the card was seen unobscured for the minimum time', () => {
    expect(judgeClick(seen)).toBe('allow');
    // Enter or Space on a focused control has no point to check.
    expect(judgeClick({ ...seen, fromPointer: false, pointOnControl: false })).toBe('allow');
  });

  it('refuses clicks page script made, even on harmless controls', () => {
    expect(judgeClick({ ...seen, trusted: false })).toBe('untrusted');
    expect(judgeClick({ ...seen, trusted: false, harmless: true })).toBe('untrusted');
  });

  it('refuses an action too soon after the card appeared, moved or was uncovered, and one off the control', () => {
    expect(judgeClick({ ...seen, visibleForMs: MIN_VISIBLE_MS - 1 })).toBe('too-soon');
    expect(judgeClick({ ...seen, visibleForMs: 0 })).toBe('too-soon');
    expect(judgeClick({ ...seen, pointOnControl: false })).toBe('not-on-control');
  });

  it('lets the reader close the card at once', () => {
    expect(judgeClick({ ...seen, harmless: true, visibleForMs: 0, pointOnControl: false })).toBe('allow');
  });
});

/** A stand-in for IntersectionObserver v2: the test says when the browser would report the card (in)visible. */
class FakeObserver {
  static last: FakeObserver | null = null;
  disconnected = false;
  constructor(private readonly callback: (entries: unknown[]) => void) {
    FakeObserver.last = this;
  }
  observe(): void {}
  takeRecords(): unknown[] {
    return [];
  }
  disconnect(): void {
    this.disconnected = true;
  }
  report(isIntersecting: boolean, isVisible: boolean): void {
    this.callback([{ isIntersecting, isVisible }]);
  }
}

describe('how long the card has been visible', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts from when the browser says the card is visible and unobscured, and restarts when covered or moved', () => {
    vi.stubGlobal('IntersectionObserverEntry', class {});
    Object.defineProperty(IntersectionObserverEntry.prototype, 'isVisible', { value: false, configurable: true });
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    let now = 1000;
    const visibility = new CardVisibility(() => now);
    visibility.watch({} as Element);
    const observer = FakeObserver.last!;
    now += 2000;
    expect(visibility.visibleForMs()).toBe(0);
    observer.report(true, true);
    now += 300;
    expect(visibility.visibleForMs()).toBe(300);
    // Still visible: the count goes on; covered: back to nothing.
    observer.report(true, true);
    now += 300;
    expect(visibility.visibleForMs()).toBe(600);
    observer.report(true, false);
    expect(visibility.visibleForMs()).toBe(0);
    observer.report(true, true);
    now += 700;
    visibility.moved();
    now += 100;
    expect(visibility.visibleForMs()).toBe(100);
    // Off screen counts as not visible.
    observer.report(false, true);
    expect(visibility.visibleForMs()).toBe(0);
    visibility.stop();
    expect(observer.disconnected).toBe(true);
  });

  it('counts from when the card was shown or moved where the browser cannot tell visibility', () => {
    vi.stubGlobal('IntersectionObserverEntry', undefined);
    let now = 1000;
    const visibility = new CardVisibility(() => now);
    visibility.watch({} as Element);
    now += 400;
    expect(visibility.visibleForMs()).toBe(400);
    visibility.moved();
    now += 50;
    expect(visibility.visibleForMs()).toBe(50);
  });
});
