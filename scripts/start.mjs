#!/usr/bin/env node
// `npm start`: builds the extension, serves a demo article from 127.0.0.1 and opens Chromium (or Chrome)
// with SpecScout loaded on it. The demo is served under a default news site's host name, mapped to the
// local server by Chromium's --host-resolver-rules, so nothing goes to the network.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = join(root, '.output', 'chrome-mv3');
const demoFile = join(root, 'scripts', 'demo', 'article.html');

const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
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
const browserPath = candidates.find((path) => existsSync(path));
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function byHand(reason) {
  console.log(`\n${reason}\n`);
  console.log('SpecScout is built. To load it by hand:');
  console.log(`  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked", choose\n    ${extensionDir}`);
  console.log('  Firefox: `npm run build:firefox`, then about:debugging#/runtime/this-firefox, "Load Temporary Add-on",');
  console.log(`    choose ${join(root, '.output', 'firefox-mv3', 'manifest.json')}`);
  console.log('Then open an article on a tech news site (gsmarena.com, theverge.com, ...) and hover a device name.');
}

if (!browserPath) {
  byHand('No Chromium or Chrome found (set CHROME_PATH, or on Debian/Ubuntu `sudo apt-get install chromium`).');
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
  const profile = mkdtempSync(join(tmpdir(), 'specscout-start-'));
  const url = 'http://www.gsmarena.com/specscout-demo.html';
  console.log(`SpecScout demo: ${url} (served from 127.0.0.1:${port}); close the browser to stop.`);
  const child = spawn(
    browserPath,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP www.gsmarena.com 127.0.0.1:${port}`,
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
});
