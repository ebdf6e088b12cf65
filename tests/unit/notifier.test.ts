// Notifications for followed devices: one per change, a summary for several at once, within the daily
// cap, silent in quiet mode, for muted devices and for kinds the reader turned off; a click opens the record.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DeviceChange } from '../../core/changes';
import { closeDB } from '../../utils/db';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../utils/settings-model';
import type { Settings } from '../../utils/protocol';
import { handleNotificationClick, notificationsToday, notifyChanges, targetOf, type NotifyItem } from '../../entrypoints/background/notifier';
import { useEnglishMessages } from './fake-i18n';

const NOW = new Date('2025-02-11T09:00:00Z');

function change(deviceId: string, kind: DeviceChange['kind'] = 'status', what = 'announced'): NotifyItem {
  return { change: { deviceId, kind, key: `${deviceId}|${kind}|${what}`, text: `${deviceId} ${kind} ${what}` }, muted: false };
}

function settings(patch: Partial<Settings['notifications']> = {}): Settings {
  return normalizeSettings({ ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, ...patch } });
}

async function shown(): Promise<{ id: string; title: string; message: string }[]> {
  const all = (await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string }>;
  return Object.entries(all).map(([id, n]) => ({ id, title: n.title, message: n.message }));
}

beforeEach(async () => {
  await closeDB();
  useEnglishMessages();
});

describe('notifyChanges', () => {
  it('shows one notification for one change, naming the device in its id', async () => {
    const outcome = await notifyChanges([change('acme-nova')], settings(), NOW);
    expect(outcome).toMatchObject({ shown: 'single', count: 1 });
    const list = await shown();
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toBe('acme-nova status announced');
    expect(list[0]!.title).toBe('A device you follow changed');
    expect(targetOf(list[0]!.id)).toBe('/popup.html?device=acme-nova');
  });

  it('coalesces several changes arriving together into one summary', async () => {
    const items = [change('acme-nova'), change('acme-orbit'), change('acme-nova', 'specs-confirmed', 'x'), change('acme-pulse'), change('acme-zen'), change('acme-quill')];
    const outcome = await notifyChanges(items, settings(), NOW);
    expect(outcome).toMatchObject({ shown: 'summary', count: 6 });
    const list = await shown();
    expect(list).toHaveLength(1);
    expect(list[0]!.title).toBe('6 changes to devices you follow');
    expect(list[0]!.message.split('\n')).toHaveLength(5);
    expect(list[0]!.message).toContain('and 2 more');
    expect(targetOf(list[0]!.id)).toBe('/popup.html?section=following');
    expect(await notificationsToday(NOW)).toBe(1);
  });

  it('stops at the daily cap and starts again the next day', async () => {
    const s = settings({ dailyCap: 2 });
    expect((await notifyChanges([change('a-1')], s, NOW)).shown).toBe('single');
    expect((await notifyChanges([change('a-2')], s, NOW)).shown).toBe('single');
    expect(await notifyChanges([change('a-3')], s, NOW)).toEqual({ shown: 'none', reason: 'cap' });
    expect(await shown()).toHaveLength(2);
    const tomorrow = new Date(NOW.getTime() + 24 * 3600_000);
    expect((await notifyChanges([change('a-4')], s, tomorrow)).shown).toBe('single');
  });

  it('counts the cap atomically when two batches finish together', async () => {
    const s = settings({ dailyCap: 1 });
    const outcomes = await Promise.all([notifyChanges([change('a-1')], s, NOW), notifyChanges([change('a-2')], s, NOW)]);
    expect(outcomes.filter((o) => o.shown === 'single')).toHaveLength(1);
    expect(await shown()).toHaveLength(1);
  });

  it('shows nothing in quiet mode or with notifications off', async () => {
    expect(await notifyChanges([change('acme-nova')], settings({ quiet: true }), NOW)).toEqual({ shown: 'none', reason: 'quiet' });
    expect(await notifyChanges([change('acme-nova')], settings({ enabled: false }), NOW)).toEqual({ shown: 'none', reason: 'disabled' });
    expect(await shown()).toEqual([]);
    expect(await notificationsToday(NOW)).toBe(0);
  });

  it('leaves out muted devices and kinds the reader turned off', async () => {
    const items = [{ ...change('acme-nova'), muted: true }, change('acme-orbit', 'specs-confirmed', 'x'), change('acme-pulse', 'status')];
    const outcome = await notifyChanges(items, settings({ kinds: ['status'] }), NOW);
    expect(outcome).toMatchObject({ shown: 'single' });
    expect((await shown()).map((n) => n.message)).toEqual(['acme-pulse status announced']);
    expect(await notifyChanges([{ ...change('acme-nova'), muted: true }], settings(), NOW)).toEqual({ shown: 'none', reason: 'nothing' });
  });
});

describe('clicking a notification', () => {
  it('opens the device record in a tab and dismisses the notification', async () => {
    await notifyChanges([change('acme-nova')], settings(), NOW);
    const [only] = await shown();
    await handleNotificationClick(only!.id);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('/popup.html?device=acme-nova' as '/popup.html'));
    expect(await shown()).toEqual([]);
  });

  it('ignores notifications that are not ours or are malformed', async () => {
    expect(targetOf('other|device|x')).toBeNull();
    expect(targetOf('specscout|device|../evil|1')).toBeNull();
    await handleNotificationClick('someone-else');
    expect((await fakeBrowser.tabs.query({})).length).toBe(1);
  });
});
