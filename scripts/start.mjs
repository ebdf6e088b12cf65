#!/usr/bin/env node
// `npm start`: builds the extension, serves a demo article from 127.0.0.1 and opens Chromium (or Chrome)
// with SpecScout loaded on it. The demo is served under a default news site's host name, mapped to the
// local server by Chromium's --host-resolver-rules, so nothing goes to the network.
// `npm start -- --firefox` (`npm run start:firefox`) does the same in Firefox (scripts/start-firefox.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFirefox, openFirefox } from './start-firefox.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const firefox = process.argv.includes('--firefox');
const extensionDir = join(root, '.output', firefox ? 'firefox-mv3' : 'chrome-mv3');
const demoFile = join(root, 'scripts', 'demo', 'article.html');
const demoHost = 'www.gsmarena.com';
const demoUrl = `http://${demoHost}/specscout-demo.html`;

const built = spawnSync('npm', ['run', '--silent', firefox ? 'build:firefox' : 'build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);
const browserPath = firefox ? findFirefox(existsSync) : candidates.find((path) => existsSync(path));
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function byHand(reason) {
  console.log(`\n${reason}\n`);
  console.log('SpecScout is built. To load it by hand:');
  console.log(`  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked", choose\n    ${join(root, '.output', 'chrome-mv3')}`);
  console.log('  Firefox: `npm run build:firefox`, then about:debugging#/runtime/this-firefox, "Load Temporary Add-on",');
  console.log(`    choose ${join(root, '.output', 'firefox-mv3', 'manifest.json')}`);
  console.log('Then open an article on a tech news site (gsmarena.com, theverge.com, ...) and hover a device name.');
}

if (!browserPath) {
  byHand(
    firefox
      ? 'No Firefox found (set FIREFOX_PATH, or install Firefox 142 or newer; Debian 12: `sudo apt-get install -t bookworm-security firefox-esr`).'
      : 'No Chromium or Chrome found (set CHROME_PATH, or on Debian/Ubuntu `sudo apt-get install chromium`).',
  );
  process.exit(0);
}
if (!hasDisplay) {
  byHand('No display is available here, so no browser window can open.');
  process.exit(0);
}

const server = createServer((req, res) => {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(readFileSync(demoFile));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`SpecScout demo: ${demoUrl} (served from 127.0.0.1:${port}); close the browser to stop.`);
  if (firefox) startFirefox(port);
  else startChromium(port);
});

function startFirefox(port) {
  openFirefox({ browserPath, extensionDir, url: demoUrl, demoHost, port }).then(
    ({ browser, page }) => {
      browser.on('disconnected', () => {
        server.close();
        process.exit(0);
      });
      // Says in the terminal that the add-on runs: the first start installs the index, which takes a moment.
      page
        .waitForFunction(() => (CSS.highlights.get('specscout')?.size ?? 0) > 0, { timeout: 60_000 })
        .then(() => page.evaluate(() => CSS.highlights.get('specscout').size))
        .then(
          (count) => console.log(`SpecScout marked ${count} device names on the demo article; hover one.`),
          () => console.log('SpecScout has not marked the demo article yet; reload the page if it stays unmarked.'),
        );
    },
    (error) => {
      console.error(`Firefox could not be opened with SpecScout: ${error instanceof Error ? error.message : error}`);
      server.close();
      process.exit(1);
    },
  );
}

function startChromium(port) {
  const profile = mkdtempSync(join(tmpdir(), 'specscout-start-'));
  const url = demoUrl;
  const child = spawn(
    browserPath,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP ${demoHost} 127.0.0.1:${port}`,
      // Branded Chrome 137+ ignores --load-extension unless this switch's kill-switch feature is off.
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,DisableLoadExtensionCommandLineSwitch',
      '--no-first-run',
      '--no-default-browser-check',
      // Chromium refuses to start as root without this (containers, CI boxes); a normal user keeps the sandbox.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      url,
    ],
    { stdio: 'inherit' },
  );
  child.on('exit', (code) => {
    server.close();
    process.exit(code ?? 0);
  });
}
