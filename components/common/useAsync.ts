// Loading a value from the worker in a component: loading, ready or failed, and a way to load it again.
import { useCallback, useEffect, useState } from 'preact/hooks';

export type AsyncState<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; error: string };

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): [AsyncState<T>, () => void, (value: T) => void] {
  const [result, setResult] = useState<AsyncState<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => live && setResult({ state: 'ready', value }),
      (error: unknown) => live && setResult({ state: 'error', error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // Callers list what `load` depends on, as with useEffect itself.
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback((value: T) => setResult({ state: 'ready', value }), []);
  return [result, reload, set];
}
