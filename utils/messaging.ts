// Sending side of the protocol: every context talks to the worker and tabs only through these.
import { browser } from 'wxt/browser';
import type { ContentType, Envelope, Reply, ToBackground, ToContent, BackgroundType } from './protocol';

export class MessageError extends Error {
  override name = 'MessageError';
}

function unwrap<R>(reply: unknown, type: string): R {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    // No listener answered: the worker is starting or the extension was reloaded.
    throw new MessageError(`${type}: no answer from SpecScout`);
  }
  const typed = reply as Reply<R>;
  if (!typed.ok) throw new MessageError(`${type}: ${typed.error}`);
  return typed.value;
}

export async function sendToBackground<T extends BackgroundType>(
  type: T,
  data: ToBackground[T]['req'],
): Promise<ToBackground[T]['res']> {
  const envelope: Envelope<T> = { specscout: 1, type, data };
  const reply: unknown = await browser.runtime.sendMessage(envelope);
  return unwrap<ToBackground[T]['res']>(reply, type);
}

export async function sendToTab<T extends ContentType>(
  tabId: number,
  type: T,
  data: ToContent[T]['req'],
): Promise<ToContent[T]['res']> {
  const envelope: Envelope<T> = { specscout: 1, type, data };
  const reply: unknown = await browser.tabs.sendMessage(tabId, envelope);
  return unwrap<ToContent[T]['res']>(reply, type);
}
