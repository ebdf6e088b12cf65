// The worker's matcher: loaded once per wake from the compiled form (uBlock Origin's "selfie" idea):
// the one shipped in the package, or the one compiled after a feed replaced the index (kept in meta).
import { extensionUrl } from '../../utils/extension-url';
import { compileMatcher, loadMatcher, type CompiledMatcher, type Matcher } from '../../core/detect/index';
import { getDB, getMeta, setMeta } from '../../utils/db';
import { ensureIndex, onIndexReplaced } from './index-store';

export const SHIPPED_MATCHER_PATH = '/index/matcher.json';

let matcher: Promise<Matcher> | null = null;

async function loadCompiled(): Promise<CompiledMatcher> {
  const installed = await ensureIndex();
  if (installed.source !== 'shipped') {
    const selfie = await getMeta<CompiledMatcher>('matcher');
    if (selfie) return selfie;
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
