// The worker's matcher after a feed replaced the index: compiled once and kept in the database (the selfie),
// loaded from there on the next wake, and compiled again, not failed, when that copy is damaged.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MATCHER_FORMAT, type CompiledMatcher } from '../../core/detect/index';
import type { DeviceIndex } from '../../core/schema';
import { closeDB, getMeta, setMeta } from '../../utils/db';
import { replaceIndex } from '../../entrypoints/background/index-store';
import { acmePhone } from './acme-devices';

const TEXT = 'Acme said the Acme Nova ships in May.';

/** A worker woken afresh: no matcher in memory. */
async function wake(): Promise<typeof import('../../entrypoints/background/matcher-host')> {
  vi.resetModules();
  return import('../../entrypoints/background/matcher-host');
}

beforeEach(async () => {
  await closeDB();
  const index: DeviceIndex = { format: 1, version: 7, builtFrom: '2025-03-01', devices: [acmePhone('acme-nova'), acmePhone('acme-orbit')] };
  await replaceIndex(index, 'https://feeds.example/specscout.json', 'feed');
});

describe('the worker\'s matcher', () => {
  it('is compiled from the installed index once and read back on the next wake', async () => {
    const first = await (await wake()).getMatcher();
    expect(first.detect(TEXT).mentions.map((m) => m.deviceId)).toEqual(['acme-nova']);
    const selfie = await getMeta<CompiledMatcher>('matcher');
    expect(selfie?.format).toBe(MATCHER_FORMAT);
    const again = await (await wake()).getMatcher();
    expect(again.detect(TEXT).mentions.map((m) => m.deviceId)).toEqual(['acme-nova']);
  });

  it('is compiled again when the saved copy is damaged, and the copy mended', async () => {
    await (await wake()).getMatcher();
    const selfie = (await getMeta<CompiledMatcher>('matcher'))!;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const damaged of [
      { ...selfie, entryOwner: '9not base64' },
      { ...selfie, vocabOffsets: 42 as unknown as string },
      { ...selfie, entryInfo: '4AAA' },
    ]) {
      await setMeta('matcher', damaged);
      const matcher = await (await wake()).getMatcher();
      expect(matcher.detect(TEXT).mentions.map((m) => m.deviceId)).toEqual(['acme-nova']);
      expect(await getMeta<CompiledMatcher>('matcher')).toEqual(selfie);
    }
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });
});
