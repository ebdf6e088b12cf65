// storage.sync with Chrome's limits, over WXT's fake (which has none): 8,192 bytes per item, 102,400 in
// all (key plus JSON value, as Chrome counts them), and a write-rate limit per minute that the test's own
// clock resets. Over a limit, `set` and `remove` throw Chrome's error text and change nothing.
import { fakeBrowser } from 'wxt/testing/fake-browser';

export interface SyncQuota {
  /** Writes (set or remove calls) allowed before the per-minute limit; Chrome allows 120. */
  perMinute: number;
  writes: number;
  /** A minute passes: the rate limit starts again. */
  nextMinute(): void;
  /** Puts the plain fake back. */
  restore(): void;
}

const encoder = new TextEncoder();
const bytes = (key: string, value: unknown) => encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;

export function enforceSyncQuota(perMinute = 120): SyncQuota {
  const sync = fakeBrowser.storage.sync;
  const set = sync.set.bind(sync);
  const remove = sync.remove.bind(sync);
  let used = 0;
  const quota: SyncQuota = {
    perMinute,
    writes: 0,
    nextMinute() {
      used = 0;
    },
    restore() {
      sync.set = set;
      sync.remove = remove;
    },
  };
  const countWrite = () => {
    if (used >= quota.perMinute) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    used++;
    quota.writes++;
  };
  sync.set = (async (items: Record<string, unknown>) => {
    countWrite();
    const all = { ...(await sync.get(null)), ...items };
    for (const [key, value] of Object.entries(items)) {
      if (bytes(key, value) > 8192) throw new Error('Resource::kQuotaBytesPerItem quota exceeded');
    }
    const total = Object.entries(all).reduce((sum, [key, value]) => sum + bytes(key, value), 0);
    if (total > 102_400) throw new Error('Resource::kQuotaBytes quota exceeded');
    await set(items);
  }) as typeof sync.set;
  sync.remove = (async (keys: string | string[]) => {
    countWrite();
    await remove(keys);
  }) as typeof sync.remove;
  return quota;
}
