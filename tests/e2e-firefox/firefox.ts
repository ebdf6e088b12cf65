// Real-Firefox harness: launches Firefox (ESR 142 or newer) headless through puppeteer-core over WebDriver
// BiDi, installs the built Firefox add-on as a temporary add-on, and sends every host through Firefox's
// manual proxy to the local fixture server, so the manifest's real match patterns run on the default news
// sites' host names and nothing reaches the network.
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../e2e/server';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
/** The add-on id from the manifest (browser_specific_settings.gecko.id). */
export const ADDON_ID = 'specscout@specscout.dev';
/** A fixed internal UUID (pref `extensions.webextensions.uuids`), so moz-extension:// addresses are known. */
export const ADDON_UUID = '3c5f0a4e-9b1d-4e2a-8f6c-7d0b2a1e5c94';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** The Firefox to drive: FIREFOX_PATH, else the usual system paths; a clear error otherwise. */
export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = FIREFOX_CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Firefox found. Install Firefox 142 or newer (Debian 12: `sudo apt-get install -t bookworm-security firefox-esr`) ' +
        'or point FIREFOX_PATH at the browser binary.',
    );
  }
  return found;
}

/**
 * Prefs that keep Firefox on the machine and make the add-on reachable. Puppeteer already turns off
 * updates, telemetry, safe browsing and first-run pages; these add what it does not cover.
 */
function testPrefs(proxyPort: number, downloadDir: string, idleTimeoutMs: number | undefined): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    // Every host, even 127.0.0.1, goes to the fixture server, which answers proxy requests by path.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'dom.security.https_first': false,
    'dom.security.https_only_mode': false,
    // Remote settings (blocklists, certificates): a dead local address. The pref is only read when
    // MOZ_REMOTE_SETTINGS_DEVTOOLS is set in the environment.
    'services.settings.server': 'http://127.0.0.1:9/v1',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.topsites.contile.enabled': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'identity.fxaccounts.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'toolkit.telemetry.enabled': false,
    'datareporting.usage.uploadEnabled': false,
    'browser.ml.enable': false,
    'alerts.useSystemBackend': false,
    // Exported files land in a directory the test reads, without a dialog.
    'browser.download.folderList': 2,
    'browser.download.dir': downloadDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    ...(idleTimeoutMs !== undefined ? { 'extensions.background.idle.timeout': idleTimeoutMs } : {}),
  };
}

export interface FirefoxSession {
  browser: Browser;
  server: FixtureServer;
  downloadDir: string;
  /** A fixture page's URL under a default news site's host name (proxied to the local server). */
  newsUrl(path: string, host?: string): string;
  /** A new tab at `url`, loaded. */
  openPage(url: string): Promise<Page>;
  /** One of the add-on's pages (`popup.html?tab=3`, `options.html`) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Sends a protocol message from an add-on page, as the popup and options pages do, and returns the value. */
  ask<T>(type: string, data?: Record<string, unknown>): Promise<T>;
  /** Runs `fn` in an add-on page (where `chrome.*` is the WebExtension API) and returns its result. */
  inExtension<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  server?: FixtureServer;
  /** `extensions.background.idle.timeout` in ms (Firefox's default is 30 s). */
  idleTimeoutMs?: number;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built Firefox add-on at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  const server = options.server ?? (await startFixtureServer());
  const downloadDir = mkdtempSync(join(tmpdir(), 'specscout-ff-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // The https fixture server's certificate is a throwaway self-signed one.
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 900 },
    // Lets WebDriver open moz-extension:// pages (Firefox 153 refuses them to a remote client otherwise).
    args: ['--remote-allow-system-access'],
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: testPrefs(server.port, downloadDir, options.idleTimeoutMs),
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);

  const openPage = async (url: string) => {
    const page = await browser.newPage();
    await page.goto(url);
    return page;
  };
  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    const url = `${EXTENSION_ORIGIN}/${path}`;
    // Workaround: over BiDi, Firefox 153 never reports a moz-extension:// navigation as finished to
    // puppeteer (page.goto times out although the page loaded), so the page's own state is awaited.
    page.goto(url, { timeout: 0 }).catch(() => undefined);
    await expect
      .poll(() => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''), { timeout: 15_000, interval: 100 })
      .toBe(`${url} complete`);
    return page;
  };
  let probe: Promise<Page> | null = null;
  const inExtension = async <T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> => {
    probe ??= openExtensionPage('popup.html');
    const page = await probe;
    return page.evaluate(fn as (...a: unknown[]) => T | Promise<T>, ...args) as Promise<T>;
  };
  const session: FirefoxSession = {
    browser,
    server,
    downloadDir,
    // https: the add-on runs on the news sites' https pages only; the proxy tunnels them to the https fixture server.
    newsUrl: (path, host = 'www.gsmarena.com') => `https://${host}/${path.replace(/^\//, '')}`,
    openPage,
    openExtensionPage,
    inExtension,
    async ask<T>(type: string, data: Record<string, unknown> = {}) {
      const reply = await inExtension(
        async (t: string, d: Record<string, unknown>) =>
          (await chrome.runtime.sendMessage({ specscout: 1, type: t, data: d })) as { ok: boolean; value?: unknown; error?: string },
        type,
        data,
      );
      if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
      return reply.value as T;
    },
    async close() {
      await browser.close();
      if (!options.server) await server.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** The marked texts in document order, read from the page (the highlight registry is per document). */
export function markedTexts(page: Page): Promise<string[] | null> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('specscout');
    if (!highlight) return null;
    const ranges = [...(highlight as unknown as Set<Range>)];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  });
}

export async function waitForMarks(page: Page, atLeast: number, timeout = 30_000): Promise<string[]> {
  await expect.poll(async () => (await markedTexts(page))?.length ?? 0, { timeout }).toBeGreaterThanOrEqual(atLeast);
  return (await markedTexts(page)) ?? [];
}

/** Centre of the first box of the n-th mark whose text is `text`, scrolled into view. */
export function markCentre(page: Page, text: string, nth = 0): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    (wanted: string, index: number) => {
      const ranges = [...((CSS.highlights.get('specscout') ?? new Set()) as unknown as Set<Range>)]
        .filter((r) => r.toString() === wanted)
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[index];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const box = range.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    text,
    nth,
  );
}

/** Moves the pointer onto a mark as a reader would: from beside it, then over it. */
export async function hoverMark(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const at = await markCentre(page, text, nth);
  if (!at) throw new Error(`no mark "${text}"`);
  await page.mouse.move(at.x - 20, at.y);
  await page.mouse.move(at.x, at.y, { steps: 2 });
  return at;
}

/**
 * The open card's dialog, or null. Every test reaches the card through this one function, so a change in
 * how the card's shadow root is reached (a closed root with a test-only path) is made here only.
 */
export function cardDialog(page: Page): Promise<ElementHandle<Element> | null> {
  return page.$('specscout-card >>> [role="dialog"]');
}

export interface CardState {
  state: string | null;
  deviceId: string | null;
  label: string | null;
  text: string;
}

/** What the open card says (null when none is open). */
export async function cardState(page: Page): Promise<CardState | null> {
  const dialog = await cardDialog(page);
  if (!dialog) return null;
  return dialog.evaluate((el) => ({
    state: el.getAttribute('data-state'),
    deviceId: el.getAttribute('data-device-id'),
    label: el.getAttribute('aria-label'),
    text: (el as HTMLElement).innerText,
  }));
}

/** A button in the open card by its visible name (trimmed text or aria-label), or null. */
export async function cardButton(page: Page, name: string): Promise<ElementHandle<Element> | null> {
  const dialog = await cardDialog(page);
  if (!dialog) return null;
  for (const button of await dialog.$$('button')) {
    // innerText, not textContent: the Follow button lays out both labels and hides the one not shown.
    const label = await button.evaluate((b) => b.getAttribute('aria-label') ?? ((b as HTMLElement).innerText ?? '').trim());
    if (label === name) return button;
  }
  return null;
}

/** An element of an ordinary page (popup, options) by a CSS selector whose text is `text`, or null. */
export async function byText(page: Page, selector: string, text: string): Promise<ElementHandle<Element> | null> {
  for (const element of await page.$$(selector)) {
    if ((await element.evaluate((e) => (e.textContent ?? '').trim())) === text) return element;
  }
  return null;
}

/** The tab id of the open tab at `url`, as the add-on sees it. */
export async function tabIdOf(session: FirefoxSession, url: string): Promise<number> {
  const id = await session.inExtension(async (u: string) => {
    const [tab] = (await chrome.tabs.query({ url: u })) as { id?: number }[];
    return tab?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab at ${url}`);
  return id;
}
