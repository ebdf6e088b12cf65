// "Not this device" and "Don't mark on this site" from the card: remembered in settings so the
// detector (detect.ts) and every open tab drop the match at once.
import { siteKeyForHost } from '../../core/sites';
import type { ToBackground } from '../../utils/protocol';
import { saveSettings, loadSettings } from '../../utils/settings';
import { broadcastSettings } from './broadcast';

type RejectRequest = ToBackground['rejectMatch']['req'];

export async function rejectMatch({ site, deviceId, scope }: RejectRequest): Promise<{ ok: true }> {
  // The same key detect.ts and the content script check (core/sites.ts).
  const key = siteKeyForHost(site.trim());
  if (!key) throw new Error('rejectMatch: no site');
  const current = await loadSettings();
  const settings =
    scope === 'site'
      ? await saveSettings({ disabledSites: [...new Set([...current.disabledSites, key])] })
      : await saveSettings({ rejectedMatches: [...new Set([...current.rejectedMatches, `${key}|${deviceId}`])] });
  // Other tabs on the same site drop the marks too; a failure to reach a tab is not the reader's problem.
  await broadcastSettings(settings).catch(() => undefined);
  return { ok: true };
}
