// When the card opens and closes for a pointer: open after the reader rests on a name for the intent
// delay, stay while the pointer is on the name or the card, close after a grace period once it has
// left both. Timers are injected so the behaviour is testable with fake timers.

export const CLOSE_GRACE_MS = 300;

export interface HoverIntentOptions<T> {
  delayMs: number;
  graceMs?: number;
  open(target: T): void;
  close(): void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class HoverIntent<T> {
  private pending: T | null = null;
  private openTimer: unknown = null;
  private closeTimer: unknown = null;
  private shown: T | null = null;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: HoverIntentOptions<T>) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  set delayMs(ms: number) {
    this.options.delayMs = ms;
  }

  get current(): T | null {
    return this.shown;
  }

  /** The pointer is now over `target` (a marked name), or over nothing of ours (null), or over the card. */
  update(target: T | null, overCard = false): void {
    if (overCard) {
      this.cancelClose();
      this.cancelOpen();
      return;
    }
    if (target !== null && target === this.shown) {
      this.cancelClose();
      this.cancelOpen();
      return;
    }
    if (target !== this.pending) {
      this.cancelOpen();
      if (target !== null) {
        this.pending = target;
        this.openTimer = this.setTimer(() => {
          this.openTimer = null;
          this.pending = null;
          this.cancelClose();
          this.shown = target;
          this.options.open(target);
        }, this.options.delayMs);
      }
    }
    if (this.shown !== null && this.closeTimer === null) {
      this.closeTimer = this.setTimer(() => {
        this.closeTimer = null;
        this.hide();
      }, this.options.graceMs ?? CLOSE_GRACE_MS);
    }
  }

  /** Opens `target` at once, without the intent delay (a tap: touch screens have no hover). */
  openNow(target: T): void {
    this.cancelOpen();
    this.cancelClose();
    if (this.shown === target) return;
    this.shown = target;
    this.options.open(target);
  }

  /** Shown without hover (keyboard command): the intent machine now treats it as the open card. */
  shownBy(target: T): void {
    this.cancelOpen();
    this.cancelClose();
    this.shown = target;
  }

  /** Closes now (Escape, scroll away, mark removed). */
  hide(): void {
    this.cancelOpen();
    this.cancelClose();
    if (this.shown !== null) {
      this.shown = null;
      this.options.close();
    }
  }

  dispose(): void {
    this.cancelOpen();
    this.cancelClose();
    this.shown = null;
  }

  private cancelOpen(): void {
    if (this.openTimer !== null) this.clearTimer(this.openTimer);
    this.openTimer = null;
    this.pending = null;
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) this.clearTimer(this.closeTimer);
    this.closeTimer = null;
  }
}
