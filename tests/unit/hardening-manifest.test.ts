// The smallest permissions: what the manifest asks for at install (the default tech news sites, four API
// permissions), what is optional at run time, a strict CSP with no remote code (WebAssembly compiled from
// the extension's own script is allowed, eval is not), and no page-reachable
// resources beyond the default sites. Checked on the manifest config for both browsers and, when a build
// exists, on the built Chrome manifest (WXT adds entries of its own).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../manifest.config';
import { DEFAULT_NEWS_SITE_PATTERNS } from '../../core/sites';

const BUILT = '.output/chrome-mv3/manifest.json';
const BROAD = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];

/** CSP directives as a map: "script-src 'self'; object-src 'self'" -> { 'script-src': ["'self'"], ... }. */
function directives(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

function checkCsp(csp: string): void {
  const d = directives(csp);
  expect(d['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(d['object-src']?.every((v) => v === "'self'" || v === "'none'")).toBe(true);
  // 'wasm-unsafe-eval' is the only source beyond 'self': no eval, no inline script, no remote host.
  expect(csp.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
}

describe.each(['chrome', 'firefox'])('the %s manifest config', (target) => {
  const manifest = buildManifest(target) as ReturnType<typeof buildManifest> & Record<string, unknown>;

  it('asks at install only for storage, alarms, notifications and scripting, and the default news sites', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'notifications', 'scripting', 'storage']);
    expect(manifest.host_permissions).toEqual([...DEFAULT_NEWS_SITE_PATTERNS]);
    for (const pattern of manifest.host_permissions) {
      expect(BROAD).not.toContain(pattern);
      // https only: on a plain-http page the network could rewrite what SpecScout reads.
      expect(pattern).toMatch(/^https:\/\/\*\.[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    }
  });

  it('leaves every other site optional, asked for at run time, over https only', () => {
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest).not.toHaveProperty('optional_permissions');
  });

  it('has a strict CSP: own scripts only, WebAssembly but no eval, no remote code', () => {
    checkCsp(manifest.content_security_policy.extension_pages);
  });

  it('exposes nothing to web pages or other extensions', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });
});

describe('the built Chrome manifest', () => {
  const built = existsSync(BUILT) ? (JSON.parse(readFileSync(BUILT, 'utf8')) as Record<string, unknown>) : null;
  if (!built) console.info(`${BUILT} not found: run \`npm run build\` to check the built manifest too.`);
  // `npm test` builds before the unit tests, so in CI a missing build is a failure, not a skip.
  const skip = !built && !process.env.CI;

  it.skipIf(skip)('keeps the permissions, CSP and hosts of the config, and no <all_urls> anywhere', () => {
    const manifest = built!;
    const config = buildManifest('chrome');
    expect(manifest.permissions).toEqual(config.permissions);
    expect(manifest.host_permissions).toEqual(config.host_permissions);
    expect(manifest.optional_host_permissions).toEqual(config.optional_host_permissions);
    checkCsp((manifest.content_security_policy as { extension_pages: string }).extension_pages);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it.skipIf(skip)('runs its content script on the default news sites only, over https only', () => {
    const scripts = built!.content_scripts as { matches: string[] }[];
    for (const script of scripts) expect([...script.matches].sort()).toEqual([...DEFAULT_NEWS_SITE_PATTERNS].sort());
    expect(JSON.stringify(built)).not.toMatch(/"(\*|http):\/\//);
  });

  it.skipIf(skip)('offers web-accessible resources, if any, only to the default news sites', () => {
    const resources = (built!.web_accessible_resources ?? []) as { matches?: string[]; resources: string[] }[];
    for (const entry of resources) {
      for (const match of entry.matches ?? []) expect(DEFAULT_NEWS_SITE_PATTERNS).toContain(match);
    }
  });
});
