// A build-time fix to WXT 0.21.0, the version we pin: its content script context announces every start
// with `window.postMessage({ type: "<extension id>:content:wxt:content-script-started", ... }, "*")`,
// so any page can learn SpecScout's id (and that it is installed) with one `message` listener. WXT
// keeps that message only so content scripts built by WXT versions from before it moved to a `document`
// CustomEvent (which listened for the window message) stop when a newer one starts. Every SpecScout build
// listens for the CustomEvent, so the window message is dropped and the CustomEvent kept.
//
// Upstream added the option `noScriptStartedPostMessage` for this (wxt-dev/wxt#2265), but the 0.21.0
// package we install does not read it yet. When WXT is upgraded to a package that does, set that option
// in entrypoints/content/index.ts and delete this plugin; the build fails here first (the code it
// removes is no longer found), and tests/e2e/hostile-card.e2e.ts checks the page still hears nothing.
import type { Plugin } from 'vite';

/** The module of WXT's that posts the message (its path inside the package). */
export const CONTEXT_MODULE = /[\\/]wxt[\\/]dist[\\/]utils[\\/]content-script-context\.mjs$/;

/** The exact statement in WXT 0.21.0's published content-script-context.mjs. */
export const STARTED_WINDOW_MESSAGE = `		window.postMessage({
			type: ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE,
			contentScriptName: this.contentScriptName,
			messageId: this.id
		}, "*");
`;

/** WXT's content-script-context module without the window message; throws if the statement is not found exactly once. */
export function dropStartedWindowMessage(code: string): string {
  const at = code.indexOf(STARTED_WINDOW_MESSAGE);
  if (at < 0 || code.indexOf(STARTED_WINDOW_MESSAGE, at + 1) >= 0) {
    throw new Error(
      "WXT's content-script-context.mjs changed: the content-script-started window message was not found once. " +
        'If this WXT reads `noScriptStartedPostMessage`, set it in entrypoints/content/index.ts and remove scripts/lib/wxt-started-message.ts.',
    );
  }
  return code.slice(0, at) + code.slice(at + STARTED_WINDOW_MESSAGE.length);
}

export function noStartedWindowMessage(): Plugin {
  return {
    name: 'specscout:no-started-window-message',
    transform(code, id) {
      if (!CONTEXT_MODULE.test(id.split('?')[0]!)) return null;
      return { code: dropStartedWindowMessage(code), map: null };
    },
  };
}
