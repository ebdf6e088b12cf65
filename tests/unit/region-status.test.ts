// The reader's region picks the status and dates the worker answers with: the card (getDevice), the popup's
// lists (getSummaries, listFollows) and the reading history. No region shows every region's events.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Device } from '../../core/schema';
import { closeDB } from '../../utils/db';
import { saveSettings } from '../../utils/settings';
import { getSummaries, replaceIndex } from '../../entrypoints/background/index-store';
import { listFollows, setFollow } from '../../entrypoints/background/follows';
import { createHandlers } from '../../entrypoints/background/handlers';
import { useEnglishMessages } from './fake-i18n';

/** Announced everywhere, released in Japan first and in the US two months later. */
const nova: Device = {
  id: 'acme-nova',
  brand: 'Acme',
  name: 'Nova',
  category: 'phone',
  names: [],
  status: [
    { status: 'announced', date: '2025-01-10', region: 'global' },
    { status: 'released', date: '2025-02-01', region: 'JP' },
    { status: 'released', date: '2025-04-01', region: 'US' },
  ],
  sources: [{ id: 'acme', title: 'Acme press' }],
};

beforeEach(async () => {
  await closeDB();
  useEnglishMessages();
  await replaceIndex({ format: 1, version: 1, builtFrom: '2025-05-01', devices: [nova] }, 'shipped', 'install');
});

async function cardStatus(at?: string) {
  const detail = await createHandlers().getDevice({ id: 'acme-nova', ...(at ? { at } : {}) }, {} as never);
  return { now: detail?.current, then: detail?.statusAtDate };
}

describe('the reader region', () => {
  it('shows the first event anywhere when no region is chosen', async () => {
    expect((await getSummaries(['acme-nova']))[0]).toMatchObject({ status: 'released', statusDate: '2025-04-01' });
    // An article from March: already released (in Japan).
    expect(await cardStatus('2025-03-01T00:00:00Z')).toEqual({
      now: { status: 'released', date: '2025-04-01' },
      then: { status: 'released', date: '2025-02-01' },
    });
  });

  it('shows the status and date in the chosen region on the card, in lists and in follows', async () => {
    await saveSettings({ region: 'US' });
    expect((await getSummaries(['acme-nova']))[0]).toMatchObject({ status: 'released', statusDate: '2025-04-01' });
    // An article from March: released in Japan, only announced for a reader in the US.
    expect(await cardStatus('2025-03-01T00:00:00Z')).toEqual({
      now: { status: 'released', date: '2025-04-01' },
      then: { status: 'announced', date: '2025-01-10' },
    });
    await setFollow('acme-nova', true);
    expect((await listFollows())[0]?.summary).toMatchObject({ status: 'released', statusDate: '2025-04-01' });
  });

  it('leaves a release elsewhere out for a region where the device was never sold', async () => {
    await saveSettings({ region: 'KR' });
    expect((await getSummaries(['acme-nova']))[0]).toMatchObject({ status: 'announced', statusDate: '2025-01-10' });
    await saveSettings({ region: '' });
    expect((await getSummaries(['acme-nova']))[0]).toMatchObject({ status: 'released' });
  });
});
