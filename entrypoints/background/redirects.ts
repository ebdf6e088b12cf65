// Redirects of feed requests: where a redirected answer may come from (the hand-added feeds and the
// signed channel alike).
import { isFeedUrl } from '../../utils/settings-model';

/**
 * Why a redirected response must not be used, if it must not. fetch follows redirects, and an https feed
 * answered through a redirect to plain http (on any host) would have its body readable and writable by
 * the network, so the final URL has to pass the same rule as a configured one (isFeedUrl: https, or http
 * on this machine) and may not step down from https to http.
 */
export function redirectProblem(requested: string, response: Pick<Response, 'url' | 'redirected'>): string | undefined {
  if (!response.redirected) return undefined;
  const final = response.url;
  if (!final) return 'refused: the feed was redirected to an unknown address';
  const downgrade = new URL(requested).protocol === 'https:' && new URL(final).protocol !== 'https:';
  if (downgrade || !isFeedUrl(final)) return `refused: the feed redirected to ${final}, which is not https`;
  return undefined;
}
