// The worker's matcher: loaded once per wake from the compiled form (uBlock Origin's "selfie" idea):
// the one shipped in the package, or the one compiled after a feed replaced the index (kept in meta).
import { extensionUrl } from '../../utils/extension-url';
import { compileMatcher, loadMatcher, MATCHER_FORMAT, type CompiledMatcher, type Matcher } from '../../core/detect/index';
import { getDB, getMeta, setMeta } from '../../utils/db';
import { isInstallingShipped, onIndexReplaced, type InstalledIndexMeta } from './index-store';

export const SHIPPED_MATCHER_PATH = '/index/matcher.json';

let matcher: Promise<Matcher> | null = null;

async function loadCompiled(): Promise<CompiledMatcher> {
  // Only the meta row is read: waiting for a first install of the index (seconds) would delay the first
  // marks, and while nothing or the shipped index is installed the shipped matcher is the right one.
  const installed = isInstallingShipped() ? undefined : await getMeta<InstalledIndexMeta>('index');
  if (installed && installed.source !== 'shipped') {
    const selfie = await getMeta<CompiledMatcher>('matcher');
    // A selfie from an older engine is recompiled rather than misread.
    if (selfie?.format === MATCHER_FORMAT) return selfie;
    // No selfie yet (the worker died after the feed landed): compile from the installed devices.
    const compiled = compileMatcher(await (await getDB()).getAll('devices'));
    await setMeta('matcher', compiled);
    return compiled;
  }
  const response = await fetch(extensionUrl(SHIPPED_MATCHER_PATH));
  if (!response.ok) throw new Error(`the shipped matcher is missing (${response.status})`);
  return (await response.json()) as CompiledMatcher;
}

export function getMatcher(): Promise<Matcher> {
  matcher ??= loadCompiled()
    .then(loadMatcher)
    .catch((error: unknown) => {
      matcher = null;
      throw error;
    });
  return matcher;
}

// A replaced index makes the loaded matcher stale.
onIndexReplaced(() => {
  matcher = null;
});
