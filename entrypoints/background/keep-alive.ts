// Keeps the background running while a long piece of work is pending. Both browsers stop an idle
// background: Chrome's service worker after 30 s, Firefox's event page after
// `extensions.background.idle.timeout` (30 s by default; a pending listener promise buys one more period
// only). Both count a call to an extension API as activity that restarts that timer; IndexedDB work does
// not. A first index install or a feed rewrites ~28,000 records for seconds, and a background stopped
// half-way loses that work, so while such work runs a cheap API call is made well within any timeout.
import { browser } from 'wxt/browser';

/** How often the work says it is alive: a fraction of the shortest idle timeout a browser is set to. */
export const KEEP_ALIVE_INTERVAL_MS = 250;

let pending = 0;
let timer: ReturnType<typeof setInterval> | null = null;

function heartbeat(): void {
  // Any extension API call resets the idle timer; this one has no side effect and needs no permission.
  // Its answer does not matter, nor does a failure (the work goes on either way).
  Promise.resolve()
    .then(() => browser.runtime.getPlatformInfo())
    .catch(() => undefined);
}

/** Runs `work`, keeping the background alive until it settles (nested and concurrent calls share one timer). */
export async function keepAliveWhile<T>(work: () => Promise<T>): Promise<T> {
  if (pending++ === 0) {
    heartbeat();
    timer = setInterval(heartbeat, KEEP_ALIVE_INTERVAL_MS);
  }
  try {
    return await work();
  } finally {
    if (--pending === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  }
}
