// Placeholder wiring until marking lands: proves the content script runs and reaches the worker.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '../../utils/messaging';

export async function startPage(_ctx: ContentScriptContext): Promise<void> {
  const reply = await sendToBackground('ping', {});
  document.documentElement.dataset.specscoutPing = String(reply.indexVersion ?? 'none');
}
