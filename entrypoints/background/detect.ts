// Answers a content script's "which devices does this text name?": runs the matcher, drops matches the
// reader rejected, and returns the mentions with short summaries for the marks and the popup.
import type { Browser } from 'wxt/browser';
import { isRejectedMatch, siteKeyForHost } from '../../core/sites';
import type { PageMention, ToBackground } from '../../utils/protocol';
import { loadSettings } from '../../utils/settings';
import { getMatcher } from './matcher-host';
import { getSummaries } from './index-store';

type DetectRequest = ToBackground['detect']['req'];
type DetectResponse = ToBackground['detect']['res'];

/** Hooks other features attach to (reading history). Kept out of this module's imports on purpose. */
export const detectHooks: {
  onPageDevices?: (ids: string[], request: DetectRequest, sender: Browser.runtime.MessageSender) => Promise<void> | void;
} = {};

/** The site a rejection is remembered under (core/sites.ts siteKeyForHost), or '' for no valid URL. */
export function siteOf(url: string): string {
  try {
    return siteKeyForHost(new URL(url).hostname);
  } catch {
    return '';
  }
}

export async function detectOnPage(request: DetectRequest, sender: Browser.runtime.MessageSender): Promise<DetectResponse> {
  const [matcher, settings] = await Promise.all([getMatcher(), loadSettings()]);
  const result = matcher.detect(request.text, request.context);
  const site = siteOf(sender.tab?.url ?? request.url);
  const rejected = new Set(settings.rejectedMatches);
  const mentions: PageMention[] = [];
  for (const m of result.mentions) {
    if (isRejectedMatch(site, m.deviceId, rejected)) continue;
    mentions.push({
      start: m.start,
      end: m.end,
      deviceId: m.deviceId,
      confidence: m.confidence,
      reason: m.reason,
      matchedName: m.matchedName,
    });
  }
  const ids = [...new Set(mentions.map((m) => m.deviceId))];
  const summaries = ids.length ? await getSummaries(ids) : [];
  if (ids.length && detectHooks.onPageDevices) {
    try {
      await detectHooks.onPageDevices(ids, request, sender);
    } catch (error) {
      console.warn('SpecScout: recording the page failed', error);
    }
  }
  return { mentions, context: result.context, summaries };
}
