// Test doubles for the popup and options tests: a DOM (linkedom), the browser's i18n reading the
// English messages file, and a fake worker answering typed messages through fakeBrowser.runtime.
import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Envelope, ToBackground, BackgroundType } from '../../utils/protocol';
import { getMessage } from './fake-i18n';

export { getMessage };

export function installDom(): Document {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  const g = globalThis as Record<string, unknown>;
  for (const name of ['window', 'document', 'Node', 'Element', 'HTMLElement', 'HTMLInputElement', 'Event', 'KeyboardEvent', 'MouseEvent', 'CustomEvent', 'SVGElement', 'Text']) {
    g[name] = (window as unknown as Record<string, unknown>)[name];
  }
  g.location = { search: '' };
  // linkedom has no focus management; the tabs call focus() after arrow keys.
  const proto = (window as unknown as { HTMLElement: { prototype: Record<string, unknown> } }).HTMLElement.prototype;
  if (typeof proto.focus !== 'function') proto.focus = function focus() {};
  // Preact lower-cases an event name only when the element has the `on…` property; linkedom lacks this one.
  if (!('onkeydown' in proto)) proto.onkeydown = null;
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
  return document;
}

type Answers = { [T in BackgroundType]?: (data: ToBackground[T]['req']) => ToBackground[T]['res'] | Promise<ToBackground[T]['res']> };

/** A fake worker: answers each message type with the given function; records every request. */
export function fakeWorker(answers: Answers): { calls: { type: string; data: unknown }[] } {
  const calls: { type: string; data: unknown }[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: Envelope) => {
    calls.push({ type: message.type, data: message.data });
    const answer = answers[message.type as BackgroundType] as ((data: unknown) => unknown) | undefined;
    if (!answer) return Promise.resolve({ ok: false, error: `${message.type} is not available yet` });
    return Promise.resolve()
      .then(() => answer(message.data))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: String(error) }),
      );
  }) as never);
  return { calls };
}

export async function mount(node: ComponentChild): Promise<HTMLElement> {
  const root = document.getElementById('app')!;
  await act(() => {
    render(node, root);
  });
  return root;
}

export async function unmount(): Promise<void> {
  await act(() => {
    render(null, document.getElementById('app')!);
  });
}

/** Waits until `check` stops throwing (renders settle after worker answers and timers). */
export async function until<T>(check: () => T, timeout = 2000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() - start > timeout) throw error;
      await act(() => new Promise((r) => setTimeout(r, 15)));
    }
  }
}

/** The element matching `selector`, or a throw (so `until` keeps waiting). */
export function need(root: ParentNode, selector: string): Element {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`no ${selector} yet`);
  return found;
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function click(el: Element | null): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(() => {
    el.dispatchEvent(new (globalThis as unknown as { Event: typeof Event }).Event('click', { bubbles: true }));
  });
}

/** A keydown with `key` (linkedom has no KeyboardEvent constructor). */
export async function press(el: Element | null, key: string): Promise<void> {
  if (!el) throw new Error('nothing to press on');
  const event = Object.assign(new (globalThis as unknown as { Event: typeof Event }).Event('keydown', { bubbles: true, cancelable: true }), { key });
  await act(() => {
    el.dispatchEvent(event);
  });
}

export async function typeInto(input: Element | null, value: string): Promise<void> {
  if (!input) throw new Error('no input');
  (input as HTMLInputElement).value = value;
  await act(() => {
    input.dispatchEvent(new (globalThis as unknown as { Event: typeof Event }).Event('input', { bubbles: true }));
  });
}

export async function change(input: Element | null, apply: (el: HTMLInputElement) => void): Promise<void> {
  if (!input) throw new Error('no input');
  apply(input as HTMLInputElement);
  await act(() => {
    input.dispatchEvent(new (globalThis as unknown as { Event: typeof Event }).Event('change', { bubbles: true }));
  });
}
