// Dispatches validated messages to their one handler each. Registered synchronously at worker start.
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundType, Reply, ToBackground } from '../../utils/protocol';
import { validateMessage } from '../../utils/protocol-validate';
import { getDB } from '../../utils/db';

/** Meta row counting every message the worker refused (foreign sender or wrong shape), across restarts. */
export const REFUSED_KEY = 'refusedMessages';
/** Refusals are written in one batch this long after the first of them, never one write per message. */
export const REFUSED_FLUSH_MS = 2000;

export interface RefusedCount {
  total: number;
  /** Last few reasons, newest last (shown to a developer inspecting the meta store). */
  recent: string[];
  /** ISO time of the last refusal written. */
  lastAt?: string;
}

/**
 * Counts refusals in memory and adds them to the meta row in one transaction per batch. A worker
 * killed before the timer fires loses at most one batch of counts, which is the price of not letting a
 * page that floods the worker turn each message into a database write.
 */
export class RefusalCounter {
  private pending = 0;
  private reasons: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly flushMs = REFUSED_FLUSH_MS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(reason: string): void {
    this.pending++;
    this.reasons.push(reason.slice(0, 120));
    if (this.reasons.length > 10) this.reasons.shift();
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  /** Writes what is pending; resolves when it is stored (or dropped, if storage fails). */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const count = this.pending;
    const reasons = this.reasons;
    this.pending = 0;
    this.reasons = [];
    if (count === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      try {
        const db = await getDB();
        const tx = db.transaction('meta', 'readwrite');
        const previous = (await tx.store.get(REFUSED_KEY))?.value as Partial<RefusedCount> | undefined;
        const total = (typeof previous?.total === 'number' ? previous.total : 0) + count;
        const recent = [...(Array.isArray(previous?.recent) ? previous.recent : []), ...reasons].slice(-10);
        await tx.store.put({ key: REFUSED_KEY, value: { total, recent, lastAt: this.now().toISOString() } satisfies RefusedCount });
        await tx.done;
      } catch (error) {
        // A count is diagnostics; a full or broken database must not turn refusals into errors.
        console.debug('SpecScout: refused-message count not stored', error);
      }
    });
    return this.flushing;
  }
}

/** The worker's counter; tests flush it. */
export const refusals = new RefusalCounter();

export type Handler<T extends BackgroundType> = (
  data: ToBackground[T]['req'],
  sender: Browser.runtime.MessageSender,
) => Promise<ToBackground[T]['res']> | ToBackground[T]['res'];

export type Handlers = { [T in BackgroundType]: Handler<T> };

/** Messages refused since the worker woke; persisted by the caller's `onRefused`. */
export interface RouterHooks {
  onRefused?: (reason: string, sender: Browser.runtime.MessageSender) => void;
  onError?: (type: string, error: unknown) => void;
}

/** True when the sender is one of this extension's own pages or content scripts. */
export function isOwnSender(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

export function registerRouter(handlers: Handlers, hooks: RouterHooks = {}, counter: RefusalCounter = refusals): void {
  const refuse = (reason: string, sender: Browser.runtime.MessageSender) => {
    counter.add(reason);
    hooks.onRefused?.(reason, sender);
  };
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isOwnSender(sender)) {
      refuse('foreign sender', sender);
      return undefined;
    }
    const checked = validateMessage(message);
    if (!checked.ok) {
      refuse(checked.reason, sender);
      // Not answered: the sender gets no reply, and nothing it sent reaches a handler.
      return undefined;
    }
    const { type, data } = checked.message;
    const handler = handlers[type] as Handler<typeof type>;
    return Promise.resolve()
      .then(() => handler(data as never, sender))
      .then(
        (value): Reply<unknown> => ({ ok: true, value }),
        (error: unknown): Reply<unknown> => {
          hooks.onError?.(type, error);
          return { ok: false, error: error instanceof Error ? error.message : String(error) };
        },
      );
  });
}
