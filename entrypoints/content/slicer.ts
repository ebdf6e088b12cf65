// Cooperative time slicing: long loops check `due()` and `await yieldToMain()` so no task the
// extension runs on the page's main thread lasts much longer than one slice (~50 ms long-task limit).

/** Milliseconds of work per slice; well under 50 ms so the page's own work fits in the same task budget. */
export const SLICE_MS = 8;

export interface Slice {
  /** True once this slice's budget is spent. */
  due(): boolean;
  /** Yields to the page, then starts a new slice. */
  next(): Promise<void>;
}

type SchedulerLike = { yield?: () => Promise<void> };

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function createSlice(budgetMs = SLICE_MS, now: () => number = () => performance.now()): Slice {
  let started = now();
  return {
    due: () => now() - started >= budgetMs,
    async next() {
      await yieldToMain();
      started = now();
    },
  };
}
