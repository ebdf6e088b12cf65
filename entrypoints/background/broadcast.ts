// Tells every tab's content script that settings changed, so marks follow the options at once.
import { browser } from 'wxt/browser';
import { sendToTab } from '../../utils/messaging';
import type { Settings } from '../../utils/protocol';

export async function broadcastSettings(settings: Settings): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : // Tabs without our content script reject; that is expected and harmless.
          sendToTab(tab.id, 'settingsChanged', { settings }).catch(() => undefined),
    ),
  );
}
