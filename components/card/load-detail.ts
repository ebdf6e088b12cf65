// Loading a record for the card with a visible "waking up" state: an MV3 worker asleep for a while
// takes a moment to start and open its database, and a silent card looks broken.
import type { DeviceDetail } from '../../utils/protocol';

export const SLOW_MS = 1000;

export type LoadState =
  | { kind: 'loading' }
  | { kind: 'waking' }
  | { kind: 'error'; message: string }
  | { kind: 'missing' }
  | { kind: 'ready'; detail: DeviceDetail };

/** Runs `load`, reporting 'waking' if it takes longer than `slowMs`, then the outcome. Returns a canceller. */
export function loadDetail(
  load: () => Promise<DeviceDetail | null>,
  report: (state: LoadState) => void,
  slowMs = SLOW_MS,
): () => void {
  let done = false;
  report({ kind: 'loading' });
  const timer = setTimeout(() => {
    if (!done) report({ kind: 'waking' });
  }, slowMs);
  load().then(
    (detail) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      report(detail ? { kind: 'ready', detail } : { kind: 'missing' });
    },
    (error: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      report({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    },
  );
  return () => {
    done = true;
    clearTimeout(timer);
  };
}
