// Cooperative time slicing: long loops check `due()` and `await next()` so no task the extension runs
// on the page's main thread lasts much longer than one slice (the long-task limit is 50 ms). Slices
// that did real work are recorded as User Timing measures (`specscout:slice`), which change nothing
// in the page's DOM and let the long-task test and the benchmark attribute main-thread time to us.

/** Milliseconds of work per slice; well under 50 ms so the page's own work fits in the same task budget. */
export const SLICE_MS = 8;
/** Slices shorter than this are not recorded: they cannot be part of a long task of ours. */
const RECORD_MIN_MS = 4;
/** Enough for several megabyte-sized scans; a page open for days does not grow the timeline forever. */
const RECORD_MAX = 1000;
let recorded = 0;

export interface Slice {
  /** True once this slice's budget is spent. */
  due(): boolean;
  /** Yields to the page, then starts a new slice. */
  next(): Promise<void>;
  /** Ends the last slice (records it). */
  end(): void;
}

type SchedulerLike = { yield?: () => Promise<void> };

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function record(phase: string, start: number, end: number): void {
  if (end - start < RECORD_MIN_MS || recorded >= RECORD_MAX || typeof performance.measure !== 'function') return;
  recorded++;
  try {
    performance.measure('specscout:slice', { start, end, detail: phase });
  } catch {
    // A clock that is not performance.now() (tests) gives times User Timing refuses; nothing to record.
  }
}

/** A slice budget for one phase of work ("read", "mark"), named in the recorded measures. */
export function createSlice(phase: string, budgetMs = SLICE_MS, now: () => number = () => performance.now()): Slice {
  let started = now();
  return {
    due: () => now() - started >= budgetMs,
    async next() {
      record(phase, started, now());
      await yieldToMain();
      started = now();
    },
    end() {
      record(phase, started, now());
    },
  };
}
