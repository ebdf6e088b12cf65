// "Not this device" and "Don't mark on this site" from the card: remembered in settings so the
// detector (detect.ts) and every open tab drop the match at once.
import type { ToBackground } from '../../utils/protocol';
import { saveSettings, loadSettings } from '../../utils/settings';
import { broadcastSettings } from './broadcast';

type RejectRequest = ToBackground['rejectMatch']['req'];

/** The site key detect.ts checks: a default news site or a host without "www.", lower case. */
function normalizeSite(site: string): string {
  return site.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

export async function rejectMatch({ site, deviceId, scope }: RejectRequest): Promise<{ ok: true }> {
  const key = normalizeSite(site);
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
