// What replacing one set of settings by another would change, setting by setting, for the import
// confirmation. Feed URLs come first: a feed can replace the whole device index, so the reader must see
// a file's feeds before anything else it would change.
import type { SettingChange, SettingKey, Settings } from './protocol';

type ListKey = 'feedUrls' | 'disabledSites' | 'enabledSites' | 'notifications.kinds' | 'rejectedMatches';
type ValueKey = Exclude<SettingKey, ListKey>;

/** Every setting in the order the confirmation lists them. */
export const SETTING_ORDER: readonly SettingKey[] = [
  'feedUrls',
  'refreshHours',
  'enabledSites',
  'disabledSites',
  'markStyle',
  'hoverDelayMs',
  'notifications.enabled',
  'notifications.quiet',
  'notifications.dailyCap',
  'notifications.kinds',
  'region',
  'keepReadingHistory',
  'rejectedMatches',
];

const LIST_KEYS = new Set<SettingKey>(['feedUrls', 'disabledSites', 'enabledSites', 'notifications.kinds', 'rejectedMatches']);

function listOf(settings: Settings, key: ListKey): string[] {
  return key === 'notifications.kinds' ? settings.notifications.kinds : settings[key];
}

function valueOf(settings: Settings, key: ValueKey): string {
  switch (key) {
    case 'notifications.enabled':
      return String(settings.notifications.enabled);
    case 'notifications.quiet':
      return String(settings.notifications.quiet);
    case 'notifications.dailyCap':
      return String(settings.notifications.dailyCap);
    default:
      return String(settings[key]);
  }
}

/** The settings that differ between `current` and `next`, feed URLs first; none when they are equal. */
export function diffSettings(current: Settings, next: Settings): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const key of SETTING_ORDER) {
    if (LIST_KEYS.has(key)) {
      const before = listOf(current, key as ListKey);
      const after = listOf(next, key as ListKey);
      const added = after.filter((v) => !before.includes(v));
      const removed = before.filter((v) => !after.includes(v));
      if (added.length > 0 || removed.length > 0) changes.push({ key, added, removed });
    } else {
      const from = valueOf(current, key as ValueKey);
      const to = valueOf(next, key as ValueKey);
      if (from !== to) changes.push({ key, added: [], removed: [], from, to });
    }
  }
  return changes;
}
