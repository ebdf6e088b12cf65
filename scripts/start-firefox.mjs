// `npm run start:firefox` (or `npm start -- --firefox`): builds the Firefox add-on, serves the demo article
// from 127.0.0.1 and opens Firefox with SpecScout installed as a temporary add-on. Firefox has no switch
// that loads an unpacked add-on, so the add-on is installed over WebDriver BiDi (puppeteer-core, as the
// Firefox tests do); the window shows Firefox's "remote control" stripes for that reason. The demo is
// served under a default news site's host name, sent to the local server by a proxy script that covers
// that one host, so nothing of the demo goes to the network and every other site loads as usual.
import puppeteer from 'puppeteer-core';

const CANDIDATES = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
].filter(Boolean);

/** The Firefox to open, or undefined. */
export function findFirefox(existsSync) {
  return CANDIDATES.find((path) => existsSync(path));
}

/** Opens Firefox with the add-on at `extensionDir` on `url`, whose host `demoHost` is served at `port`. */
export async function openFirefox({ browserPath, extensionDir, url, demoHost, port }) {
  const pac = `function FindProxyForURL(url, host) { return host === ${JSON.stringify(demoHost)} ? 'PROXY 127.0.0.1:${port}' : 'DIRECT'; }`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath,
    headless: false,
    defaultViewport: null,
    extraPrefsFirefox: {
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pac)}`,
      // The demo server speaks plain http.
      'dom.security.https_first': false,
    },
  });
  await browser.installExtension(extensionDir);
  const [first] = await browser.pages();
  const page = first ?? (await browser.newPage());
  await page.goto(url);
  return { browser, page };
}
