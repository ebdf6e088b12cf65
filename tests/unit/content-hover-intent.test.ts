import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '../../entrypoints/content/hover-intent';

describe('hover intent for the card', () => {
  let opened: string[];
  let closed: number;
  let intent: HoverIntent<string>;
  beforeEach(() => {
    vi.useFakeTimers();
    opened = [];
    closed = 0;
    intent = new HoverIntent<string>({ delayMs: 300, graceMs: 300, open: (t) => opened.push(t), close: () => closed++ });
  });
  afterEach(() => vi.useRealTimers());

  it('opens only after the pointer rests on a name for the intent delay', () => {
    intent.update('a');
    vi.advanceTimersByTime(299);
    expect(opened).toEqual([]);
    intent.update('a');
    vi.advanceTimersByTime(1);
    expect(opened).toEqual(['a']);
  });

  it('does not open for a pointer that passes over a name', () => {
    intent.update('a');
    vi.advanceTimersByTime(150);
    intent.update(null);
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual([]);
  });

  it('stays open while the pointer moves from the name into the card', () => {
    intent.update('a');
    vi.advanceTimersByTime(300);
    intent.update(null);
    vi.advanceTimersByTime(200);
    intent.update(null, true);
    vi.advanceTimersByTime(2000);
    expect(closed).toBe(0);
    expect(intent.current).toBe('a');
  });

  it('closes after the grace period once the pointer left both name and card', () => {
    intent.update('a');
    vi.advanceTimersByTime(300);
    intent.update(null, true);
    intent.update(null);
    vi.advanceTimersByTime(299);
    expect(closed).toBe(0);
    vi.advanceTimersByTime(1);
    expect(closed).toBe(1);
    expect(intent.current).toBeNull();
  });

  it('switches to another name after its own delay', () => {
    intent.update('a');
    vi.advanceTimersByTime(300);
    intent.update('b');
    vi.advanceTimersByTime(300);
    expect(opened).toEqual(['a', 'b']);
    expect(intent.current).toBe('b');
  });

  it('closes at once on hide (Escape, scroll away) and treats a keyboard-opened card as open', () => {
    intent.shownBy('k');
    intent.update('k');
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual([]);
    intent.hide();
    expect(closed).toBe(1);
    intent.hide();
    expect(closed).toBe(1);
  });

  it('opens a tapped name at once, cancelling a pending open or close, and ignores a second tap on it', () => {
    intent.update('a');
    intent.openNow('b');
    expect(opened).toEqual(['b']);
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual(['b']);
    intent.openNow('b');
    expect(opened).toEqual(['b']);
    intent.update(null);
    intent.openNow('c');
    vi.advanceTimersByTime(1000);
    expect([opened, closed]).toEqual([['b', 'c'], 0]);
    expect(intent.current).toBe('c');
  });

  it('follows a changed delay setting', () => {
    intent.delayMs = 1000;
    intent.update('a');
    vi.advanceTimersByTime(999);
    expect(opened).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(opened).toEqual(['a']);
  });
});
