// Dispatches validated messages to their one handler each. Registered synchronously at worker start.
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundType, Reply, ToBackground } from '../../utils/protocol';
import { validateMessage } from '../../utils/protocol-validate';

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

export function registerRouter(handlers: Handlers, hooks: RouterHooks = {}): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isOwnSender(sender)) {
      hooks.onRefused?.('foreign sender', sender);
      return undefined;
    }
    const checked = validateMessage(message);
    if (!checked.ok) {
      hooks.onRefused?.(checked.reason, sender);
      // Not ours to answer: another listener (or nobody) handles it.
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
