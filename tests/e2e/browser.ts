// Real-browser harness: launches the system Chromium with the built extension loaded, a local
// HTTP server for fixture pages, and the default news sites' host names mapped onto that server, so
// the manifest's real match patterns are exercised without a test-only permission.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer, type FixtureServer } from './server';
import { DEFAULT_NEWS_SITES } from '../../core/sites';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

const BROWSER_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The browser to drive: CHROME_PATH, else the usual system paths; a clear error otherwise. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = BROWSER_CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or point CHROME_PATH at the browser binary.',
    );
  }
  return found;
}

export interface Session {
  context: BrowserContext;
  server: FixtureServer;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** A fixture page's https URL under a default news site's host name (mapped to the local server). */
  newsUrl(path: string, host?: string): string;
  openPopup(query?: string): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Closes the browser; keeps the profile when `keepProfile` so a restart can reuse it. */
  close(keepProfile?: boolean): Promise<void>;
}

export interface LaunchOptions {
  userDataDir?: string;
  server?: FixtureServer;
  colorScheme?: 'light' | 'dark';
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const server = options.server ?? (await startFixtureServer());
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'specscout-e2e-'));
  // The news sites' names go to the server's https port: SpecScout runs on https pages only.
  const hostRules = DEFAULT_NEWS_SITES.flatMap((site) => [`MAP ${site} 127.0.0.1:${server.tlsPort}`, `MAP *.${site} 127.0.0.1:${server.tlsPort}`]);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    // The fixture server's certificate is self-signed (server.ts).
    ignoreHTTPSErrors: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${hostRules.join(', ')}`,
      // The fixture server's plain-http pages (feeds, pages SpecScout does not run on): no https first.
      // Branded Chrome 137+ ignores --load-extension unless DisableLoadExtensionCommandLineSwitch is off.
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,DisableLoadExtensionCommandLineSwitch',
      // No network here: keep Chromium's own background traffic from failing noisily.
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--disable-gpu',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const session: Session = {
    context,
    server,
    extensionId,
    worker,
    userDataDir,
    newsUrl: (path, host = 'www.gsmarena.com') => `https://${host}/${path.replace(/^\//, '')}`,
    async openPopup(query = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return page;
    },
    async openOptions() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    },
    async close(keepProfile = false) {
      await context.close();
      if (!options.server) await server.close();
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** The current service worker (a restarted worker is a new `Worker` object). */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}
