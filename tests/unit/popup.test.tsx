// The popup, rendered with a fake worker and a fake tab: this page's devices, following, search, the
// record view, comparison and the site switch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { parseRoute } from '../../components/popup/links';
import { compareRows } from '../../components/popup/CompareView';
import type { Device } from '../../core/schema';
import type { DeviceSummary, Settings } from '../../utils/protocol';
import { DEFAULT_SETTINGS } from '../../utils/settings-model';
import { click, change, fakeWorker, need, press, installDom, mount, text, typeInto, unmount, until } from './popup-fakes';

const z1: DeviceSummary = { id: 'sony-xperia-z1', brand: 'Sony', name: 'Xperia Z1', category: 'phone', status: 'released', statusDate: '2013-09', keySpecs: ['5 in', 'Snapdragon 800', '3000 mAh'], following: false };
const s24: DeviceSummary = { id: 'samsung-galaxy-s24-ultra', brand: 'Samsung', name: 'Galaxy S24 Ultra', category: 'phone', status: 'announced', statusDate: '2024-01-17', keySpecs: ['6.8 in'], following: true };

const z1Device: Device = {
  id: 'sony-xperia-z1', brand: 'Sony', name: 'Xperia Z1', category: 'phone', family: 'Xperia Z',
  names: [{ name: 'C6903', kind: 'code' }, { name: 'SO-01F', kind: 'code', region: 'JP', carrier: 'NTT Docomo' }, { name: 'Honami', kind: 'codename' }],
  variants: [{ id: 'sony-xperia-z1s', relation: 'sibling', note: 'T-Mobile US' }],
  specs: { displayInches: 5, chipset: 'Qualcomm Snapdragon 800', batteryMah: 3000, weightG: 170 },
  status: [
    { status: 'announced', date: '2013-09-04' },
    { status: 'released', date: '2013-09' },
    { status: 'released', date: '2013-10-25', region: 'JP' },
  ],
  rumors: [{ claim: 'A 20 MP camera', source: { publication: 'Xperia Blog', url: 'https://example.org/z1', date: '2013-06' }, confidence: 'high', outcome: 'confirmed' }],
  sources: [],
};
const z1sDevice: Device = { ...z1Device, id: 'sony-xperia-z1s', name: 'Xperia Z1s', variants: [], specs: { displayInches: 5, chipset: 'Qualcomm Snapdragon 800', batteryMah: 3000, weightG: 162 } };

let settings: Settings;
/** What the worker knows now (follows, status), which may differ from what the content script read. */
let current: Map<string, DeviceSummary>;

/** A fake worker that also answers the summaries of the page's devices from `current`. */
const pageWorker: typeof fakeWorker = (answers) =>
  fakeWorker({ getSummaries: ({ ids }) => ids.flatMap((id) => current.get(id) ?? []), ...answers });

beforeEach(() => {
  installDom();
  settings = structuredClone(DEFAULT_SETTINGS);
  current = new Map([z1, s24].map((s) => [s.id, s]));
  fakeBrowser.tabs.query = (async () => [{ id: 7, url: 'https://www.gsmarena.com/news.php', active: true }]) as never;
  fakeBrowser.tabs.get = (async (id: number) => ({ id, url: 'https://www.gsmarena.com/news.php' })) as never;
  fakeBrowser.tabs.sendMessage = (async (_tab: number, message: { type: string }) =>
    message.type === 'pageDevices'
      ? { ok: true, value: { url: 'https://www.gsmarena.com/news.php', ids: ['samsung-galaxy-s24-ultra', 'sony-xperia-z1', 'samsung-galaxy-s24-ultra'], summaries: [z1, s24] } }
      : undefined) as never;
  fakeBrowser.permissions.contains = (async () => false) as never;
});
afterEach(() => unmount());

describe('the popup', () => {
  it('lists the devices on the page in order of first mention, each with status, key specs and Follow', async () => {
    pageWorker({ getSettings: () => settings });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    const rows = await until(() => {
      const found = [...root.querySelectorAll('[data-device-id]')];
      expect(found).toHaveLength(2);
      return found;
    });
    expect(rows.map((r) => r.getAttribute('data-device-id'))).toEqual(['samsung-galaxy-s24-ultra', 'sony-xperia-z1']);
    expect(text(rows[1])).toContain('Released 2013-09');
    expect(text(rows[1])).toContain('Snapdragon 800');
    // The label shown (the other is laid out hidden, so the button keeps one size).
    expect(text(rows[0]!.querySelector('button[aria-pressed] > span[aria-hidden="false"]'))).toBe('Following');
    expect(rows[1]!.querySelector('a')!.getAttribute('href')).toBe('?device=sony-xperia-z1');
  });

  it("shows the worker's follow state, not the one the page read before a Follow on the card", async () => {
    // The content script read the page when Z1 was not followed; since then the reader followed it on the card.
    current.set(z1.id, { ...z1, following: true });
    current.set(s24.id, { ...s24, following: false });
    const worker = pageWorker({ getSettings: () => settings });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    const z1Button = await until(() => need(root, '[data-device-id="sony-xperia-z1"] button[aria-pressed]'));
    expect(z1Button.getAttribute('aria-pressed')).toBe('true');
    // Both labels are laid out (the card keeps one size); the shown one is the one not aria-hidden.
    expect(text(z1Button.querySelector('[aria-hidden="false"]'))).toBe('Following');
    expect(need(root, '[data-device-id="samsung-galaxy-s24-ultra"] button[aria-pressed]').getAttribute('aria-pressed')).toBe('false');
    expect(worker.calls).toContainEqual({ type: 'getSummaries', data: { ids: ['samsung-galaxy-s24-ultra', 'sony-xperia-z1'] } });
  });

  it('follows a device from the list through the worker', async () => {
    const worker = pageWorker({ getSettings: () => settings, setFollow: ({ follow }) => ({ following: follow }) });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    const button = await until(() => need(root, '[data-device-id="sony-xperia-z1"] button[aria-pressed]'));
    await click(button);
    await until(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    expect(worker.calls).toContainEqual({ type: 'setFollow', data: { id: 'sony-xperia-z1', follow: true } });
  });

  it('turns marking off for a default news site through disabledSites', async () => {
    const worker = pageWorker({ getSettings: () => settings, setSettings: ({ patch }) => (settings = { ...settings, ...patch }) });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    const toggle = await until(() => need(root, '#site-switch'));
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(text(root.querySelector('#site-switch-label'))).toBe('Mark devices on gsmarena.com');
    await click(toggle);
    await until(() => expect(root.querySelector('#site-switch')!.getAttribute('aria-checked')).toBe('false'));
    expect(worker.calls).toContainEqual({ type: 'setSettings', data: { patch: { disabledSites: ['gsmarena.com'] } } });
  });

  it('says marking is off after the switch turns it off, and Undo turns it back on', async () => {
    const worker = fakeWorker({ getSettings: () => settings, setSettings: ({ patch }) => (settings = { ...settings, ...patch }), getSummaries: ({ ids }) => ids.flatMap((id) => current.get(id) ?? []) });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    await click(await until(() => need(root, '#site-switch')));
    await until(() => expect(text(root.querySelector('.app-notice'))).toContain('Marking is off on gsmarena.com.'));
    expect(text(root)).toContain('Marking is off on gsmarena.com');
    expect(text(root)).not.toContain('No devices found');
    const undo = [...root.querySelectorAll('.app-notice button')].find((b) => text(b) === 'Undo') ?? null;
    await click(undo);
    await until(() => expect(root.querySelector('#site-switch')?.getAttribute('aria-checked')).toBe('true'), 8000);
    expect(worker.calls.filter((c) => c.type === 'setSettings').map((c) => c.data)).toEqual([
      { patch: { disabledSites: ['gsmarena.com'] } },
      { patch: { disabledSites: [] } },
    ]);
    await until(() => expect(root.querySelectorAll('[data-device-id]')).toHaveLength(2));
  });

  it('says marking is off, not "no devices", on a site turned off from the card, with a way back', async () => {
    settings.disabledSites = ['gsmarena.com'];
    // The content script still answers, with nothing marked.
    fakeBrowser.tabs.sendMessage = (async () => ({ ok: true, value: { url: 'https://www.gsmarena.com/news.php', ids: [], summaries: [] } })) as never;
    const worker = fakeWorker({ getSettings: () => settings, setSettings: ({ patch }) => (settings = { ...settings, ...patch }) });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    await until(() => expect(text(root)).toContain('Marking is off on gsmarena.com'));
    expect(text(root)).not.toContain('No devices found');
    expect(text(root)).toContain('Don’t mark on this site');
    const back = [...root.querySelectorAll('.app-state button')].find((b) => text(b) === 'Mark devices here again') ?? null;
    await click(back);
    await until(() => expect(worker.calls).toContainEqual({ type: 'setSettings', data: { patch: { disabledSites: [] } } }));
  });

  it('says what to do when no content script answers on a site that is not turned on', async () => {
    fakeBrowser.tabs.query = (async () => [{ id: 9, url: 'https://blog.example.com/post', active: true }]) as never;
    fakeBrowser.tabs.sendMessage = (async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never;
    pageWorker({ getSettings: () => settings });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    await until(() => expect(text(root)).toContain('Marking is off on blog.example.com'));
    expect(text(root)).toContain('Turn the switch above on');
    expect(root.querySelector('#site-switch')!.getAttribute('aria-checked')).toBe('false');
  });

  it('shows followed devices with their expected date and what changed, then marks the changes seen', async () => {
    const worker = pageWorker({
      getSettings: () => settings,
      listFollows: () => [{ summary: s24, since: '2024-01-01', muted: false, unseenChanges: [{ deviceId: s24.id, kind: 'status', text: 'Now released', at: '2024-01-31T10:00:00Z' }] }],
      markChangesSeen: () => ({ ok: true }),
      getDevice: () => ({
        device: { ...z1Device, id: s24.id, status: [{ status: 'announced', date: '2024-01-17' }, { status: 'released', date: '2024-01-31', expected: true }] },
        following: true, muted: false, current: { status: 'announced' },
      }),
    });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    await click(root.querySelector('#tab-following'));
    await until(() => expect(text(root)).toContain('Now released'));
    expect(text(root)).toContain('Galaxy S24 Ultra');
    expect(text(root)).toContain('Next: Released, expected 2024-01-31');
    await until(() => expect(worker.calls.map((c) => c.type)).toContain('markChangesSeen'));
  });

  it('searches as the reader types and says a model code matched', async () => {
    const worker = pageWorker({
      getSettings: () => settings,
      search: ({ query }) => (query.toLowerCase().startsWith('sm-s9') ? [{ summary: s24, matchedName: 'SM-S928B', reason: 'code' }] : []),
    });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    await click(root.querySelector('#tab-search'));
    await typeInto(root.querySelector('input[type="search"]'), 'SM-S928B');
    await until(() => expect(text(root)).toContain('Model code SM-S928B'));
    expect(root.querySelector('[data-device-id="samsung-galaxy-s24-ultra"]')).not.toBeNull();
    await typeInto(root.querySelector('input[type="search"]'), 'nothing like it');
    await until(() => expect(text(root)).toContain('No device matches “nothing like it”'));
    expect(worker.calls.filter((c) => c.type === 'search').length).toBeGreaterThanOrEqual(2);
  });

  it('moves between tabs with the arrow keys', async () => {
    pageWorker({ getSettings: () => settings, listFollows: () => [] });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    const list = root.querySelector('[role="tablist"]')!;
    // linkedom's bubbling mixes listener types, so the key goes to the tablist that handles it.
    await press(list, 'ArrowRight');
    expect(root.querySelector('#tab-following')!.getAttribute('aria-selected')).toBe('true');
    await until(() => expect(text(root)).toContain('You follow no devices yet'));
  });

  it('offers comparison once two devices are picked', async () => {
    pageWorker({ getSettings: () => settings });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    const boxes = await until(() => {
      const found = root.querySelectorAll('input[type="checkbox"]');
      expect(found).toHaveLength(2);
      return found;
    });
    for (const box of boxes) await change(box, (el) => (el.checked = true));
    const link = await until(() => need(root, '.app-compare-bar a'));
    expect(link.getAttribute('href')).toBe('?compare=samsung-galaxy-s24-ultra,sony-xperia-z1');
  });

  it('shows a full record: specs, timeline per region, names, rumors, variants, comparisons and reading history', async () => {
    pageWorker({
      getSettings: () => settings,
      getDevice: ({ id }) => (id === z1Device.id ? { device: z1Device, following: false, muted: false, current: { status: 'released', date: '2013-09' } } : null),
      getSummaries: () => [{ ...z1, id: 'sony-xperia-z1s', name: 'Xperia Z1s' }],
      comparedWith: () => [s24],
      readingHistory: () => [{ url: 'https://www.gsmarena.com/z1-review.php', title: 'Xperia Z1 review', site: 'gsmarena.com', date: '2013-09-20', statusThen: 'announced', seenAt: '2024-02-01T00:00:00Z' }],
    });
    const root = await mount(<PopupApp route={{ view: 'device', deviceId: 'sony-xperia-z1' }} />);
    await until(() => expect(text(root)).toContain('Xperia Z1 review'));
    const body = text(root);
    expect(body).toContain('Sony Xperia Z1');
    expect(body).toContain('170 g');
    expect(body).toContain('In JP');
    expect(body).toContain('First launch');
    expect(body).toContain('SO-01F');
    expect(body).toContain('A 20 MP camera');
    expect(body).toContain('Then: Announced');
    await until(() => expect(text(root)).toContain('Sony Xperia Z1s'));
    await until(() => expect(text(root)).toContain('Samsung Galaxy S24 Ultra'));
    // The section says what "compared with" means: devices from the same articles.
    expect(text(root.querySelector('section[aria-labelledby="sec-compared"]'))).toContain(
      'Named in the same articlesOther devices named in the articles where you read about this one',
    );
    expect(root.querySelector('a[href="?compare=sony-xperia-z1,samsung-galaxy-s24-ultra"]')).not.toBeNull();
  });

  it('says so when a record is not in the index', async () => {
    pageWorker({ getDevice: () => null });
    const root = await mount(<PopupApp route={{ view: 'device', deviceId: 'gone' }} />);
    await until(() => expect(text(root)).toContain('This device is not in the index'));
  });

  it('compares devices side by side and highlights only the rows that differ', async () => {
    pageWorker({ getDevice: ({ id }) => ({ device: id === z1Device.id ? z1Device : z1sDevice, following: false, muted: false, current: { status: 'released' } }) });
    const root = await mount(<PopupApp route={{ view: 'compare', compareIds: ['sony-xperia-z1', 'sony-xperia-z1s'] }} />);
    const rows = await until(() => {
      const found = [...root.querySelectorAll('tbody tr')];
      expect(found.length).toBeGreaterThan(3);
      return found;
    });
    const weight = rows.find((r) => text(r.querySelector('th')).startsWith('Weight'));
    expect(weight?.getAttribute('data-differs')).toBe('true');
    expect(text(weight)).toContain('(differs)');
    const chip = rows.find((r) => text(r.querySelector('th')).startsWith('Chipset'));
    expect(chip?.getAttribute('data-differs')).toBe('false');
  });
});

describe('popup addresses', () => {
  it('reads the record, comparison and tab from the query, refusing malformed ids', () => {
    expect(parseRoute('?device=sony-xperia-z1&tab=12')).toEqual({ view: 'device', deviceId: 'sony-xperia-z1', tabId: 12 });
    expect(parseRoute('?compare=a,b,c,d')).toEqual({ view: 'compare', compareIds: ['a', 'b', 'c'] });
    expect(parseRoute('?compare=a')).toEqual({ view: 'main' });
    expect(parseRoute('?device=<script>')).toEqual({ view: 'main' });
  });

  it('opens on the section a notification names, and ignores unknown sections', () => {
    expect(parseRoute('?section=following')).toEqual({ view: 'main', section: 'following' });
    expect(parseRoute('?section=admin')).toEqual({ view: 'main' });
  });

  it('builds comparison rows that leave out specs no device has', () => {
    const rows = compareRows([z1Device, z1sDevice]);
    expect(rows.some((r) => r.values.every((v) => v === ''))).toBe(false);
    expect(rows.find((r) => r.differs)?.values).toEqual(['170 g', '162 g']);
    // The lighter one is better; equal batteries make neither better.
    expect(rows.find((r) => r.differs)?.better).toEqual([1]);
    expect(rows.find((r) => r.values[0] === '3000 mAh')?.better).toEqual([]);
  });

  it('marks the better value in the comparison for readers and screen readers', async () => {
    fakeWorker({ getSettings: () => settings, getDevice: ({ id }) => ({ device: id === z1Device.id ? z1Device : z1sDevice, following: false, muted: false, current: { status: 'released' } }) });
    const root = await mount(<PopupApp route={{ view: 'compare', compareIds: [z1Device.id, z1sDevice.id] }} />);
    const better = await until(() => {
      const cells = [...root.querySelectorAll('td[data-better="true"]')];
      expect(cells).toHaveLength(1);
      return cells[0]!;
    });
    expect(text(better)).toBe('162 g ★ (better)');
    expect(text(root)).toContain('★ marks the better value');
  });

  it('explains the limit when a fourth device is picked, and keeps the box clear', async () => {
    const more = ['a', 'b', 'c', 'd'].map((k) => ({ ...z1, id: `sony-xperia-${k}`, name: `Xperia ${k.toUpperCase()}` }));
    fakeBrowser.tabs.sendMessage = (async () => ({ ok: true, value: { url: 'https://www.gsmarena.com/news.php', ids: more.map((m) => m.id), summaries: more } })) as never;
    fakeWorker({ getSettings: () => settings, getSummaries: ({ ids }) => more.filter((m) => ids.includes(m.id)) });
    const root = await mount(<PopupApp route={{ view: 'main' }} />);
    const boxes = await until(() => {
      const found = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
      expect(found).toHaveLength(4);
      return found;
    });
    for (const box of boxes.slice(0, 3)) await change(box, (el) => (el.checked = true));
    await until(() => expect(text(root.querySelector('.app-compare-bar'))).toContain('3 of 3 picked'));
    await change(boxes[3]!, (el) => (el.checked = true));
    await until(() => expect(text(root.querySelector('.app-compare-bar'))).toContain('You can compare up to 3 devices. Clear one to pick another.'));
    expect(boxes[3]!.checked).toBe(false);
    expect(root.querySelector('.app-compare-bar a')!.getAttribute('href')).toBe('?compare=sony-xperia-a,sony-xperia-b,sony-xperia-c');
  });
});
