// Turns newly recorded changes of followed devices into browser notifications: only enabled kinds, never
// for a muted device or in quiet mode, at most `dailyCap` a day, and several changes arriving together
// coalesced into one summary. What was told is remembered by the caller (follows.ts); this file decides
// what to show and opens the device's record when a notification is clicked.
import { browser } from 'wxt/browser';
import type { DeviceChange } from '../../core/changes';
import { getDB } from '../../utils/db';
import type { Settings } from '../../utils/protocol';
import { t } from '../../utils/i18n';

/** Notification ids carry what a click should open: `specscout|device|<id>|<n>` or `specscout|summary|<n>`. */
const PREFIX = 'specscout|';
export const COUNTER_KEY = 'notifyCounter';
/** Lines listed in a summary before "and N more". */
const SUMMARY_LINES = 4;

export interface NotifyItem {
  change: DeviceChange;
  muted: boolean;
}

export type NotifyOutcome =
  | { shown: 'none'; reason: 'nothing' | 'disabled' | 'quiet' | 'cap' }
  | { shown: 'single' | 'summary'; id: string; count: number };

interface DayCounter {
  /** UTC day (YYYY-MM-DD) the count applies to. */
  day: string;
  count: number;
}

/**
 * Takes one slot of the daily cap, atomically (two refreshes finishing together cannot both take the
 * last slot). False when the cap is reached.
 */
async function takeSlot(cap: number, now: Date): Promise<boolean> {
  const day = now.toISOString().slice(0, 10);
  const db = await getDB();
  const tx = db.transaction('meta', 'readwrite');
  const stored = (await tx.store.get(COUNTER_KEY))?.value as DayCounter | undefined;
  const count = stored?.day === day ? stored.count : 0;
  if (count >= cap) {
    await tx.done;
    return false;
  }
  await tx.store.put({ key: COUNTER_KEY, value: { day, count: count + 1 } satisfies DayCounter });
  await tx.done;
  return true;
}

/** How many notifications were shown today (for tests and the options page). */
export async function notificationsToday(now: Date): Promise<number> {
  const stored = (await (await getDB()).get('meta', COUNTER_KEY))?.value as DayCounter | undefined;
  return stored?.day === now.toISOString().slice(0, 10) ? stored.count : 0;
}

/** The changes the reader asked to be notified of: enabled kinds, devices not muted. */
export function notifiable(items: readonly NotifyItem[], settings: Settings): DeviceChange[] {
  const kinds = new Set(settings.notifications.kinds);
  return items.filter((item) => !item.muted && kinds.has(item.change.kind)).map((item) => item.change);
}

/** Shows one notification for one change, or one summary for several. */
export async function notifyChanges(items: readonly NotifyItem[], settings: Settings, now: Date): Promise<NotifyOutcome> {
  const changes = notifiable(items, settings);
  if (changes.length === 0) return { shown: 'none', reason: 'nothing' };
  if (!settings.notifications.enabled) return { shown: 'none', reason: 'disabled' };
  if (settings.notifications.quiet) return { shown: 'none', reason: 'quiet' };
  if (!(await takeSlot(settings.notifications.dailyCap, now))) return { shown: 'none', reason: 'cap' };

  const iconUrl = browser.runtime.getURL('/icon/128.png');
  const stamp = now.getTime().toString(36);
  if (changes.length === 1) {
    const change = changes[0]!;
    const id = `${PREFIX}device|${change.deviceId}|${stamp}`;
    await browser.notifications.create(id, { type: 'basic', iconUrl, title: t('notifyChangeTitle'), message: change.text });
    return { shown: 'single', id, count: 1 };
  }
  const lines = changes.slice(0, SUMMARY_LINES).map((c) => `• ${c.text}`);
  if (changes.length > SUMMARY_LINES) lines.push(t('notifySummaryMore', [String(changes.length - SUMMARY_LINES)]));
  const id = `${PREFIX}summary|${stamp}`;
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl,
    title: t('notifySummaryTitle', [String(changes.length)]),
    message: lines.join('\n'),
  });
  return { shown: 'summary', id, count: changes.length };
}

/** The extension page a notification opens: the device's record, or the list of follows for a summary. */
export function targetOf(notificationId: string): string | null {
  if (!notificationId.startsWith(PREFIX)) return null;
  const [, kind, deviceId] = notificationId.split('|');
  if (kind === 'device' && deviceId && /^[a-z0-9][a-z0-9-]*$/.test(deviceId)) return `/popup.html?device=${encodeURIComponent(deviceId)}`;
  if (kind === 'summary') return '/popup.html?section=following';
  return null;
}

/** Registered at worker start (index.ts): a click opens the record in a tab and dismisses the notification. */
export async function handleNotificationClick(notificationId: string): Promise<void> {
  const target = targetOf(notificationId);
  if (!target) return;
  await browser.tabs.create({ url: browser.runtime.getURL(target as '/popup.html') });
  await browser.notifications.clear(notificationId);
}
