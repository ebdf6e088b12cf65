// Keyboard commands from the manifest: `open-card` asks the active tab's content script to open the
// card for the marked name at the caret or selection.
import { browser } from 'wxt/browser';
import { sendToTab } from '../../utils/messaging';

export async function onCommand(command: string): Promise<void> {
  if (command !== 'open-card') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  // A tab without our content script (not a news site, not turned on) has nobody to answer: fine.
  await sendToTab(tab.id, 'openCardAtSelection', {}).catch(() => undefined);
}
