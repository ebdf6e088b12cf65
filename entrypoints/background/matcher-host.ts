// The worker's matcher: loaded once per wake from the compiled form (uBlock Origin's "selfie" idea):
// the one shipped in the package, or the one compiled after a feed replaced the index (kept in meta).
import { extensionUrl } from '../../utils/extension-url';
import { compileMatcher, loadMatcher, MATCHER_FORMAT, type CompiledMatcher, type Matcher } from '../../core/detect/index';
import { getDB, getMeta, setMeta } from '../../utils/db';
import { isInstallingShipped, onIndexReplaced, type InstalledIndexMeta } from './index-store';

export const SHIPPED_MATCHER_PATH = '/index/matcher.json';

let matcher: Promise<Matcher> | null = null;

/** The compiled matcher to load, and whether it is the selfie kept in the database. */
async function loadCompiled(): Promise<{ compiled: CompiledMatcher; selfie: boolean }> {
  // Only the meta row is read: waiting for a first install of the index (seconds) would delay the first
  // marks, and while nothing or the shipped index is installed the shipped matcher is the right one.
  const installed = isInstallingShipped() ? undefined : await getMeta<InstalledIndexMeta>('index');
  if (installed && installed.source !== 'shipped') {
    const selfie = await getMeta<CompiledMatcher>('matcher');
    // A selfie from an older engine is recompiled rather than misread.
    if (selfie?.format === MATCHER_FORMAT) return { compiled: selfie, selfie: true };
    // No selfie yet (the worker died after the feed landed): compile from the installed devices.
    return { compiled: await compileInstalled(), selfie: false };
  }
  const response = await fetch(extensionUrl(SHIPPED_MATCHER_PATH));
  if (!response.ok) throw new Error(`the shipped matcher is missing (${response.status})`);
  return { compiled: (await response.json()) as CompiledMatcher, selfie: false };
}

async function compileInstalled(): Promise<CompiledMatcher> {
  const compiled = compileMatcher(await (await getDB()).getAll('devices'));
  await setMeta('matcher', compiled);
  return compiled;
}

async function loadOrRecompile({ compiled, selfie }: { compiled: CompiledMatcher; selfie: boolean }): Promise<Matcher> {
  try {
    return loadMatcher(compiled);
  } catch (error) {
    if (!selfie) throw error;
    // A damaged selfie (the database is the browser's, and disks fail) costs a compile, not the marks.
    console.warn('SpecScout: the saved matcher could not be read; compiling it again.', error);
    return loadMatcher(await compileInstalled());
  }
}

export function getMatcher(): Promise<Matcher> {
  matcher ??= loadCompiled()
    .then(loadOrRecompile)
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
