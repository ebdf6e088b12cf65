// Keeping the background alive during long work: an extension API call at once and at every interval
// while work is pending (concurrent work shares it), none once everything settled, failures or not.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KEEP_ALIVE_INTERVAL_MS, keepAliveWhile } from '../../entrypoints/background/keep-alive';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('keepAliveWhile', () => {
  let calls: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.useFakeTimers();
    calls = vi.fn(async () => ({ os: 'linux', arch: 'x86-64' }) as const);
    fakeBrowser.runtime.getPlatformInfo = calls as unknown as typeof fakeBrowser.runtime.getPlatformInfo;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls an extension API at once and at every interval until the work settles, then stops', async () => {
    const work = deferred<number>();
    const result = keepAliveWhile(() => work.promise);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 4);
    expect(calls).toHaveBeenCalledTimes(5);
    work.resolve(42);
    expect(await result).toBe(42);
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 4);
    expect(calls).toHaveBeenCalledTimes(5);
  });

  it('shares one timer between concurrent work and stops only when the last one settles', async () => {
    const first = deferred();
    const second = deferred();
    const a = keepAliveWhile(() => first.promise);
    const b = keepAliveWhile(() => second.promise);
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 2);
    expect(calls).toHaveBeenCalledTimes(3);
    first.resolve();
    await a;
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 2);
    expect(calls).toHaveBeenCalledTimes(5);
    second.resolve();
    await b;
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 2);
    expect(calls).toHaveBeenCalledTimes(5);
  });

  it('passes the failure of the work on and stops; a failing heartbeat does not stop the work', async () => {
    calls.mockRejectedValue(new Error('no such API here'));
    const work = deferred();
    const result = keepAliveWhile(() => work.promise);
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 2);
    expect(calls).toHaveBeenCalledTimes(3);
    work.reject(new Error('disk full'));
    await expect(result).rejects.toThrow('disk full');
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 2);
    expect(calls).toHaveBeenCalledTimes(3);
  });
});
